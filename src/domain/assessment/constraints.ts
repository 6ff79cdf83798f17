import { DONT_KNOW, type Answers } from "./answer-model";
import { CONSTRAINT_VALUES, type ConstraintKey } from "./constraint-values";
import type { Questionnaire } from "./questionnaire-schema";

type ValueOf<K extends ConstraintKey> = (typeof CONSTRAINT_VALUES)[K][number];
export type Environment = ValueOf<"environments">;
export type Cloud = "aws" | "gcp" | "azure";

/** What the team told us about its situation, in the recommender's terms. */
export type Constraints = {
  /** One word for the estate: a single cloud, on-premises, several clouds, a hybrid of both, or undecided. */
  cloud: ValueOf<"cloud">;
  /** Every environment the stack runs in; empty when the team has not settled (or did not say). */
  environments: Environment[];
  airGapped: boolean;
  kubernetes: ValueOf<"kubernetes">;
  /** yes: trains its own models; fine-tune: adapts pre-trained ones; none: uses hosted models as they are. */
  training: ValueOf<"training">;
  gpus: ValueOf<"gpus">;
  licensePolicy: ValueOf<"licensePolicy">;
  hostingPreference: ValueOf<"hostingPreference">;
  budget: ValueOf<"budget">;
  teamSize: ValueOf<"teamSize">;
  modelsInProduction: ValueOf<"modelsInProduction">;
  regulated: boolean;
  llmApplications: ValueOf<"llmApplications">;
  llmHosting: ValueOf<"llmHosting">;
  toolsInUse: string[];
  /** Constraints the team answered "don't know": the default below was used and the report says so. */
  unknown: ConstraintKey[];
};

/**
 * Used for any constraint left unanswered or not known: the cautious reading. No Kubernetes unless the team says
 * it runs it; no cloud lock-in assumed; a small team with a small budget that trains its own models; open source
 * preferred (harmless if the policy turns out to be looser, safe if it is stricter).
 */
export const DEFAULT_CONSTRAINTS: Constraints = {
  cloud: "undecided",
  environments: [],
  airGapped: false,
  kubernetes: "no",
  training: "yes",
  gpus: "no",
  licensePolicy: "any",
  hostingPreference: "no-preference",
  budget: "small",
  teamSize: "small",
  modelsInProduction: "none",
  regulated: false,
  llmApplications: "no",
  llmHosting: "api",
  toolsInUse: [],
  unknown: [],
};

/** The default used when a team answers "don't know" (where it differs from DEFAULT_CONSTRAINTS). */
const DONT_KNOW_DEFAULTS: Partial<Constraints> = { licensePolicy: "prefer-open-source" };

const CLOUDS: readonly string[] = ["aws", "gcp", "azure"];

/** The one-word estate for a list of environments. */
export function cloudOf(environments: readonly Environment[]): Constraints["cloud"] {
  const clouds = environments.filter((e) => CLOUDS.includes(e));
  const onPremises = environments.includes("on-premises");
  if (clouds.length === 0) return onPremises ? "on-premises" : "undecided";
  if (onPremises) return "hybrid";
  return clouds.length === 1 ? (clouds[0] as Cloud) : "multi-cloud";
}

/** The environments a one-word estate names (questionnaire 2026.11.1 asked for the word). */
export function environmentsOf(cloud: Constraints["cloud"]): Environment[] {
  return cloud === "aws" || cloud === "gcp" || cloud === "azure" || cloud === "on-premises" ? [cloud] : [];
}

/** Reads the constraint questions' answers; unknown or missing answers fall back to DEFAULT_CONSTRAINTS. */
export function readConstraints(questionnaire: Questionnaire, answers: Answers): Constraints {
  const result: Constraints = { ...DEFAULT_CONSTRAINTS, toolsInUse: [], environments: [], unknown: [] };
  let environmentsAnswered = false;
  for (const question of questionnaire.questions) {
    const key = question.constraint;
    const answer = answers[question.id];
    if (!key || answer === undefined) continue;
    if (answer === DONT_KNOW) {
      if (!result.unknown.includes(key)) result.unknown.push(key);
      Object.assign(result, pickDefault(key));
      continue;
    }
    if (key === "toolsInUse") {
      if (Array.isArray(answer)) result.toolsInUse = [...new Set([...result.toolsInUse, ...answer])].sort();
      continue;
    }
    const allowed: readonly string[] = CONSTRAINT_VALUES[key];
    if (key === "environments") {
      if (Array.isArray(answer)) {
        result.environments = answer.filter((v): v is Environment => allowed.includes(v));
        environmentsAnswered = true;
      }
      continue;
    }
    if (typeof answer !== "string" || !allowed.includes(answer)) continue;
    if (key === "airGapped" || key === "regulated") result[key] = answer === "yes";
    else (result as Record<string, unknown>)[key] = answer;
  }
  if (environmentsAnswered) result.cloud = cloudOf(result.environments);
  else result.environments = environmentsOf(result.cloud);
  return result;
}

/**
 * Constraints as the engine reads them: environments filled from the one-word estate when only that is known
 * (older assessments, hand-made profiles), and `unknown` present.
 */
export function normalizeConstraints(c: Constraints): Constraints {
  const environments = c.environments?.length ? c.environments : environmentsOf(c.cloud);
  return { ...DEFAULT_CONSTRAINTS, ...c, environments, unknown: c.unknown ?? [] };
}

function pickDefault(key: ConstraintKey): Partial<Constraints> {
  if (key === "toolsInUse" || key === "environments" || key === "cloud") return {};
  const fallback = DONT_KNOW_DEFAULTS[key] ?? DEFAULT_CONSTRAINTS[key];
  return { [key]: fallback };
}
