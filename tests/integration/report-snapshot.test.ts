import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import type * as Editor from "../../src/server/catalog/catalog-service";
import type * as AssessmentService from "../../src/server/assessments/assessment-service";
import type * as ReportService from "../../src/server/assessments/report-service";
import type * as Questionnaires from "../../src/server/assessments/questionnaires";
import { seedFromContent } from "../../src/server/seed/run-seed";
import { loadRoute } from "../support/load-route";
import { answerAll } from "../support/questionnaire-answers";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

/**
 * Reports remember their catalog, on a real SQLite database with the real catalog: a report is stored when first
 * read and shown as it was made after a pick is retired, with a notice naming it; a re-run on today's catalog is a
 * new assessment, linked both ways, that says what changed and why.
 */
let db: TestDatabase;
let reports: typeof ReportService;
let assessments: typeof AssessmentService;
let editor: typeof Editor;
let answers: Record<string, unknown>;
const alice = { id: null, label: "alice@example.com" };

beforeAll(async () => {
  db = await createTestDatabase("sqlite");
  await seedFromContent(db.prisma);
  reports = await loadRoute(db.url, () => import("../../src/server/assessments/report-service"));
  assessments = await import("../../src/server/assessments/assessment-service");
  editor = await import("../../src/server/catalog/catalog-service");
  const questionnaires: typeof Questionnaires = await import("../../src/server/assessments/questionnaires");
  answers = answerAll(await questionnaires.getCurrentQuestionnaire(), 2, { kubernetes: "no", teamSize: "small" });
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await db.dispose();
});

async function submit(): Promise<string> {
  const result = await assessments.submitAssessment({ answers });
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.assessment.id;
}

describe("a saved report", () => {
  test("saving answers stores only them and the catalog revision; the first read stores the report", async () => {
    const id = await submit();
    const saved = await db.prisma.assessment.findUniqueOrThrow({ where: { id } });
    expect(saved.snapshot).toBeNull();
    expect(saved.catalogRevision).toBeGreaterThan(0);
    const first = await reports.loadReport(id);
    const stored = await db.prisma.assessment.findUniqueOrThrow({ where: { id } });
    expect(stored.snapshot?.length).toBeGreaterThan(1000);
    // Deflated: far smaller than the JSON it holds.
    expect(stored.snapshot!.length).toBeLessThan(JSON.stringify(first!.recommendation).length / 3);
    const again = await reports.loadReport(id);
    expect(again!.recommendation).toEqual(first!.recommendation);
    expect(again!.catalogNotice).toBeNull();
  });

  test("after a pick is retired, the report is shown as it was made, names the pick, and re-runs on today's catalog", async () => {
    const id = await submit();
    const before = (await reports.loadReport(id))!;
    // Retire a tool picked now, naming an alternative of it as its successor. Not one that a retired tool names as
    // its successor: the catalog refuses a chain of retired successors.
    const successorIds = new Set(
      (await db.prisma.tool.findMany({ where: { successorId: { not: null } }, select: { successorId: true } })).map(
        (t) => t.successorId,
      ),
    );
    const slugsNamedAsSuccessor = new Set(
      (await db.prisma.tool.findMany({ where: { id: { in: [...successorIds].filter((x) => x !== null) } } })).map(
        (t) => t.slug,
      ),
    );
    const item = before.recommendation.items.find(
      (i) => i.horizon === "now" && i.pick && i.alternatives.length > 0 && !slugsNamedAsSuccessor.has(i.pick.slug),
    )!;
    const picked = item.pick!;
    const tool = await db.prisma.tool.findUniqueOrThrow({ where: { slug: picked.slug } });
    const retired = await editor.retireTool(
      picked.slug,
      tool.version,
      { status: "sunset", successor: item.alternatives[0]!.slug, statusNote: "Shut down." },
      alice,
    );
    expect(retired, JSON.stringify(retired)).toMatchObject({ ok: true });

    const after = (await reports.loadReport(id))!;
    expect(after.recommendation).toEqual(before.recommendation);
    expect(after.catalogNotice?.changes).toEqual([expect.objectContaining({ slug: picked.slug, kind: "retired" })]);
    expect(after.catalogNotice!.changes[0]!.capabilities).toContain(item.capabilityName);
    expect(after.catalogNotice!.changes[0]!.detail).toMatch(/sunset/);

    const rerun = await reports.rerunAssessment(id);
    expect(rerun).toMatchObject({ ok: true, isNew: true });
    if (!rerun.ok) return;
    const child = (await reports.loadReport(rerun.id))!;
    expect(child.assessment.parentId).toBe(id);
    expect(child.catalogNotice).toBeNull();
    expect(child.recommendation.items.flatMap((i) => (i.pick ? [i.pick.slug] : []))).not.toContain(picked.slug);
    expect(child.sinceLast).toMatchObject({ reason: "rerun", parent: { id } });
    const replaced = child.sinceLast!.picks.find((p) => p.capability === item.capability);
    expect(replaced).toMatchObject({ from: picked.name });
    expect(replaced!.why).toMatch(/sunset/);

    // Linked both ways, and a second click lands on the same re-run.
    expect((await reports.loadReport(id))!.followUps).toEqual([expect.objectContaining({ id: rerun.id })]);
    expect(await reports.rerunAssessment(id)).toEqual({ ok: true, id: rerun.id, isNew: false });
  });

  test("a report saved before reports were stored, or stored in a format we no longer read, is drawn again and kept", async () => {
    const id = await submit();
    await db.prisma.assessment.update({ where: { id }, data: { catalogRevision: null } });
    const legacy = (await reports.loadReport(id))!;
    expect(legacy.assessment.catalogRevision).toBeGreaterThan(0);
    expect((await db.prisma.assessment.findUniqueOrThrow({ where: { id } })).snapshot).not.toBeNull();

    await db.prisma.assessment.update({ where: { id }, data: { snapshot: Buffer.from("not deflate") } });
    expect(reports.decodeSnapshot(Buffer.from("not deflate"))).toBeNull();
    const redrawn = (await reports.loadReport(id))!;
    expect(redrawn.recommendation.items.length).toBe(legacy.recommendation.items.length);
  });

  test("re-running an unknown assessment is refused and stores nothing", async () => {
    const count = await db.prisma.assessment.count();
    expect(await reports.rerunAssessment("A".repeat(24))).toEqual({ ok: false, reason: "not_found" });
    expect(await db.prisma.assessment.count()).toBe(count);
  });
});
