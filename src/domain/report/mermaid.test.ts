import { describe, expect, test } from "vitest";
import { changePlanReport } from "../../../tests/fixtures/change-plan-report";
import { HOSTILE_NAMES, hostileReport } from "../../../tests/fixtures/hostile-report";
import { buildLifecycleDiagram, countToolNodes, layoutLifecycle, MAX_LABEL, mermaidLabel } from "./mermaid";

/** Characters that could end a quoted label, start a directive or comment, or carry markup. */
// eslint-disable-next-line no-control-regex -- control characters are among the dangerous ones
const DANGEROUS = /["[\]|<>&`{}%\n\r\u0000-\u001f]/;

/** Every line the builder may write; anything else means data changed the diagram's structure. */
const ALLOWED_LINES = [
  /^flowchart TB$/,
  /^ {2}subgraph (life|base)\[" "\]$/,
  /^ {4}subgraph (c|b)\d+\["[^"]*"\]$/,
  /^ {4}subgraph legend\["Legend"\]$/,
  /^ {4,6}direction (LR|TB)$/,
  /^ {6}t\d+\["[^"]*"\]:::(inplace|now|next|later)$/,
  /^ {6}l\d\["[^"]*"\]:::(inplace|now|next|later)$/,
  /^ {2,4}end$/,
  /^ {4}c\d+ (-->|-\. retrain \.->) c\d+$/,
  /^ {4}(b\d+|legend)( ~~~ (b\d+|legend))+$/,
  /^ {2}life ~~~ base$/,
  /^ {2}style (life|base) fill:none,stroke:none$/,
  /^ {2}(c\d+|b\d+|legend)@\{ algorithm: "elk\.rectpacking" \}$/,
  /^ {2}classDef (inplace|now|next|later) [a-z0-9:#,\-. ]+$/,
];

describe("mermaidLabel", () => {
  test.each(HOSTILE_NAMES)("neutralises %j", (name) => {
    const label = mermaidLabel(name);
    expect(label).not.toMatch(DANGEROUS);
    expect(label).not.toContain("%%");
    // Every "#" starts an entity code, so nothing can be read as a literal hash or comment.
    expect(label.replace(/#\d+;/g, "")).not.toContain("#");
  });

  test("keeps ordinary names readable and cuts long ones", () => {
    expect(mermaidLabel("Great Expectations")).toBe("Great Expectations");
    expect(mermaidLabel("Weights & Biases")).toBe("Weights #38; Biases");
    expect([...mermaidLabel("A".repeat(200)).replace(/#\d+;/g, "…")].length).toBe(MAX_LABEL);
  });
});

describe("buildLifecycleDiagram", () => {
  test.each([
    ["hostile names", hostileReport()],
    ["a change plan", changePlanReport()],
  ])("writes only generated ids and known statements (%s), with and without layout hints", (_, data) => {
    for (const layoutHints of [false, true]) {
      const source = buildLifecycleDiagram(data.recommendation, data.phases, { layoutHints });
      for (const line of source.split("\n")) {
        expect(
          ALLOWED_LINES.some((re) => re.test(line)),
          line,
        ).toBe(true);
      }
    }
  });

  test("the Markdown's portable source has no Mermaid 12 layout hints", () => {
    const data = changePlanReport();
    expect(buildLifecycleDiagram(data.recommendation, data.phases)).not.toContain("@{");
    expect(buildLifecycleDiagram(data.recommendation, data.phases, { layoutHints: true })).toContain(
      'c1@{ algorithm: "elk.rectpacking" }',
    );
  });

  const data = changePlanReport();
  const source = buildLifecycleDiagram(data.recommendation, data.phases);
  const layout = layoutLifecycle(data.recommendation, data.phases);
  const columnNames = layout.columns.map((c) => c.lane.name);

  test("columns follow the lifecycle; governance, the platform and LLMOps are bands under them", () => {
    expect(columnNames).toEqual([
      "Data & features",
      "Experimentation & development",
      "Model management",
      "CI/CD/CT & infrastructure",
      "Serving & deployment",
      "Monitoring & feedback",
    ]);
    expect(layout.bands.map((b) => b.lane.name)).toEqual(["LLMOps", "Governance & security", "Platform"]);
    const headers = [...source.matchAll(/subgraph c\d+\["([^"]*)"\]/g)].map((m) => m[1]);
    expect(headers).toEqual(columnNames.map((n) => mermaidLabel(n)));
    expect(source).toMatch(/c1 --> c2\n {4}c2 --> c3\n {4}c3 --> c4\n {4}c4 --> c5\n {4}c5 --> c6/);
  });

  test("a tool picked for jobs in two phases appears in both; in one phase it appears once", () => {
    const mlflow = [...layout.columns, ...layout.bands].filter((lane) => lane.nodes.some((n) => n.key === "mlflow"));
    expect(mlflow.map((lane) => lane.lane.name)).toEqual(["Experimentation & development", "Model management"]);
    for (const lane of [...layout.columns, ...layout.bands]) {
      const keys = lane.nodes.map((n) => n.key);
      expect(new Set(keys).size).toBe(keys.length);
    }
    expect(countToolNodes(source)).toBe([...layout.columns, ...layout.bands].reduce((n, l) => n + l.nodes.length, 0));
  });

  test("in place, now, next and later are styled apart; tools in use and replacements are marked in the label", () => {
    const nodes = new Map([...layout.columns, ...layout.bands].flatMap((l) => l.nodes).map((n) => [n.key, n]));
    expect(nodes.get("gitlab")).toMatchObject({ status: "inplace", isInUse: true });
    expect(nodes.get("practice:feature-store")).toMatchObject({ status: "inplace", name: "Feature store" });
    expect(nodes.get("bentoml")?.status).toBe("now");
    expect(nodes.get("prefect")?.status).toBe("next");
    expect(nodes.get("keycloak")?.status).toBe("later");
    expect(source).toContain(`["${mermaidLabel("✓ GitLab")}"]:::inplace`);
    expect(source).toContain(`["${mermaidLabel("MLflow (replaces Neptune)")}"]:::now`);
    for (const style of ["inplace", "now", "next", "later"]) expect(source).toContain(`classDef ${style} `);
    expect(source).toMatch(
      /subgraph legend\["Legend"\][\s\S]*l1\["#10003; In place"\]:::inplace[\s\S]*l4\["Later"\]:::later/,
    );
  });

  test("the retraining loop is drawn only for a team that trains models", () => {
    expect(source).toMatch(/c6 -\. retrain \.-> c2/);
    const apiOnly = { ...data.recommendation, trainsModels: false };
    expect(buildLifecycleDiagram(apiOnly, data.phases)).not.toContain("retrain");
  });

  test("LLMOps appears only when the plan has LLM work", () => {
    const withoutLlm = {
      ...data.recommendation,
      items: data.recommendation.items.filter((i) => i.phase !== "llmops"),
    };
    expect(source).toContain('["LLMOps"]');
    expect(buildLifecycleDiagram(withoutLlm, data.phases)).not.toContain("LLMOps");
  });

  test("nothing picked and nothing in place is not drawn", () => {
    expect(
      [...layout.columns, ...layout.bands].flatMap((l) => l.nodes).some((n) => n.name.includes("Progressive")),
    ).toBe(false);
  });
});
