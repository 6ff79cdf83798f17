import path from "node:path";
import fc from "fast-check";
import { beforeAll, describe, expect, test } from "vitest";
import { DONT_KNOW, validateAnswers, type Answers } from "../../src/domain/assessment/answers";
import type { Question, Questionnaire } from "../../src/domain/assessment/questionnaire-schema";
import { scoreAnswers } from "../../src/domain/assessment/score";
import { loadQuestionnaires } from "../../src/server/content/load-questionnaires";

/** Property tests over the real, current questionnaire in content/. */
let questionnaire: Questionnaire;
const TOOLS = new Set(["jenkins", "mlflow", "airflow"]);

beforeAll(async () => {
  const loaded = await loadQuestionnaires(path.resolve("content"));
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.issues));
  questionnaire = loaded.value.at(-1)!;
});

/** A random complete answer set: one choice per question, "don't know" where allowed. */
function answerSets() {
  return fc.array(fc.nat(1000), { minLength: 200, maxLength: 200 }).map((seeds) => {
    const answers: Answers = {};
    questionnaire.questions.forEach((q, i) => {
      const seed = seeds[i % seeds.length]! + i;
      const dontKnow = q.allowDontKnow && seed % 7 === 0;
      switch (q.kind) {
        case "single":
          answers[q.id] = dontKnow ? DONT_KNOW : q.options[seed % q.options.length]!.value;
          break;
        case "multi":
          answers[q.id] = dontKnow
            ? DONT_KNOW
            : q.options.filter((_, j) => ((seed >> j) & 1) === 1).map((o) => o.value);
          break;
        case "scale":
          answers[q.id] = dontKnow ? DONT_KNOW : seed % 5;
          break;
        case "tools":
          answers[q.id] = [...TOOLS].filter((_, j) => ((seed >> j) & 1) === 1);
          break;
      }
    });
    return answers;
  });
}

/** A more mature answer to the same question, or null when it is already at the top. */
function moreMature(q: Question, answer: Answers[string] | undefined): Answers[string] | null {
  const levelOf = (value: unknown) => q.options.find((o) => o.value === value)?.level ?? 0;
  if (q.kind === "single") {
    const current = answer === DONT_KNOW || answer === undefined ? -1 : levelOf(answer);
    return q.options.find((o) => (o.level ?? 0) > current)?.value ?? null;
  }
  if (q.kind === "multi") {
    const chosen = Array.isArray(answer) ? answer : [];
    const missing = q.options.find((o) => !chosen.includes(o.value));
    return missing ? [...chosen, missing.value] : null;
  }
  if (q.kind === "scale") {
    const value = typeof answer === "number" ? answer : -1;
    return value < 4 ? value + 1 : null;
  }
  return null;
}

describe("scoring the real questionnaire", () => {
  test("any valid answer set validates, scores within range and is deterministic", () => {
    fc.assert(
      fc.property(answerSets(), (raw) => {
        const validated = validateAnswers(questionnaire, raw, TOOLS);
        expect(validated.ok).toBe(true);
        if (!validated.ok) return;
        const profile = scoreAnswers(questionnaire, validated.answers);
        expect([1, 2, 3, 4]).toContain(profile.stage);
        for (const d of profile.dimensions) {
          expect(d.score).toBeGreaterThanOrEqual(0);
          expect(d.score).toBeLessThanOrEqual(4);
        }
        expect(scoreAnswers(questionnaire, validated.answers)).toEqual(profile);
      }),
      { numRuns: 300 },
    );
  });

  test("answering any question more maturely never lowers its dimension or the stage", () => {
    const scored = () => questionnaire.questions.filter((q) => q.dimension && q.kind !== "tools");
    fc.assert(
      fc.property(answerSets(), fc.nat(), (raw, pick) => {
        const base = validateAnswers(questionnaire, raw, TOOLS);
        if (!base.ok) throw new Error("generator produced invalid answers");
        const candidates = scored();
        const question = candidates[pick % candidates.length]!;
        const better = moreMature(question, base.answers[question.id]);
        if (better === null) return;
        const improved = validateAnswers(questionnaire, { ...raw, [question.id]: better }, TOOLS);
        if (!improved.ok) return; // revealing a gated question may need further answers
        const before = scoreAnswers(questionnaire, base.answers);
        const after = scoreAnswers(questionnaire, improved.answers);
        const dim = (p: typeof before) => p.dimensions.find((d) => d.slug === question.dimension)!.score;
        expect(dim(after)).toBeGreaterThanOrEqual(dim(before));
        expect(after.stage).toBeGreaterThanOrEqual(before.stage);
        expect(after.overall.level).toBeGreaterThanOrEqual(before.overall.level);
      }),
      { numRuns: 500 },
    );
  });
});
