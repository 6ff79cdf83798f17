import "server-only";
import { deflateRawSync, inflateRawSync } from "node:zlib";
import { z } from "zod";
import { scoreAnswers, type MaturityProfile } from "@/domain/assessment/score";
import { validateAnswers } from "@/domain/assessment/answers";
import { TOOL_STATUSES } from "@/domain/catalog/vocabulary";
import { toRecommenderProfile } from "@/domain/recommender/from-profile";
import { recommend } from "@/domain/recommender/recommend";
import { prioritizeActions } from "@/domain/report/action-plan";
import type { Recommendation } from "@/domain/recommender/types";
import {
  detectCatalogDrift,
  pickFactsOf,
  type CatalogNotice,
  type PickFacts,
  type ToolFacts,
} from "@/domain/report/catalog-drift";
import type { DiagramPhase } from "@/domain/report/mermaid";
import type { ReportData } from "@/domain/report/report-data";
import { ZProfile, ZRecommendation } from "@/domain/report/report-schema";
import { describeSinceLast } from "@/domain/report/since-last";
import { logger } from "../log/logger";
import { getCatalogSnapshot, type CatalogSnapshot } from "../catalog/catalog-snapshot";
import {
  createAssessment,
  findAssessment,
  findFollowUps,
  saveSnapshot,
  type StoredAssessment,
} from "../repositories/assessment-repository";
import { getCurrentQuestionnaire, getQuestionnaire } from "./questionnaires";

/**
 * Reports remember their catalog. The first time an assessment's report is read (normally right after its answers
 * are saved, when the browser follows the redirect), the profile, the recommendation, the phases and the facts of
 * every tool it names are stored with it, deflated. From then on the report is shown as it was made, whatever the
 * catalog (or the engine) does later, and today's catalog is only used to tell the reader which of its picks have
 * changed since (retired, relicensed, given a successor, removed). Saving answers stays one small insert: the engine
 * runs when the report is first drawn, as it always did. See docs/decisions/014-reports-remember-their-catalog.md.
 */

/** Bumped when the stored shape changes; an unreadable or older snapshot is redrawn from today's catalog. */
const SNAPSHOT_VERSION = 1;

const ZToolFacts = z.object({
  name: z.string(),
  status: z.enum(TOOL_STATUSES),
  license: z.string(),
  successor: z.string().nullable(),
});
const ZSnapshot = z.object({
  v: z.literal(SNAPSHOT_VERSION),
  profile: ZProfile,
  recommendation: ZRecommendation,
  phases: z.array(z.object({ slug: z.string(), name: z.string(), order: z.number(), isOverlay: z.boolean() })),
  facts: z.record(z.string(), ZToolFacts),
});

type Snapshot = {
  v: typeof SNAPSHOT_VERSION;
  profile: MaturityProfile;
  recommendation: Recommendation;
  phases: DiagramPhase[];
  facts: PickFacts;
};

export function encodeSnapshot(snapshot: Snapshot): Uint8Array {
  return deflateRawSync(JSON.stringify(snapshot));
}

