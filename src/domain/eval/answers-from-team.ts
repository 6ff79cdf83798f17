import { DONT_KNOW, isQuestionVisible, type Answers, type AnswerValue } from "../assessment/answer-model";
import type { Question, Questionnaire } from "../assessment/questionnaire-schema";

/**
 * A team described the way an architect writes it down — a maturity level per area, a few specific answers, the
 * context and the tools in use — turned into a full answer set for a questionnaire version. The judgement benchmark
 * runs these through the same scoring and engine as a real assessment.
 */
export type TeamAnswers = {
  /** Level 0–4 per dimension slug; every scored question of the dimension gets its closest answer. Default 0. */
  maturity?: Record<string, number>;
  /** Answers by question id (an option value, a list of values, a 0–4 number, or "dont-know"). Win over maturity. */
  answers?: Record<string, AnswerValue>;
  /** Catalog slugs of tools in use. */
  tools?: string[];
};

function closestOption(question: Question, level: number): string | undefined {
  let best: { value: string; distance: number } | undefined;
  for (const option of question.options) {
    const distance = Math.abs((option.level ?? 0) - level);
    if (!best || distance < best.distance) best = { value: option.value, distance };
  }
  return best?.value;
}

/** A multi-choice practice list at a level: the first `level` practices ticked (they are ordered by maturity). */
function ticked(question: Question, level: number): string[] {
  return question.options
    .slice(0, Math.max(0, Math.min(question.options.length, Math.round(level))))
    .map((o) => o.value);
}

export function answersFromTeam(questionnaire: Questionnaire, team: TeamAnswers): Answers {
  const answers: Answers = {};
  const byId = new Map(questionnaire.questions.map((q) => [q.id, q]));
  for (const question of questionnaire.questions) {
    const given = team.answers?.[question.id];
    if (given !== undefined) {
      answers[question.id] = given;
      continue;
    }
    if (question.kind === "tools") {
      answers[question.id] = [...(team.tools ?? [])];
      continue;
    }
    if (!question.dimension) continue;
    const level = team.maturity?.[question.dimension] ?? 0;
    if (question.kind === "scale") answers[question.id] = Math.round(level);
    else if (question.kind === "multi") answers[question.id] = ticked(question, level);
    else {
      const value = closestOption(question, level);
      if (value) answers[question.id] = value;
    }
  }
  // Answers to questions the team would never see (hidden by an earlier answer) are dropped, as the wizard does.
  for (const id of Object.keys(answers)) {
    const question = byId.get(id);
    if (question && answers[id] !== DONT_KNOW && !isQuestionVisible(question, answers, byId)) delete answers[id];
  }
  return answers;
}
