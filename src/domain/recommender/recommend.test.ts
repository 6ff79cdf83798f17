import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { profile } from "../../../tests/fixtures/team-profiles";
import type { Constraints } from "../assessment/constraints";
import { CLOUDS, HOSTING_OPTIONS, PRICING_MODELS, TOOL_STATUSES, type MaturityStage } from "../catalog/vocabulary";
import { diffRecommendations } from "./diff";
import { exclusionReasons, isEligible } from "./eligibility";
import { recommend } from "./recommend";
import type { RecommenderCatalog, RecommenderTool } from "./types";

function tool(slug: string, overrides: Partial<RecommenderTool> = {}): RecommenderTool {
  return {
    slug,
    name: slug.toUpperCase(),
    summary: "s",
    license: "Apache-2.0",
    isOpenSource: true,
    pricing: "open-source",
    hosting: ["self-hosted"],
    clouds: ["any"],
    needsKubernetes: false,
    stages: [1, 2, 3, 4],
    opsComplexity: 2,
    learningCurve: 2,
    teamSizes: ["small"],
    capabilities: { primary: ["experiment-tracking"], secondary: [] },
    integrations: [],
    risks: [],
    status: "active",
    successor: null,
    ...overrides,
  };
}

const CAPABILITIES = [
  { slug: "version-control", name: "Version control", phase: "experimentation", neededFromStage: 1 },
  { slug: "experiment-tracking", name: "Experiment tracking", phase: "experimentation", neededFromStage: 1 },
  { slug: "continuous-integration", name: "CI", phase: "cicd", neededFromStage: 2 },
  { slug: "workflow-orchestration", name: "Orchestration", phase: "cicd", neededFromStage: 3 },
  { slug: "model-monitoring", name: "Model monitoring", phase: "monitoring", neededFromStage: 3 },
  { slug: "secrets-management", name: "Secrets", phase: "governance", neededFromStage: 4 },
];

function catalogOf(tools: RecommenderTool[]): RecommenderCatalog {
  return {
    phases: [{ slug: "experimentation", name: "Exp", order: 1, isOverlay: false }],
    capabilities: CAPABILITIES,
    tools,
  };
}

/** One capability, one ideal tool, and one that breaks exactly one constraint but otherwise scores higher. */
function contest(breaker: Partial<RecommenderTool>) {
  return catalogOf([
    tool("plain"),
    // A broad ecosystem makes it the better tool on every soft criterion.
    tool("tempting", {
      ...breaker,
      integrations: ["x1", "x2", "x3", "x4", "x5", "x6", "x7"],
      opsComplexity: 1,
      learningCurve: 1,
    }),
  ]);
}

const pick = (c: RecommenderCatalog, constraints: Partial<Constraints>, stage: MaturityStage = 2) =>
  recommend(profile(stage, 2, constraints), c).items.find((i) => i.capability === "experiment-tracking")?.pick?.slug;

