import type { Question } from "./questionnaire-schema";

/**
 * The answer model, free of zod so the browser bundle can use it.
 * Answers are keyed by question id. Single choice: an option value. Multi choice: a list of option values. Scale:
 * an integer 0–4. Tool picker: a list of catalog slugs. Any question that allows it may be answered "dont-know".
 */
export const DONT_KNOW = "dont-know";
export type AnswerValue = string | string[] | number;
export type Answers = Record<string, AnswerValue>;

/** Is this question shown, given the other answers? Questions whose gate is hidden are hidden too. */
export function isQuestionVisible(
  question: Question,
  answers: Answers,
  byId: Map<string, Question>,
  depth = 0,
): boolean {
  if (!question.showIf || depth > 20) return true;
  const gate = byId.get(question.showIf.question);
  if (!gate || !isQuestionVisible(gate, answers, byId, depth + 1)) return false;
  const answer = answers[gate.id];
  const chosen = Array.isArray(answer) ? answer : answer === undefined ? [] : [String(answer)];
  return question.showIf.anyOf.some((v) => chosen.includes(v));
}
