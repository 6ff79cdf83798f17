import { readFileSync } from "node:fs";
import path from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import { csvParse } from "d3-dsv";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { beforeAll, describe, expect, test } from "vitest";
import { z } from "zod";
import { scoreAnswers } from "../../src/domain/assessment/score";
import { toRecommenderProfile } from "../../src/domain/recommender/from-profile";
import { recommend } from "../../src/domain/recommender/recommend";
import type { RecommenderCatalog } from "../../src/domain/recommender/types";
import { buildMarkdownReport } from "../../src/domain/report/markdown";
import { buildLifecycleDiagram } from "../../src/domain/report/mermaid";
import { backstageRadar, BYOR_COLUMNS, byorCsv, byorRows, csvField, radarEntries } from "../../src/domain/report/radar";
import { contentDisposition, type ReportData } from "../../src/domain/report/report-data";
import { toReportJson, ZReportJson } from "../../src/domain/report/report-schema";
import { loadQuestionnaires } from "../../src/server/content/load-questionnaires";
import { reportJsonSchema } from "../../scripts/report-schema";
import { changePlanReport } from "../fixtures/change-plan-report";
import { HOSTILE_NAMES, hostileReport } from "../fixtures/hostile-report";
import { loadContentCatalog } from "../support/content-catalog";
import { answerAll } from "../support/questionnaire-answers";

const ORIGIN = "https://advisor.example.com";