describe("hard constraints filter, they never just lower a score", () => {
  test.each<[string, Partial<RecommenderTool>, Partial<Constraints>, Partial<Constraints>]>([
    [
      "never picks a tool that needs Kubernetes when the team has none",
      { needsKubernetes: true },
      { kubernetes: "yes" },
      { kubernetes: "no" },
    ],
    [
      "never picks a Kubernetes tool for now when Kubernetes is only planned",
      { needsKubernetes: true },
      { kubernetes: "yes" },
      { kubernetes: "planned" },
    ],
    ["never picks SaaS-only for an air-gapped team", { hosting: ["managed-saas"] }, {}, { airGapped: true }],
    ["never picks SaaS-only for an on-premises team", { hosting: ["managed-saas"] }, {}, { cloud: "on-premises" }],
    [
      "never picks a proprietary tool under an open-source-only policy",
      { isOpenSource: false, license: "proprietary" },
      {},
      { licensePolicy: "open-source-only" },
    ],
    [
      "never picks a source-available tool under an open-source-only policy",
      { isOpenSource: false, license: "BUSL-1.1" },
      {},
      { licensePolicy: "open-source-only" },
    ],
    [
      "never picks another cloud's service",
      { clouds: ["aws"], hosting: ["cloud-service"] },
      { cloud: "aws" },
      { cloud: "gcp" },
    ],
    [
      "never picks a cloud-specific service when no cloud is chosen",
      { clouds: ["azure"], hosting: ["cloud-service"] },
      { cloud: "azure" },
      { cloud: "undecided" },
    ],
    ["never picks a paid product with no budget", { pricing: "paid" }, { budget: "large" }, { budget: "none" }],
    ["never picks a sunset tool", { status: "sunset", successor: "plain" }, {}, {}],
    ["never picks a renamed tool", { status: "renamed", successor: "plain" }, {}, {}],
    [
      "never picks a deprecated tool, even one the team uses",
      { status: "deprecated", successor: "plain" },
      {},
      { toolsInUse: ["tempting"] },
    ],
  ])("%s", (_name, breaker, base, constraints) => {
    const c = contest(breaker);
    // Without the constraint, the tempting tool would win (proves the test can fail).
    if (!breaker.status) expect(pick(c, base)).toBe("tempting");
    expect(pick(c, { ...base, ...constraints })).toBe("plain");
  });

  test("a tool ruled out by a constraint is reported with the reason", () => {
    const r = recommend(profile(2, 2, { kubernetes: "no" }), contest({ needsKubernetes: true }));
    expect(r.excluded).toEqual([
      { slug: "tempting", name: "TEMPTING", reasons: ["It needs Kubernetes, which you do not run."] },
    ]);
  });

  test("a needed capability with no allowed tool is flagged, with why", () => {
    const r = recommend(
      profile(2, 2, { licensePolicy: "open-source-only" }),
      catalogOf([tool("closed", { isOpenSource: false, license: "proprietary" })]),
    );
    const item = r.items.find((i) => i.capability === "experiment-tracking")!;
    expect(item.pick).toBeNull();
    expect(item.uncoveredReason).toMatch(/CLOSED — Its licence \(proprietary\) is not open source/);
    expect(r.warnings.some((w) => w.kind === "uncovered" && w.capability === "experiment-tracking")).toBe(true);
  });

  test("exclusionReasons and isEligible agree", () => {
    const arbitraryTool = fc.record({
      needsKubernetes: fc.boolean(),
      isOpenSource: fc.boolean(),
      hosting: fc.subarray([...HOSTING_OPTIONS], { minLength: 1 }),
      clouds: fc.subarray([...CLOUDS], { minLength: 1 }),
      pricing: fc.constantFrom(...PRICING_MODELS),
      status: fc.constantFrom(...TOOL_STATUSES),
    });
    fc.assert(
      fc.property(
        arbitraryTool,
        arbitraryConstraints(),
        fc.constantFrom("now", "next", "later" as const),
        (t, c, horizon) => {
          const candidate = tool("x", t);
          expect(isEligible(candidate, c, horizon)).toBe(exclusionReasons(candidate, c, horizon).length === 0);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe("stage boundaries", () => {
  const c = catalogOf(
    CAPABILITIES.map((cap) => tool(`t-${cap.slug}`, { capabilities: { primary: [cap.slug], secondary: [] } })),
  );
  test.each<[MaturityStage, Record<string, string>]>([
    [
      1,
      {
        "version-control": "now",
        "experiment-tracking": "now",
        "continuous-integration": "next",
        "workflow-orchestration": "later",
        "secrets-management": "later",
      },
    ],
    [2, { "continuous-integration": "now", "workflow-orchestration": "next", "secrets-management": "later" }],
    [3, { "workflow-orchestration": "now", "model-monitoring": "now", "secrets-management": "next" }],
    [4, { "secrets-management": "now" }],
  ])("at stage %i capabilities come now, next or later as planned", (stage, expected) => {
    const r = recommend(profile(stage, stage - 0.5, {}), c);
    for (const [capability, horizon] of Object.entries(expected)) {
      expect(r.items.find((i) => i.capability === capability)?.horizon, capability).toBe(horizon);
    }
  });

  test("models in production pull monitoring to now; regulation pulls secrets to now", () => {
    expect(
      recommend(profile(2, 1.5, { modelsInProduction: "few" }), c).items.find(
        (i) => i.capability === "model-monitoring",
      )?.horizon,
    ).toBe("now");
    const regulated = recommend(profile(2, 1.5, { regulated: true }), c).items.find(
      (i) => i.capability === "secrets-management",
    )!;
    expect(regulated.horizon).toBe("now");
    expect(regulated.drivers.join(" ")).toMatch(/Regulated/);
  });
});

function arbitraryConstraints() {
  return fc.record({
    cloud: fc.constantFrom("aws", "gcp", "azure", "on-premises", "multi-cloud", "undecided" as const),
    airGapped: fc.boolean(),
    kubernetes: fc.constantFrom("yes", "planned", "no" as const),
    licensePolicy: fc.constantFrom("open-source-only", "prefer-open-source", "any" as const),
    hostingPreference: fc.constantFrom("managed", "self-hosted", "no-preference" as const),
    budget: fc.constantFrom("none", "small", "moderate", "large" as const),
    teamSize: fc.constantFrom("solo", "small", "medium", "large" as const),
    modelsInProduction: fc.constantFrom("none", "few", "several", "many" as const),
    regulated: fc.boolean(),
    llmApplications: fc.constantFrom("yes", "planned", "no" as const),
    toolsInUse: fc.constant<string[]>([]),
  }) satisfies fc.Arbitrary<Constraints>;
}

/** Random catalogs: every capability has a few tools with random facts. */
function arbitraryCatalog() {
  const arbitraryTool = (i: number) =>
    fc
      .record({
        needsKubernetes: fc.boolean(),
        isOpenSource: fc.boolean(),
        hosting: fc.subarray([...HOSTING_OPTIONS], { minLength: 1 }),
        clouds: fc.subarray([...CLOUDS], { minLength: 1 }),
        pricing: fc.constantFrom(...PRICING_MODELS),
        status: fc.constantFrom(...TOOL_STATUSES),
        stages: fc.subarray([1, 2, 3, 4] as MaturityStage[], { minLength: 1 }),
        opsComplexity: fc.integer({ min: 1, max: 5 }),
        primary: fc.subarray(
          CAPABILITIES.map((c) => c.slug),
          { minLength: 1, maxLength: 2 },
        ),
        integrations: fc.subarray(
          Array.from({ length: 12 }, (_, j) => `t${j}`),
          { maxLength: 4 },
        ),
      })
      .map((r) =>
        tool(`t${i}`, {
          ...r,
          capabilities: { primary: r.primary, secondary: [] },
          integrations: r.integrations.filter((s) => s !== `t${i}`),
          successor: r.status === "active" || r.status === "maintenance" ? null : "t0",
        }),
      );
  return fc.tuple(...Array.from({ length: 12 }, (_, i) => arbitraryTool(i))).map(catalogOf);
}

describe("properties over random profiles and catalogs", () => {
  const stage = fc.constantFrom<MaturityStage>(1, 2, 3, 4);

  test("deterministic, never violates a constraint, never picks a retired tool, explains every pick", () => {
    fc.assert(
      fc.property(arbitraryCatalog(), stage, arbitraryConstraints(), (catalog, s, constraints) => {
        const p = profile(s, s - 0.5, constraints);
        const r = recommend(p, catalog);
        expect(recommend(p, catalog)).toEqual(r);
        const bySlug = new Map(catalog.tools.map((t) => [t.slug, t]));
        for (const item of r.items) {
          if (!item.pick) {
            expect(item.uncoveredReason).toBeTruthy();
            continue;
          }
          const t = bySlug.get(item.pick.slug)!;
          expect(isEligible(t, constraints, item.horizon)).toBe(true);
          expect(["sunset", "deprecated", "renamed"]).not.toContain(t.status);
          expect(item.pick.breakdown.length).toBeGreaterThan(0);
          expect(item.pick.reasons.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 300 },
    );
  });

  test("a more mature profile never has fewer capabilities covered now", () => {
    fc.assert(
      fc.property(
        arbitraryCatalog(),
        arbitraryConstraints(),
        fc.constantFrom(1, 2, 3 as const),
        (catalog, constraints, s) => {
          const coveredNow = (st: MaturityStage) =>
            recommend(profile(st, st - 0.5, constraints), catalog).items.filter((i) => i.horizon === "now" && i.pick)
              .length;
          expect(coveredNow((s + 1) as MaturityStage)).toBeGreaterThanOrEqual(coveredNow(s));
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe("the what-if diff", () => {
  test("names the picks, horizons and stage that changed", () => {
    const c = catalogOf([tool("a", { needsKubernetes: true, opsComplexity: 1 }), tool("b")]);
    const before = recommend(profile(2, 2, { kubernetes: "yes" }), c);
    const after = recommend(profile(3, 2.5, { kubernetes: "no" }), c);
    const changes = diffRecommendations(before, after);
    expect(changes).toContainEqual({ kind: "stage", from: 2, to: 3 });
    expect(changes).toContainEqual({
      kind: "pick",
      capability: "experiment-tracking",
      capabilityName: "Experiment tracking",
      from: "A",
      to: "B",
    });
    expect(diffRecommendations(before, before)).toEqual([]);
  });
});
