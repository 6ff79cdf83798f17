import "server-only";
import type { MaturityProfile } from "@/domain/assessment/score";
import type { Recommendation } from "@/domain/recommender/types";
import type { StoredAssessment } from "../repositories/assessment-repository";

/**
 * The public JSON of a saved assessment: what was stored plus its scores. POST answers with this; the recommended
 * stack is not part of it because it is not stored: it is worked out from the catalog of the moment each time the
 * assessment is read (GET, the report), so a permalink always reflects current tool facts.
 */
export function presentAssessment(assessment: StoredAssessment, profile: MaturityProfile) {
  return {
    id: assessment.id,
    url: `/r/${assessment.id}`,
    createdAt: assessment.createdAt.toISOString(),
    questionnaireVersion: assessment.questionnaireVersion,
    parentId: assessment.parentId,
    answers: assessment.answers,
    profile,
  };
}

/** GET's answer: the assessment with the stack recommended from today's catalog. */
export function presentAssessmentWithStack(
  assessment: StoredAssessment,
  profile: MaturityProfile,
  recommendation: Recommendation,
) {
  return { ...presentAssessment(assessment, profile), recommendation };
}
