import { z } from "zod";
import { DONT_KNOW, isQuestionVisible, type AnswerValue, type Answers } from "./answer-model";
import type { Question, Questionnaire } from "./questionnaire-schema";

export { DONT_KNOW, isQuestionVisible, type AnswerValue, type Answers } from "./answer-model";

/** Maximum number of tools a team can list as already in use. */
export const MAX_TOOLS_IN_USE = 60;

export type AnswerIssue = { path: (string | number)[]; message: string };
export type AnswersResult = { ok: true; answers: Answers } | { ok: false; issues: AnswerIssue[] };

/**
 * Answer schemas per questionnaire and tool list, built once: building zod schemas costs far more than using them,
 * and both inputs are long-lived objects (a questionnaire version, a catalog snapshot's slug set).
 */
const schemaCache = new WeakMap<Questionnaire, WeakMap<ReadonlySet<string>, Map<string, z.ZodType<AnswerValue>>>>();

function schemaFor(
  questionnaire: Questionnaire,
  question: Question,
  toolSlugs: ReadonlySet<string>,
): z.ZodType<AnswerValue> {
  let byTools = schemaCache.get(questionnaire);
  if (!byTools) schemaCache.set(questionnaire, (byTools = new WeakMap()));
  let byQuestion = byTools.get(toolSlugs);
  if (!byQuestion) byTools.set(toolSlugs, (byQuestion = new Map<string, z.ZodType<AnswerValue>>()));
  let schema = byQuestion.get(question.id);
  if (!schema) byQuestion.set(question.id, (schema = valueSchema(question, toolSlugs)));
  return schema;
}

function valueSchema(question: Question, toolSlugs: ReadonlySet<string>): z.ZodType<AnswerValue> {
  const dontKnow = question.allowDontKnow ? [DONT_KNOW] : [];
  const optionValues = [...question.options.map((o) => o.value), ...dontKnow];
  const oneOf = z.string().refine((v) => optionValues.includes(v), {
    message: `must be one of: ${optionValues.join(", ")}`,
  });
  switch (question.kind) {
    case "single":
      return oneOf;
    case "multi":
      return z.union([
        z.literal(DONT_KNOW).refine(() => question.allowDontKnow, "“Don't know” is not an answer to this question"),
        z
          .array(
            z.string().refine((v) => question.options.some((o) => o.value === v), {
              message: `must be one of: ${question.options.map((o) => o.value).join(", ")}`,
            }),
          )
          .max(question.options.length)
          .refine((list) => new Set(list).size === list.length, "must not repeat a choice"),
      ]);
    case "scale":
      return z.union([
        z.literal(DONT_KNOW).refine(() => question.allowDontKnow, "“Don't know” is not an answer to this question"),
        z
          .number()
          .int("must be a whole number from 0 to 4")
          .min(0, "must be from 0 to 4")
          .max(4, "must be from 0 to 4"),
      ]);
    case "tools":
      return z
        .array(
          z
            .string()
            .max(64)
            .refine((slug) => toolSlugs.has(slug), { message: "is not a tool in the catalog" }),
        )
        .max(MAX_TOOLS_IN_USE, `must list at most ${MAX_TOOLS_IN_USE} tools`)
        .refine((list) => new Set(list).size === list.length, "must not repeat a tool");
  }
}

/** No answer given. For multi-choice an empty list is an answer ("none of these"); for the tool picker it is not. */
function isEmpty(question: Question, value: unknown): boolean {
  if (value === undefined || value === null || value === "") return true;
  return question.kind === "tools" && Array.isArray(value) && value.length === 0;
}

/**
 * Validates an answer set against one questionnaire version: unknown questions, wrong values and missing required
 * answers are errors with the path `answers.<questionId>`. Answers to questions hidden by an earlier answer are
 * dropped (the browser may still hold them). Empty answers to optional questions are dropped.
 */
export function validateAnswers(
  questionnaire: Questionnaire,
  raw: unknown,
  toolSlugs: ReadonlySet<string>,
): AnswersResult {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
    return { ok: false, issues: [{ path: ["answers"], message: "must be an object keyed by question id" }] };
  }
  const input = raw as Record<string, unknown>;
  const byId = new Map(questionnaire.questions.map((q) => [q.id, q]));
  const issues: AnswerIssue[] = [];
  for (const key of Object.keys(input)) {
    if (!byId.has(key)) issues.push({ path: ["answers", key], message: "is not a question in this questionnaire" });
  }
  const answers: Answers = {};
  // Questions come in order and gates refer to earlier questions, so visibility can be decided as we go.
  for (const question of questionnaire.questions) {
    const value = input[question.id];
    if (!isQuestionVisible(question, answers, byId)) continue;
    if (isEmpty(question, value)) {
      if (question.required) issues.push({ path: ["answers", question.id], message: "is required" });
      continue;
    }
    const parsed = schemaFor(questionnaire, question, toolSlugs).safeParse(value);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        issues.push({
          path: ["answers", question.id, ...issue.path.map((p) => (typeof p === "symbol" ? String(p) : p))],
          message: issue.message,
        });
      }
      continue;
    }
    answers[question.id] = parsed.data;
  }
  return issues.length > 0 ? { ok: false, issues } : { ok: true, answers };
}