/** The stored report, or null when it cannot be read in the current format (it is then drawn again). */
export function decodeSnapshot(bytes: Uint8Array): Snapshot | null {
  try {
    const parsed = ZSnapshot.safeParse(JSON.parse(inflateRawSync(bytes).toString("utf8")));
    // The stored values are our own output; the parse only proves they still have the shape the renderers expect.
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

function factsLookup(catalog: CatalogSnapshot): (slug: string) => ToolFacts | undefined {
  return (slug) => {
    const tool = catalog.toolsBySlug.get(slug);
    return tool
      ? { name: tool.name, status: tool.status, license: tool.license, successor: tool.successor }
      : undefined;
  };
}

export type LoadedAssessment = {
  assessment: StoredAssessment;
  profile: MaturityProfile;
  recommendation: Recommendation;
  phases: DiagramPhase[];
  /** The revision the report was made on (null only when it could not be stored). */
  catalogRevision: number | null;
  /** Changes since then to the tools the report picks; null when none. */
  catalogNotice: CatalogNotice | null;
  isCurrentVersion: boolean;
};

/**
 * A saved assessment's report as it was made: read from its snapshot, or (first read) worked out from today's
 * catalog and stored. Scored with the questionnaire version it answered, so old permalinks keep their meaning.
 */
export async function loadAssessment(id: string): Promise<LoadedAssessment | null> {
  const assessment = await findAssessment(id);
  if (!assessment) return null;
  const [questionnaire, current, catalog] = await Promise.all([
    getQuestionnaire(assessment.questionnaireVersion),
    getCurrentQuestionnaire(),
    getCatalogSnapshot(),
  ]);
  if (!questionnaire)
    throw new Error(
      `assessment ${id} answered questionnaire ${assessment.questionnaireVersion}, which is missing from content/`,
    );
  const isCurrentVersion = current.version === questionnaire.version;
  const lookup = factsLookup(catalog);
  const stored = assessment.snapshot ? decodeSnapshot(assessment.snapshot) : null;
  if (stored) {
    return {
      assessment,
      profile: stored.profile,
      recommendation: stored.recommendation,
      phases: stored.phases,
      catalogRevision: assessment.catalogRevision,
      catalogNotice: detectCatalogDrift(stored.recommendation, stored.facts, lookup),
      isCurrentVersion,
    };
  }
  const scored = scoreAnswers(questionnaire, assessment.answers);
  const recommendation = recommend(toRecommenderProfile(scored), catalog.recommenderCatalog, {
    today: new Date().toISOString().slice(0, 10),
  });
  // One priority model: the action list follows the change plan.
  const profile = { ...scored, actionItems: prioritizeActions(scored, recommendation) };
  const phases = catalog.catalog.phases.map(({ slug, name, order, isOverlay }) => ({ slug, name, order, isOverlay }));
  const facts = pickFactsOf(recommendation, lookup);
  try {
    await saveSnapshot(
      assessment.id,
      catalog.revision,
      encodeSnapshot({ v: SNAPSHOT_VERSION, profile, recommendation, phases, facts }),
    );
  } catch (error) {
    // The report can still be shown; it is stored on a later read.
    logger.warn({ err: error, id }, "report snapshot not stored");
  }
  return {
    assessment,
    profile,
    recommendation,
    phases,
    catalogRevision: catalog.revision,
    catalogNotice: null,
    isCurrentVersion,
  };
}

function toData(loaded: LoadedAssessment): ReportData {
  const { assessment } = loaded;
  return {
    assessment: {
      id: assessment.id,
      createdAt: assessment.createdAt.toISOString(),
      questionnaireVersion: assessment.questionnaireVersion,
      parentId: assessment.parentId,
      catalogRevision: loaded.catalogRevision,
    },
    profile: loaded.profile,
    recommendation: loaded.recommendation,
    phases: loaded.phases,
    catalogNotice: loaded.catalogNotice,
  };
}

export type LoadedReport = { data: ReportData; isCurrentVersion: boolean };

/** Everything a report needs, with what changed since its parent and the assessments made from it. */
export async function loadReportView(id: string): Promise<LoadedReport | null> {
  const loaded = await loadAssessment(id);
  if (!loaded) return null;
  const data = toData(loaded);
  const [parent, followUps] = await Promise.all([
    loaded.assessment.parentId ? loadAssessment(loaded.assessment.parentId) : Promise.resolve(null),
    findFollowUps(loaded.assessment.id),
  ]);
  if (parent) {
    data.sinceLast = describeSinceLast(
      {
        id: parent.assessment.id,
        createdAt: parent.assessment.createdAt.toISOString(),
        profile: parent.profile,
        recommendation: parent.recommendation,
      },
      {
        id: loaded.assessment.id,
        createdAt: loaded.assessment.createdAt.toISOString(),
        profile: loaded.profile,
        recommendation: loaded.recommendation,
      },
      parent.catalogNotice,
    );
  }
  data.followUps = followUps.map((f) => ({ id: f.id, createdAt: f.createdAt.toISOString() }));
  return { data, isCurrentVersion: loaded.isCurrentVersion };
}

/** Everything a report needs, or null for an unknown id. */
export async function loadReport(id: string): Promise<ReportData | null> {
  return (await loadReportView(id))?.data ?? null;
}

const sameAnswers = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export type RerunResult =
  { ok: true; id: string; isNew: boolean } | { ok: false; reason: "not_found" | "invalid_answers" };

/**
 * "Re-run with the same answers on today's catalog": a new assessment whose parent is this one. Answers to questions
 * the current questionnaire no longer asks are dropped; if what is left is not valid, the team edits the answers
 * instead. Clicking twice on the same catalog returns the re-run already made.
 */
export async function rerunAssessment(id: string): Promise<RerunResult> {
  const parent = await findAssessment(id);
  if (!parent) return { ok: false, reason: "not_found" };
  const [questionnaire, catalog] = await Promise.all([getCurrentQuestionnaire(), getCatalogSnapshot()]);
  const asked = new Set(questionnaire.questions.map((q) => q.id));
  const carried = Object.fromEntries(Object.entries(parent.answers).filter(([question]) => asked.has(question)));
  const validated = validateAnswers(questionnaire, carried, catalog.toolSlugs);
  if (!validated.ok) return { ok: false, reason: "invalid_answers" };
  const existing = (await findFollowUps(parent.id)).find(
    (f) => f.catalogRevision === catalog.revision && sameAnswers(f.answers, validated.answers),
  );
  if (existing) return { ok: true, id: existing.id, isNew: false };
  const created = await createAssessment({
    questionnaireVersion: questionnaire.version,
    answers: validated.answers,
    parentId: parent.id,
    catalogRevision: catalog.revision,
  });
  return { ok: true, id: created.id, isNew: true };
}
