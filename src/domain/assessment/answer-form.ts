import { DONT_KNOW, isQuestionVisible, type AnswerValue, type Answers } from "./answer-model";
import type { Question, Section } from "./questionnaire-schema";

/**
 * The questionnaire as an HTML form: answers travel as form fields named by question id, so that a step can be
 * submitted to the server without JavaScript (a GET to /assess, or the final POST) and come back with every answer
 * kept. The browser's wizard uses the same fields, so both paths read and write answers the same way.
 *
 * Field values: single choice → the option value; multi choice → one field per ticked option, or NONE_OF_THESE
 * for an explicit empty list; scale → "0"…"4"; tools → one field per catalog slug; any question that allows it →
 * DONT_KNOW. Question ids are lowercase-hyphenated slugs, so the wizard's own fields (WIZARD_FIELDS) must simply not
 * be used as question ids (answer-form.test.ts checks the real questionnaire).
 */

/** A multi-choice answer of "none of these" (an empty list, which is an answer). Not a valid option value. */
export const NONE_OF_THESE = "_none";

/** The wizard's own form fields besides the answers. */
export const WIZARD_FIELDS = {
  /** The section the form shows (its slug). */
  step: "step",
  /** Where the user asked to go: "next", "back", or a section slug. */
  to: "to",
  /** The saved assessment whose answers are being edited. */
  from: "from",
  /** Text typed into the tool finder when it was submitted without JavaScript. */
  toolFilter: "tool-filter",
} as const;

export const RESERVED_FIELD_NAMES: ReadonlySet<string> = new Set(Object.values(WIZARD_FIELDS));

/** What the wizard needs of a question: the questionnaire minus scoring (levels, gaps, weights). */
export type WizardQuestion = Pick<
  Question,
  "id" | "section" | "kind" | "prompt" | "help" | "required" | "allowDontKnow" | "scale" | "showIf"
> & { options: { value: string; label: string; description?: string }[] };

export type WizardQuestionnaire = { version: string; sections: Section[]; questions: WizardQuestion[] };

/** The questionnaire as the browser needs it: no scoring data travels to the client. */
export function toWizardQuestionnaire(questionnaire: {
  version: string;
  sections: Section[];
  questions: Question[];
}): WizardQuestionnaire {
  return {
    version: questionnaire.version,
    sections: questionnaire.sections,
    questions: questionnaire.questions.map((q) => ({
      id: q.id,
      section: q.section,
      kind: q.kind,
      prompt: q.prompt,
      help: q.help,
      required: q.required,
      allowDontKnow: q.allowDontKnow,
      ...(q.scale ? { scale: { minLabel: q.scale.minLabel, maxLabel: q.scale.maxLabel } } : {}),
      ...(q.showIf ? { showIf: q.showIf } : {}),
      options: q.options.map((o) => ({
        value: o.value,
        label: o.label,
        ...(o.description ? { description: o.description } : {}),
      })),
    })),
  };
}

type AnyQuestion = Pick<Question, "id" | "kind" | "section" | "required" | "showIf"> & {
  options: { value: string }[];
};

export type FormEntries = Iterable<readonly [string, unknown]>;

export type ParsedAnswers = {
  answers: Answers;
  /** Questions answered in contradicting ways (e.g. a practice and "None of these"), with a message. */
  conflicts: Record<string, string>;
};

/** Reads answers from form fields. Fields that are not questions, files and empty values are ignored. */
export function answersFromForm(questions: readonly AnyQuestion[], entries: FormEntries): ParsedAnswers {
  const values = new Map<string, string[]>();
  for (const [name, value] of entries) {
    if (typeof value !== "string" || value === "" || RESERVED_FIELD_NAMES.has(name)) continue;
    const list = values.get(name);
    if (list) list.push(value);
    else values.set(name, [value]);
  }
  const answers: Answers = {};
  const conflicts: Record<string, string> = {};
  for (const question of questions) {
    const given = values.get(question.id);
    if (!given) continue;
    const unique = [...new Set(given)];
    switch (question.kind) {
      case "single":
        answers[question.id] = unique[0]!;
        if (unique.length > 1) conflicts[question.id] = "Choose one answer.";
        break;
      case "scale": {
        const [first] = unique;
        answers[question.id] = first === DONT_KNOW || !/^[0-4]$/.test(first!) ? first! : Number(first);
        if (unique.length > 1) conflicts[question.id] = "Choose one answer.";
        break;
      }
      case "multi": {
        const special = unique.filter((v) => v === DONT_KNOW || v === NONE_OF_THESE);
        const practices = unique.filter((v) => v !== DONT_KNOW && v !== NONE_OF_THESE);
        if (special.length + (practices.length > 0 ? 1 : 0) > 1) {
          conflicts[question.id] = "Tick the practices you have, or “None of these”, or “Don't know” — not several.";
        }
        if (practices.length > 0) {
          const order = question.options.map((o) => o.value);
          answers[question.id] = [...practices].sort((a, b) => order.indexOf(a) - order.indexOf(b));
        } else answers[question.id] = special[0] === DONT_KNOW ? DONT_KNOW : [];
        break;
      }
      case "tools":
        answers[question.id] = unique;
        break;
    }
  }
  return { answers, conflicts };
}

/** The form fields that carry one answer (the inverse of answersFromForm). */
export function fieldsForAnswer(question: Pick<AnyQuestion, "id" | "kind">, value: AnswerValue): [string, string][] {
  if (Array.isArray(value)) {
    if (value.length === 0) return question.kind === "multi" ? [[question.id, NONE_OF_THESE]] : [];
    return value.map((v) => [question.id, v]);
  }
  return [[question.id, String(value)]];
}

