import "server-only";
import type { MaturityProfile } from "@/domain/assessment/score";
import type { Recommendation } from "@/domain/recommender/types";
import type { StoredAssessment } from "../repositories/assessment-repository";

/**
 * The public JSON of a saved assessment: what was stored plus its scores. POST answers with this; the recommended
 * stack is not part of it: it is worked out when the report is first read and kept with the assessment from then on
 * (docs/decisions/014-reports-remember-their-catalog.md).
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

/** GET's answer: the assessment with its stack, as the report was made. */
export function presentAssessmentWithStack(
  assessment: StoredAssessment,
  profile: MaturityProfile,
  recommendation: Recommendation,
) {
  return { ...presentAssessment(assessment, profile), recommendation };
}
