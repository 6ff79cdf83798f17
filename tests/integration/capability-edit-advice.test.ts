import path from "node:path";
import { afterAll, beforeAll, expect, test, vi } from "vitest";
import { scoreAnswers } from "../../src/domain/assessment/score";
import { capabilityInputOf } from "../../src/domain/admin/snapshots";
import { toRecommenderProfile } from "../../src/domain/recommender/from-profile";
import { recommend } from "../../src/domain/recommender/recommend";
import type { Recommendation } from "../../src/domain/recommender/types";
import type * as Editor from "../../src/server/catalog/catalog-service";
import type * as Snapshot from "../../src/server/catalog/catalog-snapshot";
import type * as Questionnaires from "../../src/server/assessments/questionnaires";
import { seedFromContent } from "../../src/server/seed/run-seed";
import { loadRoute } from "../support/load-route";
import { answerAll } from "../support/questionnaire-answers";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

/**
 * The capability model has one source of truth: the catalog in the database. A maintainer's edit to a capability's
 * stage or plan changes the next recommendation, with nothing hard-coded in the engine to overrule it (issue 14).
 */
let db: TestDatabase;
let editor: typeof Editor;
let snapshot: typeof Snapshot;
let questionnaires: typeof Questionnaires;
const alice = { id: "u-alice", label: "alice@example.com" };

beforeAll(async () => {
  db = await createTestDatabase("sqlite");
  await seedFromContent(db.prisma, path.resolve("content"));
  ({ editor, snapshot, questionnaires } = await loadRoute(db.url, async () => ({
    editor: await import("../../src/server/catalog/catalog-service"),
    snapshot: await import("../../src/server/catalog/catalog-snapshot"),
    questionnaires: await import("../../src/server/assessments/questionnaires"),
  })));
}, 120_000);

afterAll(async () => {
  vi.unstubAllEnvs();
  await db?.dispose();
});

/** A stage-2 team of a few people that trains its own models, on one cloud. */
async function recommendation(): Promise<Recommendation> {
  const questionnaire = await questionnaires.getCurrentQuestionnaire();
  const answers = answerAll(questionnaire, 2, {
    teamSize: "small",
    kubernetes: "no",
    training: "yes",
    environments: ["aws"],
  });
  const { recommenderCatalog } = await snapshot.getCatalogSnapshot();
  return recommend(toRecommenderProfile(scoreAnswers(questionnaire, answers)), recommenderCatalog, {
    today: "2026-12-03",
  });
}

async function editCapability(slug: string, change: (input: ReturnType<typeof capabilityInputOf>) => object) {
  const current = (await snapshot.getCatalogSnapshot()).catalog.capabilities.find((c) => c.slug === slug)!;
  const row = await db.prisma.capability.findUniqueOrThrow({ where: { slug } });
  const result = await editor.saveCapabilityChange(
    change(capabilityInputOf(current)) as ReturnType<typeof capabilityInputOf>,
    row.version,
    alice,
  );
  expect(result, JSON.stringify(result)).toMatchObject({ ok: true });
}

test("a capability a maintainer brings forward is planned for the earlier stage in the next recommendation", async () => {
  const before = await recommendation();
  const next = before.items.find((i) => i.horizon === "next" && i.change !== "keep" && i.adoptAtStage === 3);
  expect(next, "a stage-2 team has a capability planned for stage 3").toBeDefined();

  await editCapability(next!.capability, (input) => ({ ...input, neededFromStage: 2 }));

  const after = await recommendation();
  const moved = after.items.find((i) => i.capability === next!.capability);
  expect(moved?.adoptAtStage).toBe(2);
  // Due now: adopted now, or deferred to next only with the budget's reason.
  if (moved?.horizon !== "now") expect(moved?.deferred).toBeTruthy();
});

test("a capability whose plan a maintainer removes is no longer filled", async () => {
  const before = await recommendation();
  const planned = before.items.find((i) => i.pick && i.change !== "keep" && i.horizon === "next");
  expect(planned).toBeDefined();

  await editCapability(planned!.capability, (input) => ({ ...input, plan: null }));

  const after = await recommendation();
  expect(after.items.map((i) => i.capability)).not.toContain(planned!.capability);
});
