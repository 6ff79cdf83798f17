import type { Answers } from "../../src/domain/assessment/answers";
import type { Questionnaire } from "../../src/domain/assessment/questionnaire-schema";

/**
 * A complete answer set for the real questionnaire: every scored question at the option nearest `level`, and the
 * given constraint answers (by constraint key) or the first option.
 */
export function answerAll(
  questionnaire: Questionnaire,
  level: number,
  constraints: Record<string, string | string[]> = {},
  tools: string[] = [],
): Answers {
  const answers: Answers = {};
  // Older callers name the one-word estate ("aws", "undecided"); questionnaire 2026.12.1 asks for environments.
  const cloud = constraints.cloud;
  const environments =
    constraints.environments ??
    (typeof cloud === "string" ? (["aws", "gcp", "azure", "on-premises"].includes(cloud) ? [cloud] : []) : undefined);
  for (const q of questionnaire.questions) {
    if (q.kind === "tools") {
      if (tools.length > 0) answers[q.id] = tools;
    } else if (q.constraint === "environments") {
      answers[q.id] = environments ?? [q.options[0]!.value];
    } else if (q.constraint) {
      const given = constraints[q.constraint];
      answers[q.id] = (Array.isArray(given) ? given[0] : given) ?? q.options[0]!.value;
    } else if (q.kind === "scale") {
      answers[q.id] = level;
    } else if (q.kind === "multi") {
      answers[q.id] = q.options.slice(0, level).map((o) => o.value);
    } else {
      const nearest = [...q.options].sort(
        (a, b) => Math.abs((a.level ?? 0) - level) - Math.abs((b.level ?? 0) - level),
      )[0]!;
      answers[q.id] = nearest.value;
    }
  }
  return answers;
}
