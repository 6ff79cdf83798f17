import { describe, expect, test } from "vitest";
import { HOSTILE_NAMES, hostileReport } from "../../../tests/fixtures/hostile-report";
import { buildLifecycleDiagram, countToolNodes, MAX_LABEL, mermaidLabel } from "./mermaid";

/** Characters that could end a quoted label, start a directive or comment, or carry markup. */
// eslint-disable-next-line no-control-regex -- control characters are among the dangerous ones
const DANGEROUS = /["[\]|<>&`{}%\n\r\u0000-\u001f]/;

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
  const data = hostileReport();
  const source = buildLifecycleDiagram(data.recommendation, data.phases);
  const picked = new Set(data.recommendation.items.flatMap((i) => (i.pick ? [i.pick.slug] : [])));

  test("only generated ids and known statements, whatever the catalog says", () => {
    const allowed = [
      /^flowchart TB$/,
      /^ {2}subgraph p\d+\["[^"]*"\]$/,
      /^ {2}subgraph legend\["Legend"\]$/,
      /^ {4}direction (LR|TB)$/,
      /^ {4}t\d+\["[^"]*"\]:::(now|next|later)$/,
      /^ {4}l\d\["[^"]*"\]:::(now|next|later)$/,
      /^ {2}end$/,
      /^ {2}p\d+ (-->|---|-\. retrain \.->) p\d+$/,
      /^ {2}classDef (now|next|later) [a-z0-9:#,\-. ]+$/,
    ];
    for (const line of source.split("\n")) {
      expect(
        allowed.some((re) => re.test(line)),
        line,
      ).toBe(true);
    }
  });

  test("draws one node per distinct picked tool", () => {
    expect(countToolNodes(source)).toBe(picked.size);
    expect(picked.size).toBeGreaterThanOrEqual(10);
  });

  test("phases come in lifecycle order and monitoring loops back to experimentation", () => {
    const order = [...source.matchAll(/subgraph (p\d+)/g)].map((m) => Number(m[1]!.slice(1)));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(source).toMatch(/p6 -\. retrain \.-> p2/);
  });
});
