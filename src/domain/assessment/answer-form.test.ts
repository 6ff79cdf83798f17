import { beforeAll, describe, expect, test } from "vitest";
import { loadQuestionnaires } from "../../server/content/load-questionnaires";
import {
  NONE_OF_THESE,
  RESERVED_FIELD_NAMES,
  answersFromForm,
  fieldsForAnswer,
  isSectionComplete,
  missingAnswersNotice,
  resolveWizardStep,
  toWizardQuestionnaire,
} from "./answer-form";
import { DONT_KNOW, type Answers } from "./answer-model";
import type { Questionnaire } from "./questionnaire-schema";

let questionnaire: Questionnaire;
beforeAll(async () => {
  const loaded = await loadQuestionnaires("content");
  if (!loaded.ok) throw new Error("content/questionnaires is invalid");
  questionnaire = loaded.value.at(-1)!;
});

const question = (kind: string) => questionnaire.questions.find((q) => q.kind === kind)!;

describe("answers as form fields", () => {
  test("no question of the real questionnaire is named like one of the wizard's own fields", () => {
    expect(questionnaire.questions.filter((q) => RESERVED_FIELD_NAMES.has(q.id))).toEqual([]);
    // Option values are slugs, so the "none of these" marker can never be one.
    expect(questionnaire.questions.flatMap((q) => q.options).some((o) => o.value === NONE_OF_THESE)).toBe(false);
  });

  test("every kind of answer survives the trip through form fields", () => {
    const single = question("single");
    const multi = questionnaire.questions.find((q) => q.kind === "multi" && q.allowDontKnow) ?? question("multi");
    const scale = question("scale");
    const tools = question("tools");
    const cases: Answers[] = [
      { [single.id]: single.options[1]!.value },
      { [multi.id]: [multi.options[2]!.value, multi.options[0]!.value] },
      { [multi.id]: [] },
      { [scale.id]: 0 },
      { [scale.id]: 4 },
      { [tools.id]: ["mlflow", "jenkins"] },
    ];
    if (multi.allowDontKnow) cases.push({ [multi.id]: DONT_KNOW });
    for (const answers of cases) {
      const fields = Object.entries(answers).flatMap(([id, value]) =>
        fieldsForAnswer(
          questionnaire.questions.find((q) => q.id === id)!,
          value,
        ),
      );
      const { answers: back, conflicts } = answersFromForm(questionnaire.questions, fields);
      const expected = { ...answers };
      // Practices come back in the questionnaire's order.
      if (Array.isArray(expected[multi.id]) && (expected[multi.id] as string[]).length > 1)
        expected[multi.id] = [multi.options[0]!.value, multi.options[2]!.value];
      expect(back).toEqual(expected);
      expect(conflicts).toEqual({});
    }
  });

  test("contradicting ticks on a multi-choice question are a message at that question, not a guess", () => {
    const multi = question("multi");
    const { conflicts } = answersFromForm(questionnaire.questions, [
      [multi.id, multi.options[0]!.value],
      [multi.id, NONE_OF_THESE],
    ]);
    expect(conflicts[multi.id]).toMatch(/not several/);
  });

  test("fields that are not answers are ignored: the wizard's own, unknown names, files and empty values", () => {
    const single = question("single");
    const { answers } = answersFromForm(questionnaire.questions, [
      ["step", "context"],
      ["to", "next"],
      ["$ACTION_ID_abc", ""],
      ["no-such-question", "x"],
      [single.id, ""],
      ["tool-filter", "mlfl"],
    ]);
    expect(answers).toEqual({});
  });
});

