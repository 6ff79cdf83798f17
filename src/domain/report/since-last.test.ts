import { describe, expect, test } from "vitest";
import { changePlanReport } from "../../../tests/fixtures/change-plan-report";
import { detectCatalogDrift, pickFactsOf, type ToolFacts } from "./catalog-drift";
import { describeSinceLast } from "./since-last";
import { sinceLastLines } from "./since-last-text";

const active = (name: string, license = "Apache-2.0"): ToolFacts => ({
  name,
  status: "active",
  license,
  successor: null,
});

describe("catalog drift: what changed since a report was made that touches its picks", () => {
  const { recommendation } = changePlanReport();
  const then = pickFactsOf(recommendation, (slug) => active(slug === "bentoml" ? "BentoML" : slug));

  test("a report remembers every tool it names, including companions and the tools it replaces", () => {
    expect(Object.keys(then)).toEqual(
      expect.arrayContaining(["gitlab", "git", "mlflow", "neptune", "prometheus", "grafana", "bentoml"]),
    );
  });

  test("nothing changed: no notice", () => {
    expect(detectCatalogDrift(recommendation, then, (slug) => then[slug])).toBeNull();
  });

  test.each([
    [
      "retired",
      { ...active("BentoML"), status: "sunset" as const, successor: "kserve" },
      /being shut down \(sunset\).*KServe/,
    ],
    ["relicensed", active("BentoML", "BUSL-1.1"), /licence from Apache-2.0 to BUSL-1.1/],
    ["replaced", { ...active("BentoML"), successor: "kserve" }, /names KServe as the successor of BentoML/],
    ["removed", undefined, /no longer in the catalog/],
  ] as const)("a pick %s since is named, with the jobs it was picked for", (kind, today, detail) => {
    const lookup = (slug: string) => (slug === "bentoml" ? today : slug === "kserve" ? active("KServe") : then[slug]);
    const notice = detectCatalogDrift(recommendation, then, lookup);
    expect(notice?.changes).toHaveLength(1);
    expect(notice!.changes[0]).toMatchObject({ slug: "bentoml", kind, capabilities: ["Model serving"] });
    expect(notice!.changes[0]!.detail).toMatch(detail);
  });

  test("a tool the report only replaces does not raise a notice when it retires", () => {
    const lookup = (slug: string) =>
      slug === "neptune" ? { ...then.neptune!, status: "sunset" as const } : then[slug];
    expect(detectCatalogDrift(recommendation, then, lookup)).toBeNull();
  });
});

describe("since your last assessment", () => {
  const before = changePlanReport();
  const side = (data: ReturnType<typeof changePlanReport>, id: string) => ({
    id,
    createdAt: data.assessment.createdAt,
    profile: data.profile,
    recommendation: data.recommendation,
  });

  test("the same answers on the same catalog: nothing changed, and it says so", () => {
    const since = describeSinceLast(side(before, "A"), side(changePlanReport(), "B"));
    expect(since).toMatchObject({ reason: "rerun", isUnchanged: true, stage: null, picks: [] });
    expect(sinceLastLines(since)).toEqual(["Nothing changed: the same stage, scores and stack."]);
  });

  test("a re-run after a pick retired: the replaced pick says why, from the catalog notice", () => {
    const after = changePlanReport();
    const serving = after.recommendation.items.find((i) => i.capability === "model-serving")!;
    serving.pick = { ...serving.pick!, slug: "kserve", name: "KServe" };
    const drift = {
      changes: [
        {
          slug: "bentoml",
          name: "BentoML",
          kind: "retired" as const,
          detail: "BentoML is being shut down (sunset) since this report.",
          capabilities: ["Model serving"],
        },
      ],
    };
    const since = describeSinceLast(side(before, "A"), side(after, "B"), drift);
    expect(since.reason).toBe("rerun");
    expect(since.picks).toEqual([
      expect.objectContaining({ kind: "replaced", from: "BentoML", to: "KServe", why: drift.changes[0]!.detail }),
    ]);
    expect(sinceLastLines(since)).toContain(
      `Replaced — Model serving: BentoML → KServe. Why: ${drift.changes[0]!.detail}`,
    );
  });

  test("edited answers: stage, level and dimension moves, the answers, and picks added, removed and moved", () => {
    const after = changePlanReport();
    after.profile = {
      ...after.profile,
      stage: 3,
      overall: { ...after.profile.overall, level: 2.4 },
      dimensions: after.profile.dimensions.map((d) =>
        d.slug === "monitoring"
          ? {
              ...d,
              score: 2.5,
              drivers: d.drivers.map((q) => ({ ...q, answer: "Dashboards and alerts", isDontKnow: false })),
            }
          : d,
      ),
      constraints: { ...after.profile.constraints, kubernetes: "yes" },
    };
    after.recommendation.items = after.recommendation.items
      .filter((i) => i.capability !== "identity-access")
      .map((i) => (i.capability === "workflow-orchestration" ? { ...i, horizon: "now" as const } : i));
    after.recommendation.items.push({
      ...after.recommendation.items.find((i) => i.capability === "model-monitoring")!,
      capability: "drift-detection",
      capabilityName: "Drift detection",
    });
    const since = describeSinceLast(side(before, "A"), side(after, "B"));
    expect(since.reason).toBe("edited");
    expect(since.stage).toEqual({ from: 2, to: 3 });
    expect(since.overall).toEqual({ from: 1.7, to: 2.4 });
    expect(since.dimensions).toEqual([{ slug: "monitoring", name: "Monitoring", from: 1, to: 2.5 }]);
    expect(since.answers.map((a) => a.prompt)).toEqual(["How does your team handle monitoring?", "Kubernetes"]);
    expect(since.picks.map((p) => [p.kind, p.capabilityName])).toEqual([
      ["moved", "Workflow orchestration"],
      ["added", "Drift detection"],
      ["removed", "Identity & access"],
    ]);
    for (const p of since.picks) expect(p.why.length).toBeGreaterThan(10);
    expect(sinceLastLines(since)[0]).toBe("Stage 2 → 3; overall level 1.7 → 2.4.");
  });
});
