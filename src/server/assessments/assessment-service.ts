import "server-only";
import { z } from "zod";
import { validateAnswers, type AnswerIssue } from "@/domain/assessment/answers";
import { scoreAnswers, type MaturityProfile } from "@/domain/assessment/score";
import { getCatalogSnapshot } from "../catalog/catalog-snapshot";
import { assessmentExists, createAssessment, type StoredAssessment } from "../repositories/assessment-repository";
import { getCurrentQuestionnaire } from "./questionnaires";

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
    catalogRevision: snapshot.revision,
  });
  return { ok: true, assessment, profile: scoreAnswers(questionnaire, validated.answers) };
}

// Reading reports (as they were made, with catalog notices and what changed) lives in report-service.ts.
export { loadAssessment, loadReport, type LoadedAssessment } from "./report-service";