describe("a step submitted without JavaScript", () => {
  const sectionOf = (index: number) => questionnaire.sections[index]!.slug;
  const fieldsFor = (index: number, pick: (options: { value: string }[]) => string = (o) => o[0]!.value) =>
    questionnaire.questions
      .filter((q) => q.section === sectionOf(index) && q.kind !== "tools")
      .flatMap((q) => fieldsForAnswer(q, q.kind === "scale" ? 2 : q.kind === "multi" ? [] : pick(q.options)));

  test("'next' moves on when the step's required questions are answered, with every answer kept", () => {
    const step = resolveWizardStep(questionnaire, [["step", sectionOf(0)], ["to", "next"], ...fieldsFor(0)]);
    expect(step.index).toBe(1);
    expect(step.errors).toEqual({});
    expect(Object.keys(step.answers)).toHaveLength(fieldsFor(0).length);
  });

  test("'next' stays on the step and names each unanswered question when some are missing", () => {
    const answered = fieldsFor(0).slice(1);
    const step = resolveWizardStep(questionnaire, [["step", sectionOf(0)], ["to", "next"], ...answered]);
    expect(step.index).toBe(0);
    const missing = questionnaire.questions.find((q) => q.section === sectionOf(0))!;
    expect(Object.keys(step.errors)).toEqual([missing.id]);
    expect(step.errors[missing.id]).toMatch(/^Please answer this question/);
    expect(Object.keys(step.answers)).toHaveLength(answered.length);
  });

  test("a follow-up question that appears because of an answer on the same step is introduced, not reproached", () => {
    const followUp = questionnaire.questions.find(
      (q) => q.showIf && questionnaire.questions.find((g) => g.id === q.showIf!.question)?.section === q.section,
    )!;
    const gate = questionnaire.questions.find((q) => q.id === followUp.showIf!.question)!;
    const index = questionnaire.sections.findIndex((s) => s.slug === followUp.section);
    const others = questionnaire.questions
      .filter((q) => q.section === followUp.section && q.id !== followUp.id && q.id !== gate.id && q.kind !== "tools")
      .flatMap((q) => fieldsForAnswer(q, q.kind === "multi" ? [q.options[0]!.value] : q.options[0]!.value));
    const opened: [string, string] = [gate.id, followUp.showIf!.anyOf[0]!];
    const first = resolveWizardStep(questionnaire, [["step", sectionOf(index)], ["to", "next"], ...others, opened]);
    expect(first.index).toBe(index);
    expect(Object.keys(first.errors)).toEqual([followUp.id]);
    expect(first.errors[followUp.id]).toMatch(/^One more question, because of your answer/);
    // Sent again without an answer to it, the question was on the page: now it is missing.
    const again = resolveWizardStep(questionnaire, [
      ["step", sectionOf(index)],
      ["to", "next"],
      ...others,
      opened,
      [followUp.id, ""],
    ]);
    expect(again.errors[followUp.id]).toMatch(/^Please answer this question/);
  });

  test("'back' and a section name move without checks; an unknown step starts at the beginning", () => {
    expect(
      resolveWizardStep(questionnaire, [
        ["step", sectionOf(2)],
        ["to", "back"],
      ]).index,
    ).toBe(1);
    expect(
      resolveWizardStep(questionnaire, [
        ["step", sectionOf(2)],
        ["to", sectionOf(5)],
      ]).index,
    ).toBe(5);
    expect(resolveWizardStep(questionnaire, [["step", "nowhere"]]).index).toBe(0);
    expect(
      resolveWizardStep(questionnaire, [
        ["step", sectionOf(8)],
        ["to", "next"],
      ]).index,
    ).toBe(8);
  });
});

describe("wording of the steps", () => {
  test("a step of optional questions is not marked complete before anything is answered", () => {
    const tools = question("tools");
    expect(isSectionComplete(questionnaire.questions, {}, tools.section)).toBe(false);
    expect(isSectionComplete(questionnaire.questions, { [tools.id]: ["mlflow"] }, tools.section)).toBe(true);
  });

  test("the banner counts what is still missing, and disappears when nothing is", () => {
    expect(missingAnswersNotice(4)).toBe("4 questions need an answer before you go on.");
    expect(missingAnswersNotice(1)).toBe("One question needs an answer before you go on.");
    expect(missingAnswersNotice(0)).toBeNull();
  });

  test("the browser gets the questions without their scoring", () => {
    const wizard = toWizardQuestionnaire(questionnaire);
    expect(wizard.questions).toHaveLength(questionnaire.questions.length);
    const json = JSON.stringify(wizard);
    expect(json).not.toContain('"level"');
    expect(json).not.toContain('"gap"');
    expect(json.length).toBeLessThan(JSON.stringify(questionnaire).length * 0.8);
  });
});