/** Is this value an answer? An empty tool list is not; an empty practice list ("none of these") is. */
export function isAnswered(question: Pick<AnyQuestion, "kind">, value: AnswerValue | undefined): boolean {
  if (value === undefined || value === "") return false;
  return !(question.kind === "tools" && Array.isArray(value) && value.length === 0);
}

function byIdOf<Q extends AnyQuestion>(questions: readonly Q[]): Map<string, Question> {
  return new Map(questions.map((q) => [q.id, q as unknown as Question]));
}

/** The questions of one section that are shown, given the answers so far. */
export function visibleQuestionsIn<Q extends AnyQuestion>(questions: readonly Q[], section: string, answers: Answers) {
  const byId = byIdOf(questions);
  return questions.filter((q) => q.section === section && isQuestionVisible(q as unknown as Question, answers, byId));
}

/** Required questions that are shown and not answered, in questionnaire order (one section, or all). */
export function missingAnswers<Q extends AnyQuestion>(
  questions: readonly Q[],
  answers: Answers,
  section?: string,
): Q[] {
  const byId = byIdOf(questions);
  return questions.filter(
    (q) =>
      (section === undefined || q.section === section) &&
      q.required &&
      isQuestionVisible(q as unknown as Question, answers, byId) &&
      !isAnswered(q, answers[q.id]),
  );
}

/** A section is complete when it has questions, all its required ones are answered, and something is answered. */
export function isSectionComplete(questions: readonly AnyQuestion[], answers: Answers, section: string): boolean {
  const shown = visibleQuestionsIn(questions, section, answers);
  return (
    shown.length > 0 &&
    shown.every((q) => !q.required || isAnswered(q, answers[q.id])) &&
    shown.some((q) => isAnswered(q, answers[q.id]))
  );
}

/** The message at a question that still needs an answer. */
export function missingAnswerMessage(question: Pick<Question, "allowDontKnow">): string {
  return question.allowDontKnow
    ? "Please answer this question (or choose “Don't know”)."
    : "Please answer this question.";
}

/**
 * A follow-up question that the page could not show before the step was sent (without JavaScript, "How do your LLM
 * applications reach their models?" appears only once the server has read "we build LLM applications"): its gate is
 * on this step and nothing was sent for it, so it is introduced as a new question rather than reproached as skipped.
 */
function isNewFollowUp(
  question: AnyQuestion,
  section: string,
  entries: readonly (readonly [string, unknown])[],
): boolean {
  if (!question.showIf) return false;
  const gate = question.showIf.question;
  return (
    entries.some(([name]) => name === gate) &&
    !entries.some(([name]) => name === question.id) &&
    question.section === section
  );
}

/** The message at a follow-up question shown because of an answer just given on the same step. */
export function followUpMessage(question: Pick<Question, "allowDontKnow">): string {
  return question.allowDontKnow
    ? "One more question, because of your answer above (or choose “Don't know”)."
    : "One more question, because of your answer above.";
}

/** The banner above a step with unanswered questions; null when there are none. */
export function missingAnswersNotice(count: number): string | null {
  if (count === 0) return null;
  return `${count === 1 ? "One question needs" : `${count} questions need`} an answer before you go on.`;
}

export type WizardStep = {
  /** Index of the section to show. */
  index: number;
  answers: Answers;
  /** Messages by question id. */
  errors: Record<string, string>;
};

/**
 * Where a submitted step goes (the no-JavaScript path of the wizard, decided on the server): "next" checks the
 * submitted section's required answers and moves on only when they are all there; "back" and a section slug move
 * without checks (as the wizard's own navigation does). Answers always come along.
 */
export function resolveWizardStep(
  questionnaire: { sections: readonly Pick<Section, "slug">[]; questions: readonly AnyQuestion[] },
  entries: FormEntries,
): WizardStep {
  const list = [...entries];
  const field = (name: string) => {
    const found = list.find(([n]) => n === name)?.[1];
    return typeof found === "string" ? found : undefined;
  };
  const { sections, questions } = questionnaire;
  const { answers, conflicts } = answersFromForm(questions, list);
  const at = Math.max(
    0,
    sections.findIndex((s) => s.slug === field(WIZARD_FIELDS.step)),
  );
  const to = field(WIZARD_FIELDS.to);
  const submitted = sections[at]!.slug;
  const errorsIn = (section: string): Record<string, string> => {
    const errors: Record<string, string> = {};
    for (const q of missingAnswers(questions, answers, section))
      errors[q.id] = isNewFollowUp(q, section, list)
        ? followUpMessage(q as unknown as Question)
        : missingAnswerMessage(q as unknown as Question);
    for (const [id, message] of Object.entries(conflicts)) {
      if (questions.find((q) => q.id === id)?.section === section) errors[id] = message;
    }
    return errors;
  };
  if (to === "next") {
    const errors = errorsIn(submitted);
    if (Object.keys(errors).length > 0) return { index: at, answers, errors };
    return { index: Math.min(at + 1, sections.length - 1), answers, errors: {} };
  }
  if (to === "back") return { index: Math.max(0, at - 1), answers, errors: {} };
  const jump = sections.findIndex((s) => s.slug === to);
  return { index: jump >= 0 ? jump : at, answers, errors: {} };
}
