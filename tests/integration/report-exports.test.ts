import { readFileSync } from "node:fs";
import path from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { describe, expect, test } from "vitest";
import { buildMarkdownReport, fenceFor, mdText } from "../../src/domain/report/markdown";
import { contentDisposition } from "../../src/domain/report/report-data";
import { toReportJson, ZReportJson } from "../../src/domain/report/report-schema";
import { reportJsonSchema } from "../../scripts/report-schema";
import { buildLifecycleDiagram } from "../../src/domain/report/mermaid";
import { HOSTILE_NAMES, hostileReport } from "../fixtures/hostile-report";

type MdNode = { type: string; lang?: string; value?: string; children?: MdNode[]; depth?: number };

function parse(markdown: string): MdNode {
  return unified().use(remarkParse).use(remarkGfm).parse(markdown) as unknown as MdNode;
}
function walk(node: MdNode, visit: (n: MdNode) => void) {
  visit(node);
  for (const child of node.children ?? []) walk(child, visit);
}
function textOf(node: MdNode): string {
  let text = "";
  walk(node, (n) => {
    if (n.type === "text" || n.type === "inlineCode") text += n.value ?? "";
  });
  return text;
}

describe("the Markdown export, read by a real GFM parser", () => {
  const data = hostileReport();
  const markdown = buildMarkdownReport(data);
  const tree = parse(markdown);

  test("has the title, sections and a mermaid block equal to the diagram", () => {
    const headings: string[] = [];
    walk(tree, (n) => n.type === "heading" && n.depth! <= 2 && headings.push(`${n.depth}:${textOf(n)}`));
    expect(headings).toEqual(
      expect.arrayContaining([
        "1:MLOps stack recommendation",
        "2:Summary",
        "2:Maturity by dimension",
        "2:Roadmap",
        "2:Lifecycle diagram",
        "2:Why each pick",
        "2:Answers",
      ]),
    );
    const code: MdNode[] = [];
    walk(tree, (n) => n.type === "code" && code.push(n));
    expect(code).toHaveLength(1);
    expect(code[0]!.lang).toBe("mermaid");
    expect(code[0]!.value).toBe(buildLifecycleDiagram(data.recommendation, data.phases));
  });

  test("roadmap tables keep one row per item and four cells per row, whatever the names contain", () => {
    const tables: MdNode[] = [];
    walk(tree, (n) => n.type === "table" && tables.push(n));
    const roadmap = tables.filter((t) => textOf(t.children![0]!) === "CapabilityToolWhyAdopt when");
    const items = data.recommendation.items.length;
    expect(roadmap.reduce((n, t) => n + t.children!.length - 1, 0)).toBe(items);
    for (const table of tables) {
      const width = table.children![0]!.children!.length;
      for (const row of table.children!) expect(row.children!.length).toBe(width);
    }
  });

  test("no catalog text becomes a link, HTML or emphasis, and the names survive as text", () => {
    const forbidden: string[] = [];
    walk(
      tree,
      (n) =>
        ["link", "html", "image", "linkReference", "emphasis"].includes(n.type) &&
        forbidden.push(`${n.type}:${textOf(n)}`),
    );
    // The only emphasis we write ourselves is "_none fits_"; everything else must be plain text.
    expect(forbidden.filter((f) => f !== "emphasis:none fits")).toEqual([]);
    const all = textOf(tree);
    expect(all).toContain("<img src=x onerror=alert(1)>");
    expect(all).toContain("Pipe | table | breaker");
    expect(all).toContain("[link](javascript:alert(1)) https://evil.example www.evil.example");
  });

  test("fences are longer than any backtick run in the content", () => {
    expect(fenceFor("a ``` b ```` c")).toBe("`````");
    expect(fenceFor("plain")).toBe("```");
  });

  test("mdText flattens newlines so a table row cannot break", () => {
    expect(mdText("a\nb|c")).toBe("a b\\|c");
    expect(mdText("see https://x.io or www.y.io, mail a@b.c")).toBe("see `https://x.io` or `www.y.io,` mail `a@b.c`");
  });

  test.each([
    [["team-process"], "Your weakest area is Team | <process> at 3.5."],
    [["team-process", "serving"], "Your weakest areas are Team | <process> and Serving at 3.5."],
    [["team-process", "serving", "monitoring"], "Your scores are even across all areas, at 3.5."],
  ])("the summary names tied weakest areas %j as the results page does, escaped", (weakest, sentence) => {
    const report = hostileReport();
    const team = report.profile.dimensions[0]!;
    report.profile.dimensions = [
      team,
      { ...team, slug: "serving", name: "Serving" },
      { ...team, slug: "monitoring", name: "Monitoring", score: weakest.includes("monitoring") ? 3.5 : 4 },
    ];
    report.profile.overall.weakestDimensions = weakest;
    const summary: string[] = [];
    walk(parse(buildMarkdownReport(report)), (n) => {
      if (n.type === "paragraph" && textOf(n).startsWith("Stage 4")) summary.push(textOf(n));
    });
    expect(summary).toEqual([`Stage 4: Enterprise maturity. Overall level 3.5 of 4 (average 3.5). ${sentence}`]);
  });
});

describe("the JSON export", () => {
  test("validates against public/schemas/report.schema.json, which is generated from the zod schema and up to date", () => {
    const file = readFileSync(path.resolve("public/schemas/report.schema.json"), "utf8");
    expect(file).toBe(reportJsonSchema());
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    const validate = ajv.compile(JSON.parse(file) as object);
    const json = JSON.parse(JSON.stringify(toReportJson(hostileReport(), "2026-11-23T10:00:00.000Z"))) as unknown;
    expect(validate(json), JSON.stringify(validate.errors)).toBe(true);
    expect(ZReportJson.safeParse(json).success).toBe(true);
    expect(validate({ ...(json as object), schemaVersion: "9" })).toBe(false);
  });
});

describe("download names", () => {
  test.each([
    ["mlops-stack-abc", "md", "attachment; filename=\"mlops-stack-abc.md\"; filename*=UTF-8''mlops-stack-abc.md"],
    [
      'we"ird\r\n name/../x',
      "pdf",
      "attachment; filename=\"we-ird-name-..-x.pdf\"; filename*=UTF-8''we%22ird%0D%0A%20name%2F..%2Fx.pdf",
    ],
  ])("%j.%s", (base, ext, expected) => {
    expect(contentDisposition(base, ext)).toBe(expected);
  });
});

void HOSTILE_NAMES;
