import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import { parse } from "yaml";
import { answersFromTeam } from "../../src/domain/eval/answers-from-team";
import { lintReport } from "../../src/domain/eval/lint-report";
import { ZTeamProfile } from "../../src/domain/eval/team-profile";
import { buildMarkdownReport } from "../../src/domain/report/markdown";
import { discoveryOf, MAX_DISCOVERY, planCounts, readPlanSummary } from "../../src/domain/report/plan";
import type { ReportData } from "../../src/domain/report/report-data";
import { hasUnknownScores, overallScoreInput, scoreText } from "../../src/domain/report/score-text";
import { printPageCss, ReportDocument } from "../../src/features/report/report-document";
import type * as AssessmentService from "../../src/server/assessments/assessment-service";
import type * as Questionnaires from "../../src/server/assessments/questionnaires";
import type * as ReportService from "../../src/server/assessments/report-service";
import type * as RenderPdf from "../../src/server/pdf/render-pdf";
import { seedFromContent } from "../../src/server/seed/run-seed";
import { findChromium } from "../../scripts/lib/chromium";
import { freePort } from "../support/free-port";
import { loadRoute } from "../support/load-route";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

/**
 * The editorial check over what a client reads: three varied teams from the judgement benchmark are saved as
 * assessments on a real SQLite database with the real catalog, their reports loaded as the app loads them, and the
 * linter run over the Markdown export and over the text of the PDF (the print document rendered to HTML as the print
 * page renders it, printed by the server's own PDF renderer in Debian's Chromium, read back with pdftotext).
 */
const TEAMS = [
  "new-head-of-data-dont-know-everywhere",
  "solo-engineer-small-budget-one-model-on-gcp",
  "bank-ml-platform-team-stage-4",
];
const ORIGIN = "https://advisor.example.com";
const hasPdfTools = findChromium(process.env.CHROMIUM_PATH) !== null && hasCommand("pdftotext");

function hasCommand(name: string): boolean {
  try {
    execFileSync("sh", ["-c", `command -v ${name}`]);
    return true;
  } catch {
    return false;
  }
}

let db: TestDatabase;
let reports: typeof ReportService;
let pdf: typeof RenderPdf;
let server: Server;
let origin: string;
let dir: string;
/** The print document of each report, as the local server below hands it to Chromium. */
const pages = new Map<string, string>();
const loaded = new Map<string, ReportData>();

beforeAll(async () => {
  db = await createTestDatabase("sqlite");
  await seedFromContent(db.prisma);
  ({ reports, pdf } = await loadRoute(db.url, async () => ({
    reports: await import("../../src/server/assessments/report-service"),
    pdf: await import("../../src/server/pdf/render-pdf"),
  })));
  const assessments: typeof AssessmentService = await import("../../src/server/assessments/assessment-service");
  const questionnaires: typeof Questionnaires = await import("../../src/server/assessments/questionnaires");
  const questionnaire = await questionnaires.getCurrentQuestionnaire();
  const profiles = (parse(readFileSync(path.resolve("eval/team-profiles.yaml"), "utf8")) as unknown[]).map((entry) =>
    ZTeamProfile.parse(entry),
  );
  for (const id of TEAMS) {
    const team = profiles.find((p) => p.id === id)!;
    const result = await assessments.submitAssessment({ answers: answersFromTeam(questionnaire, team.answers) });
    if (!result.ok) throw new Error(`${id}: ${JSON.stringify(result.issues)}`);
    const data = await reports.loadReport(result.assessment.id);
    if (!data) throw new Error(`${id}: no report`);
    loaded.set(id, data);
  }
  const port = await freePort();
  origin = `http://127.0.0.1:${port}`;
  server = createServer((request, response) => {
    const html = pages.get(request.url ?? "");
    response.writeHead(html ? 200 : 404, { "content-type": "text/html; charset=utf-8" });
    response.end(html ?? "not found");
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  dir = mkdtempSync(path.join(tmpdir(), "report-lint-"));
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await new Promise((resolve) => server?.close(resolve));
  if (dir) rmSync(dir, { recursive: true, force: true });
  await db?.dispose();
});

/** The print page's document for a report (the same component and page CSS as /r/<id>/print). */
function printHtml(data: ReportData): string {
  const phaseNames = Object.fromEntries(data.phases.map((p) => [p.slug, p.name]));
  const body = renderToStaticMarkup(createElement(ReportDocument, { data, phaseNames }));
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Report</title><style>${printPageCss("a4")}</style></head><body>${body}</body></html>`;
}

describe("the editorial check over rendered reports of three varied teams", () => {
  test("the teams are varied: many unknowns, a stage-1 solo team, a stage-4 regulated team", () => {
    const [unsure, solo, bank] = TEAMS.map((id) => loaded.get(id)!);
    expect(unsure!.profile.dontKnowCount).toBeGreaterThanOrEqual(10);
    expect(discoveryOf(unsure!.profile, unsure!.recommendation).first).toHaveLength(MAX_DISCOVERY);
    expect([solo!.profile.stage, solo!.profile.constraints.teamSize]).toEqual([1, "solo"]);
    expect([bank!.profile.stage, bank!.profile.constraints.regulated]).toEqual([4, true]);
  });

  test.each(TEAMS)("%s: the Markdown export has no editorial problem", (id) => {
    const data = loaded.get(id)!;
    const markdown = buildMarkdownReport(data, { origin: ORIGIN });
    // The count check reads the summary's sentence: it must be there to be checked.
    expect(readPlanSummary(markdown)).toMatchObject({ now: planCounts(data.recommendation).now });
    expect(lintReport(data.profile, data.recommendation, [markdown])).toEqual([]);
  });

  test.skipIf(!hasPdfTools).each(TEAMS)(
    "%s: the PDF's text has no editorial problem",
    { timeout: 90_000 },
    async (id) => {
      const data = loaded.get(id)!;
      pages.set(`/print/${id}`, printHtml(data));
      const file = path.join(dir, `${id}.pdf`);
      writeFileSync(file, await pdf.renderPdf(`${origin}/print/${id}`, "A4"));
      // Reading order (the summary sentence across line breaks) and layout (a table row on one line).
      const text = execFileSync("pdftotext", [file, "-"], { encoding: "utf8" });
      const layout = execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" });
      expect(text).toContain("Executive summary");
      const flat = text.replace(/\s+/g, " ");
      expect(readPlanSummary(text)).toMatchObject({ now: planCounts(data.recommendation).now });
      const discovery = discoveryOf(data.profile, data.recommendation).first;
      if (discovery.length > 0) expect(flat).toContain(`Find out first (${discovery.length})`);
      if (hasUnknownScores(data.profile))
        expect(flat).toContain(`overall level ${scoreText(overallScoreInput(data.profile), { outOf: 4 })}`);
      expect(lintReport(data.profile, data.recommendation, [text, layout])).toEqual([]);
    },
  );
});
