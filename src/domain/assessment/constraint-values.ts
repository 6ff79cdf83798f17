/** The constraint vocabulary, free of zod so the browser bundle (the what-if panel) can use it. */

/** Constraint keys the recommender understands; each constraint question fills exactly one. */
export const CONSTRAINT_KEYS = [
  "cloud",
  "environments",
  "airGapped",
  "kubernetes",
  "training",
  "gpus",
  "licensePolicy",
  "hostingPreference",
  "budget",
  "teamSize",
  "modelsInProduction",
  "regulated",
  "llmApplications",
  "llmHosting",
  "toolsInUse",
] as const;
export type ConstraintKey = (typeof CONSTRAINT_KEYS)[number];

/** The option values each constraint question may use; the recommender reads exactly these. */
export const CONSTRAINT_VALUES = {
  /** Questionnaire 2026.11.1 asked for one answer; from 2026.12.1 it is derived from `environments`. */
  cloud: ["aws", "gcp", "azure", "on-premises", "multi-cloud", "hybrid", "undecided"],
  environments: ["aws", "gcp", "azure", "on-premises"],
  airGapped: ["yes", "no"],
  kubernetes: ["yes", "planned", "no"],
  training: ["yes", "fine-tune", "none"],
  gpus: ["no", "dedicated", "shared", "planned"],
  licensePolicy: ["open-source-only", "open-source-supported", "supported-only", "prefer-open-source", "any"],
  hostingPreference: ["managed", "self-hosted", "no-preference"],
  budget: ["none", "small", "moderate", "large"],
  teamSize: ["solo", "small", "medium", "large"],
  modelsInProduction: ["none", "few", "several", "many"],
  regulated: ["yes", "no"],
  llmApplications: ["yes", "planned", "no"],
  llmHosting: ["api", "self-hosted", "both"],
  toolsInUse: [],
} as const satisfies Record<ConstraintKey, readonly string[]>;

/** Constraint questions whose answer is a list. */
export const LIST_CONSTRAINTS = ["environments", "toolsInUse"] as const satisfies readonly ConstraintKey[];
