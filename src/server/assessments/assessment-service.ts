import "server-only";
import { z } from "zod";
import { validateAnswers, type AnswerIssue } from "@/domain/assessment/answers";
import { scoreAnswers, type MaturityProfile } from "@/domain/assessment/score";
import { toRecommenderProfile } from "@/domain/recommender/from-profile";
import { recommend } from "@/domain/recommender/recommend";
import { prioritizeActions } from "@/domain/report/action-plan";
import type { Recommendation } from "@/domain/recommender/types";
import type { ReportData } from "@/domain/report/report-data";
import { getCatalogSnapshot } from "../catalog/catalog-snapshot";
import {
  assessmentExists,
  createAssessment,
  findAssessment,
  type StoredAssessment,
} from "../repositories/assessment-repository";
import { getCurrentQuestionnaire, getQuestionnaire } from "./questionnaires";

/** What POST /api/v1/assessments accepts. Answers are checked against the questionnaire separately. */
export const ZAssessmentSubmission = z
  .object({
    answers: z.record(z.string(), z.unknown()),
    /** Defaults to the current version; an older version is refused so that nobody answers retired questions. */
    questionnaireVersion: z.string().max(20).optional(),
    /** The assessment these answers were edited from. */
    parentId: z.string().max(64).optional(),
  })
  .strict();

export type SubmissionResult =
  | { ok: true; assessment: StoredAssessment; profile: MaturityProfile }
  | { ok: false; status: 400 | 422; issues: AnswerIssue[] };

export async function submitAssessment(body: unknown): Promise<SubmissionResult> {
  const parsed = ZAssessmentSubmission.safeParse(body);
  if (!parsed.success) {
    return {
      ok: false,
      status: 400,
      issues: parsed.error.issues.map((i) => ({ path: i.path.map(String), message: i.message })),
    };
  }
  const questionnaire = await getCurrentQuestionnaire();
  const { questionnaireVersion, parentId, answers: raw } = parsed.data;
  if (questionnaireVersion !== undefined && questionnaireVersion !== questionnaire.version) {
    return {
      ok: false,
      status: 422,
      issues: [
        {
          path: ["questionnaireVersion"],
          message: `answers must be for the current questionnaire (${questionnaire.version})`,
        },
      ],
    };
  }
  if (parentId !== undefined && !(await assessmentExists(parentId))) {
    return { ok: false, status: 422, issues: [{ path: ["parentId"], message: "is not an existing assessment" }] };
  }
  const snapshot = await getCatalogSnapshot();
  const validated = validateAnswers(questionnaire, raw, snapshot.toolSlugs);
  if (!validated.ok) return { ok: false, status: 400, issues: validated.issues };
  const assessment = await createAssessment({
    questionnaireVersion: questionnaire.version,
    answers: validated.answers,
    parentId: parentId ?? null,
  });
  return { ok: true, assessment, profile: scoreAnswers(questionnaire, validated.answers) };
}

export type LoadedAssessment = {
  assessment: StoredAssessment;
  profile: MaturityProfile;
  recommendation: Recommendation;
  isCurrentVersion: boolean;
};

/** A saved assessment scored with the questionnaire version it answered, so old permalinks keep their meaning. */
export async function loadAssessment(id: string): Promise<LoadedAssessment | null> {
  const assessment = await findAssessment(id);
  if (!assessment) return null;
  const questionnaire = await getQuestionnaire(assessment.questionnaireVersion);
  if (!questionnaire)
    throw new Error(
      `assessment ${id} answered questionnaire ${assessment.questionnaireVersion}, which is missing from content/`,
    );
  const [current, snapshot] = await Promise.all([getCurrentQuestionnaire(), getCatalogSnapshot()]);
  const scored = scoreAnswers(questionnaire, assessment.answers);
  // The stack is recommended from today's catalog: a permalink always reflects current tool facts.
  const recommendation = recommend(toRecommenderProfile(scored), snapshot.recommenderCatalog, {
    today: new Date().toISOString().slice(0, 10),
  });
  // One priority model: the action list follows the change plan.
  const profile = { ...scored, actionItems: prioritizeActions(scored, recommendation) };
  return { assessment, profile, recommendation, isCurrentVersion: current.version === questionnaire.version };
}

/** Everything a report needs, or null for an unknown id. */
export async function loadReport(id: string): Promise<ReportData | null> {
  const [loaded, snapshot] = await Promise.all([loadAssessment(id), getCatalogSnapshot()]);
  if (!loaded) return null;
  const { assessment, profile, recommendation } = loaded;
  return {
    assessment: {
      id: assessment.id,
      createdAt: assessment.createdAt.toISOString(),
      questionnaireVersion: assessment.questionnaireVersion,
      parentId: assessment.parentId,
    },
    profile,
    recommendation,
    phases: snapshot.catalog.phases.map(({ slug, name, order, isOverlay }) => ({ slug, name, order, isOverlay })),
  };
}
