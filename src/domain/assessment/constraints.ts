import { DONT_KNOW, type Answers } from "./answer-model";
import { CONSTRAINT_VALUES, type ConstraintKey } from "./constraint-values";
import type { Questionnaire } from "./questionnaire-schema";

type ValueOf<K extends Exclude<ConstraintKey, "toolsInUse">> = (typeof CONSTRAINT_VALUES)[K][number];

/** What the team told us about its situation, in the recommender's terms. */
export type Constraints = {
  cloud: ValueOf<"cloud">;
  airGapped: boolean;
  kubernetes: ValueOf<"kubernetes">;
  licensePolicy: ValueOf<"licensePolicy">;
  hostingPreference: ValueOf<"hostingPreference">;
  budget: ValueOf<"budget">;
  teamSize: ValueOf<"teamSize">;
  modelsInProduction: ValueOf<"modelsInProduction">;
  regulated: boolean;
  llmApplications: ValueOf<"llmApplications">;
  toolsInUse: string[];
};

/**
 * Used for any constraint left unanswered: the cautious reading. No Kubernetes unless the team says it runs it;
 * no cloud lock-in assumed; a small team with a small budget.
 */
export const DEFAULT_CONSTRAINTS: Constraints = {
  cloud: "undecided",
  airGapped: false,
  kubernetes: "no",
  licensePolicy: "any",
  hostingPreference: "no-preference",
  budget: "small",
  teamSize: "small",
  modelsInProduction: "none",
  regulated: false,
  llmApplications: "no",
  toolsInUse: [],
};

/** Reads the constraint questions' answers; unknown or missing answers fall back to DEFAULT_CONSTRAINTS. */
export function readConstraints(questionnaire: Questionnaire, answers: Answers): Constraints {
  const result: Constraints = { ...DEFAULT_CONSTRAINTS, toolsInUse: [] };
  for (const question of questionnaire.questions) {
    const key = question.constraint;
    const answer = answers[question.id];
    if (!key || answer === undefined || answer === DONT_KNOW) continue;
    if (key === "toolsInUse") {
      if (Array.isArray(answer)) result.toolsInUse = [...new Set([...result.toolsInUse, ...answer])].sort();
      continue;
    }
    if (typeof answer !== "string" || !(CONSTRAINT_VALUES[key] as readonly string[]).includes(answer)) continue;
    if (key === "airGapped" || key === "regulated") result[key] = answer === "yes";
    else (result as Record<string, unknown>)[key] = answer;
  }
  return result;
}
