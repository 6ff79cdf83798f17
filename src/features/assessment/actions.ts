"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { WIZARD_FIELDS, answersFromForm, missingAnswerMessage } from "@/domain/assessment/answer-form";
import type { Answers } from "@/domain/assessment/answer-model";
import { submitAssessment } from "@/server/assessments/assessment-service";
import { getCurrentQuestionnaire } from "@/server/assessments/questionnaires";
import { isDatabaseUnavailableError } from "@/server/db/database-unavailable";
import { clientAddress } from "@/server/http/client-ip";
import { checkRateLimit } from "@/server/http/rate-limit";
import { MalformedActionError, noteServerActionRan } from "@/server/http/request-context";

/** What the wizard shows after the server refused a submission: every answer back, and why, at the questions. */
export type SubmitState = {
  answers: Answers;
  /** The step to show: the first one with a message, else the last. */
  index: number;
  errors: Record<string, string>;
  notice: string | null;
} | null;

/**
 * "See my results": saves the answers as a new assessment and opens its report. The same action serves the wizard
 * with JavaScript (React posts the form) and without (the browser posts it; Next renders the page again with the
 * returned state when it fails). Anyone may create an assessment, as with POST /api/v1/assessments, under the same
 * per-client write limit; answers are validated against the current questionnaire and nothing is stored when one
 * is wrong.
 */
export async function submitAssessmentForm(_previous: SubmitState, form: FormData): Promise<SubmitState> {
  noteServerActionRan();
  // Anything but the wizard's form (a hand-made request) is refused with 400 by our server.
  if (!(form instanceof FormData)) throw new MalformedActionError();
  const questionnaire = await getCurrentQuestionnaire();
  const { answers, conflicts } = answersFromForm(questionnaire.questions, form.entries());
  const from = form.get(WIZARD_FIELDS.from);
  const parentId = typeof from === "string" && from !== "" ? from : undefined;
  const last = questionnaire.sections.length - 1;
  const refuse = (errors: Record<string, string>, notice: string | null): SubmitState => {
    const first = questionnaire.questions.find((q) => errors[q.id]);
    const index = first ? questionnaire.sections.findIndex((s) => s.slug === first.section) : last;
    return { answers, index: index >= 0 ? index : last, errors, notice };
  };
  if (Object.keys(conflicts).length > 0) return refuse(conflicts, "Some answers contradict each other.");

  let result: Awaited<ReturnType<typeof submitAssessment>>;
  try {
    const retryAfter = await checkRateLimit(clientAddress(await headers()), "write");
    if (retryAfter !== null) {
      return refuse(
        {},
        `Too many assessments were saved from your address in the last minute. Your answers are kept; try again in ${retryAfter} seconds.`,
      );
    }
    result = await submitAssessment({ answers, ...(parentId ? { parentId } : {}) });
  } catch (error) {
    if (!isDatabaseUnavailableError(error)) throw error;
    return refuse(
      {},
      "The service cannot reach its database right now. Your answers are kept; try again in a few seconds.",
    );
  }
  if (!result.ok) {
    const errors: Record<string, string> = {};
    const notices: string[] = [];
    const byId = new Map(questionnaire.questions.map((q) => [q.id, q]));
    for (const issue of result.issues) {
      const [root, questionId] = issue.path.map(String);
      const question = root === "answers" && questionId ? byId.get(questionId) : undefined;
      if (question) {
        errors[question.id] ??=
          issue.message === "is required"
            ? missingAnswerMessage(question)
            : `This answer was not accepted: ${issue.message}.`;
      } else if (root === "parentId")
        notices.push("The assessment you were editing no longer exists; save these answers as a new one.");
      else notices.push(`${issue.path.join(".")} ${issue.message}.`);
    }
    return refuse(errors, notices[0] ?? "Some questions still need an answer.");
  }
  redirect(`/r/${result.assessment.id}`);
}
