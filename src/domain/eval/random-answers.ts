import { DONT_KNOW, isQuestionVisible, type Answers } from "../assessment/answer-model";
import type { Questionnaire } from "../assessment/questionnaire-schema";

/** A small, fast, seedable PRNG (mulberry32): the sweep is reproducible from its seed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Share of questions answered "don't know" where allowed. */
const DONT_KNOW_RATE = 0.06;
/** Most tools a random team names as already in use. */
const MAX_TOOLS = 8;

/**
 * A random, valid answer set: every visible question answered (in questionnaire order, so gates are respected),
 * "don't know" now and then where allowed, and a random handful of catalog tools in use. A team has a maturity
 * around which its answers scatter, so that every stage is well represented in a sweep.
 */
export function randomAnswers(
  questionnaire: Questionnaire,
  toolSlugs: readonly string[],
  random: () => number,
): Answers {
  const answers: Answers = {};
  const byId = new Map(questionnaire.questions.map((q) => [q.id, q]));
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const teamLevel = random() * 4.4;
  const near = (level: number) => Math.max(0, Math.min(4, level + (random() - 0.5) * 2));
  const dimensionLevel = new Map(questionnaire.dimensions.map((d) => [d.slug, near(teamLevel)]));
  for (const question of questionnaire.questions) {
    if (!isQuestionVisible(question, answers, byId)) continue;
    if (question.allowDontKnow && random() < DONT_KNOW_RATE) {
      answers[question.id] = DONT_KNOW;
      continue;
    }
    const level = question.dimension ? near(dimensionLevel.get(question.dimension) ?? teamLevel) : undefined;
    switch (question.kind) {
      case "single": {
        if (level === undefined) answers[question.id] = pick(question.options).value;
        else {
          const closest = [...question.options].sort(
            (a, b) => Math.abs((a.level ?? 0) - level) - Math.abs((b.level ?? 0) - level),
          )[0]!;
          answers[question.id] = closest.value;
        }
        break;
      }
      case "multi": {
        const share = level === undefined ? 0.5 : level / 4;
        answers[question.id] = question.options.filter(() => random() < share).map((o) => o.value);
        break;
      }
      case "scale":
        answers[question.id] = level === undefined ? Math.floor(random() * 5) : Math.round(level);
        break;
      case "tools": {
        const count = Math.floor(random() * (MAX_TOOLS + 1));
        const chosen = new Set<string>();
        while (chosen.size < Math.min(count, toolSlugs.length)) chosen.add(pick(toolSlugs));
        answers[question.id] = [...chosen].sort();
        break;
      }
    }
  }
  return answers;
}