type MdNode = { type: string; lang?: string; value?: string; url?: string; children?: MdNode[]; depth?: number };

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
const escapedLines = (markdown: string) => markdown.split("\n").filter((line) => /\\[!-/:-@[-`{-~]/.test(line));

/** Real reports: the real questionnaire and catalog, answered at every level and in several contexts. */
let realReports: ReportData[] = [];
beforeAll(async () => {
  const catalog: RecommenderCatalog = await loadContentCatalog();
  const questionnaires = await loadQuestionnaires(path.resolve("content"));
  if (!questionnaires.ok) throw new Error("content/questionnaires is invalid");
  const questionnaire = questionnaires.value.at(-1)!;
  const contexts: Record<string, string>[] = [
    { kubernetes: "no", teamSize: "small" },
    { kubernetes: "yes", llmApplications: "yes", regulated: "yes", teamSize: "large", budget: "large" },
    { cloud: "aws", hostingPreference: "managed" },
  ];
  realReports = [0, 1, 2, 3, 4].flatMap((level) =>
    contexts.map((context, i) => {
      const profile = scoreAnswers(questionnaire, answerAll(questionnaire, level, context));
      return {
        assessment: {
          id: `REAL${level}${i}`.padEnd(24, "A"),
          createdAt: "2026-12-04T09:30:00.000Z",
          questionnaireVersion: questionnaire.version,
          parentId: null,
          catalogRevision: 42,
        },
        profile,
        recommendation: recommend(toRecommenderProfile(profile), catalog),
        phases: catalog.phases,
      };
    }),
  );
});

describe("the Markdown export, read by a real GFM parser", () => {
  const data = hostileReport();
  const markdown = buildMarkdownReport(data, { origin: ORIGIN });
  const tree = parse(markdown);

  test("has the title, sections and a mermaid block equal to the portable diagram", () => {
    const headings: string[] = [];
    walk(tree, (n) => n.type === "heading" && n.depth! <= 2 && headings.push(`${n.depth}:${textOf(n)}`));
    expect(headings).toEqual(
      expect.arrayContaining([
        "1:MLOps stack recommendation",
        "2:Summary",
        "2:Maturity by dimension",
        "2:Change plan",
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

  test("plan tables keep one row per item and every row as wide as its header, whatever the names contain", () => {
    const tables: MdNode[] = [];
    walk(tree, (n) => n.type === "table" && tables.push(n));
    const plan = tables.filter((t) => textOf(t.children![0]!) === "CapabilityToolWhyWhen");
    const planned = data.recommendation.items.filter((i) => i.change !== "keep").length;
    expect(plan.reduce((n, t) => n + t.children!.length - 1, 0)).toBe(planned);
    for (const table of tables) {
      const width = table.children![0]!.children!.length;
      for (const row of table.children!) expect(row.children!.length).toBe(width);
    }
  });

  test("links are ours only (permalink, tool pages); catalog text never becomes a link, HTML or an image", () => {
    const links: string[] = [];
    const forbidden: string[] = [];
    walk(tree, (n) => {
      if (n.type === "link") links.push(n.url!);
      if (["html", "image", "linkReference", "imageReference"].includes(n.type))
        forbidden.push(`${n.type}:${textOf(n)}`);
    });
    expect(forbidden).toEqual([]);
    expect(links.length).toBeGreaterThan(10);
    for (const url of links)
      expect(url).toMatch(/^https:\/\/advisor\.example\.com\/(r\/[A-Za-z0-9_-]{24}|catalog\/[a-z0-9-]+)$/);
    expect(links).toContain(`${ORIGIN}/r/${data.assessment.id}`);
    const all = textOf(tree);
    expect(all).toContain("<img src=x onerror=alert(1)>");
    expect(all).toContain("Pipe | table | breaker");
    expect(all).toContain("[link](javascript:alert(1)) https://evil.example www.evil.example");
  });

  test.each([
    [["team-process"], "Your weakest area is Team | <process> at 3.5."],
    [["team-process", "serving"], "Your weakest areas are Team | <process> and Serving at 3.5."],
    [["team-process", "serving", "monitoring"], "Your scores are even across all areas, at 3.5."],
  ])("the summary names tied weakest areas %j as the results page does", (weakest, sentence) => {
    const report = hostileReport();
    const team = report.profile.dimensions[0]!;
    report.profile.dimensions = [
      team,
      { ...team, slug: "serving", name: "Serving" },
      { ...team, slug: "monitoring", name: "Monitoring", score: weakest.includes("monitoring") ? 3.5 : 4 },
    ];
    report.profile.overall.weakestDimensions = weakest;
    const summary: string[] = [];
    walk(parse(buildMarkdownReport(report, { origin: ORIGIN })), (n) => {
      if (n.type === "paragraph" && textOf(n).startsWith("Stage 4")) summary.push(textOf(n));
    });
    expect(summary).toEqual([`Stage 4: Enterprise maturity. Overall level 3.5 of 4 (average 3.5). ${sentence}`]);
  });
});

describe("the Markdown of a change plan", () => {
  const data = changePlanReport();
  const markdown = buildMarkdownReport(data, { origin: ORIGIN });
  const tree = parse(markdown);
  const summaryText = (() => {
    const start = markdown.indexOf("## Summary");
    return markdown.slice(start, markdown.indexOf("\n## ", start + 5));
  })();

  test("the summary carries the discovery list, changes now, top actions, toss-ups and constraints", () => {
    for (const words of [
      "**Changes now**",
      "replacing Neptune",
      "**Top actions**",
      "Closed by OpenBao (Secrets management, now)",
      "**Find out first.**",
      "How many models do you run in production? Planned as: A few (1–5).",
      "How does your team handle monitoring?",
      "**Toss-ups**",
      "BentoML or KServe: choose BentoML if",
      "**Constraints**",
      "No Kubernetes: tools that need it are left out",
    ])
      expect(summaryText).toContain(words);
  });

  test("the plan has in place, now, next and later, with met triggers, deferrals and replacements", () => {
    const headings: string[] = [];
    walk(tree, (n) => n.type === "heading" && n.depth === 3 && headings.push(textOf(n)));
    expect(headings.slice(0, 4)).toEqual(["In place — keep", "Now", "Next", "Later"]);
    expect(markdown).toContain("In place by your answer: “A shared feature store that every model reads”");
    expect(markdown).toContain("Now, because you run 12 models in production");
    expect(markdown).toContain("(waits: Due now by your answers");
    expect(markdown).toContain("Replaces Neptune: Neptune's hosted service is being shut down. Migration:");
  });

  test("no line of the change plan needs a backslash escape", () => {
    expect(escapedLines(markdown)).toEqual([]);
  });
});

describe("Markdown of real reports", () => {
  test("fewer than 2% of lines carry a backslash escape, and every tool links to its page", () => {
    expect(realReports.length).toBe(15);
    for (const data of realReports) {
      const markdown = buildMarkdownReport(data, { origin: ORIGIN });
      const lines = markdown.split("\n");
      const escaped = escapedLines(markdown);
      expect(escaped.length / lines.length, `${data.assessment.id}: ${escaped.slice(0, 3).join(" / ")}`).toBeLessThan(
        0.02,
      );
      const links: string[] = [];
      walk(parse(markdown), (n) => n.type === "link" && links.push(n.url!));
      expect(links[0]).toBe(`${ORIGIN}/r/${data.assessment.id}`);
      for (const item of data.recommendation.items)
        if (item.pick) expect(links).toContain(`${ORIGIN}/catalog/${item.pick.slug}`);
    }
    // Fifteen reports through the real GFM parser: slower than one unit test's budget on a loaded machine.
  }, 120_000);
});

/** Build Your Own Radar: the columns its ContentValidator requires; at most four quadrants and four rings. */
const ZByorRow = z.object({
  name: z.string().min(1),
  ring: z.enum(["adopt", "trial", "assess", "hold"]),
  quadrant: z.string().min(1),
  isNew: z.enum(["TRUE", "FALSE"]),
  description: z.string(),
});
/** Backstage's tech-radar loader response, as its plugin parses it. */
const ZBackstage = z.object({
  quadrants: z.array(z.object({ id: z.string(), name: z.string() })).length(4),
  rings: z.array(z.object({ id: z.string(), name: z.string(), color: z.string(), description: z.string().optional() })),
  entries: z.array(
    z.object({
      key: z.string(),
      id: z.string(),
      quadrant: z.string(),
      title: z.string(),
      url: z.string().optional(),
      description: z.string().optional(),
      links: z.array(z.object({ url: z.string(), title: z.string() })).optional(),
      timeline: z
        .array(
          z.object({
            date: z.coerce.date(),
            ringId: z.string(),
            description: z.string().optional(),
            moved: z.union([z.literal(-1), z.literal(0), z.literal(1)]).optional(),
          }),
        )
        .min(1),
    }),
  ),
});

describe("tech-radar exports", () => {
  const data = changePlanReport();

  test("BYOR CSV parses with d3's CSV parser (as BYOR reads it) into the required columns", () => {
    const rows = csvParse(byorCsv(data, ORIGIN));
    expect(rows.columns).toEqual([...BYOR_COLUMNS]);
    for (const row of rows) expect(ZByorRow.safeParse(row).success, JSON.stringify(row)).toBe(true);
    expect(new Set(rows.map((r) => r.quadrant)).size).toBeLessThanOrEqual(4);
    const byName = new Map(rows.map((r) => [r.name, r]));
    expect(byName.get("GitLab")).toMatchObject({ ring: "adopt", isNew: "FALSE" });
    expect(byName.get("BentoML")).toMatchObject({ ring: "adopt", isNew: "TRUE" });
    expect(byName.get("Prefect")).toMatchObject({ ring: "trial", isNew: "TRUE" });
    expect(byName.get("Keycloak")).toMatchObject({ ring: "assess", isNew: "TRUE" });
    expect(byName.get("Neptune")).toMatchObject({ ring: "hold", isNew: "FALSE" });
    // MLflow does two jobs; it is one entry.
    expect(rows.filter((r) => r.name === "MLflow")).toHaveLength(1);
  });

  test("BYOR JSON has the same rows", () => {
    const rows = z.array(ZByorRow).parse(JSON.parse(JSON.stringify(byorRows(data, ORIGIN))));
    expect(rows.map((r) => r.name)).toEqual(csvParse(byorCsv(data, ORIGIN)).map((r) => r.name));
  });

  test("Backstage JSON parses as the plugin's loader response, entries pointing at rings and quadrants it defines", () => {
    const radar = ZBackstage.parse(JSON.parse(JSON.stringify(backstageRadar(data, ORIGIN))));
    const rings = new Set(radar.rings.map((r) => r.id));
    const quadrants = new Set(radar.quadrants.map((q) => q.id));
    for (const entry of radar.entries) {
      expect(quadrants.has(entry.quadrant)).toBe(true);
      expect(rings.has(entry.timeline[0]!.ringId)).toBe(true);
      expect(entry.links![0]!.url).toMatch(/^https:\/\/advisor\.example\.com\/catalog\//);
    }
    expect(radar.entries.length).toBe(radarEntries(data, ORIGIN).length);
  });

  test("hostile names stay one CSV field each, cannot run as spreadsheet formulas and are escaped for BYOR's HTML", () => {
    const hostile = hostileReport();
    hostile.recommendation.items[0]!.pick!.name = '=HYPERLINK("http://evil")';
    const rows = csvParse(byorCsv(hostile, ORIGIN));
    for (const row of rows) {
      expect(ZByorRow.safeParse(row).success).toBe(true);
      expect(row.name).not.toMatch(/^[=+\-@]/);
      expect(row.description).not.toMatch(/[<>]/);
    }
    expect(rows.map((r) => r.name)).toContain('\'=HYPERLINK("http://evil")');
    expect(csvField('a,"b"\nc')).toBe('"a,""b""\nc"');
    expect(rows.length).toBe(radarEntries(hostile, ORIGIN).length);
    for (const row of rows)
      if (row.name?.includes("Pipe")) expect(row.name).toBe(HOSTILE_NAMES.find((n) => n.startsWith("Pipe")));
  });

  test("real reports make valid radars with at most four quadrants", () => {
    for (const report of realReports) {
      const rows = csvParse(byorCsv(report, ORIGIN));
      expect(rows.length).toBeGreaterThan(0);
      expect(new Set(rows.map((r) => r.quadrant)).size).toBeLessThanOrEqual(4);
      expect(ZBackstage.safeParse(JSON.parse(JSON.stringify(backstageRadar(report, ORIGIN)))).success).toBe(true);
    }
  });
});

describe("the JSON export", () => {
  test("validates against public/schemas/report.schema.json, which is generated from the zod schema and up to date", () => {
    const file = readFileSync(path.resolve("public/schemas/report.schema.json"), "utf8");
    expect(file).toBe(reportJsonSchema());
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    const validate = ajv.compile(JSON.parse(file) as object);
    for (const report of [hostileReport(), changePlanReport()]) {
      const json = JSON.parse(JSON.stringify(toReportJson(report, "2026-11-23T10:00:00.000Z", ORIGIN))) as {
        $schema: string;
      };
      expect(json.$schema).toBe(`${ORIGIN}/schemas/report.schema.json`);
      expect(validate(json), JSON.stringify(validate.errors)).toBe(true);
      expect(ZReportJson.safeParse(json).success).toBe(true);
      expect(validate({ ...json, schemaVersion: "9" })).toBe(false);
    }
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
