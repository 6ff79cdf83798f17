import "server-only";
import type { MaturityProfile } from "@/domain/assessment/score";
import type { Recommendation } from "@/domain/recommender/types";
import type { StoredAssessment } from "../repositories/assessment-repository";

/** The public JSON of an assessment, shared by POST and GET. */
export function presentAssessment(
  assessment: StoredAssessment,
  profile: MaturityProfile,
  recommendation: Recommendation,
) {
  return {
    id: assessment.id,
    url: `/r/${assessment.id}`,
    createdAt: assessment.createdAt.toISOString(),
    questionnaireVersion: assessment.questionnaireVersion,
    parentId: assessment.parentId,
    answers: assessment.answers,
    profile,
    recommendation,
  };
}
