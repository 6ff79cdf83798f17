/** The constraint vocabulary, free of zod so the browser bundle (the what-if panel) can use it. */

/** Constraint keys the recommender understands; each constraint question fills exactly one. */
export const CONSTRAINT_KEYS = [
  "cloud",
  "airGapped",
  "kubernetes",
  "licensePolicy",
  "hostingPreference",
  "budget",
  "teamSize",
  "modelsInProduction",
  "regulated",
  "llmApplications",
  "toolsInUse",
] as const;
export type ConstraintKey = (typeof CONSTRAINT_KEYS)[number];

/** The option values each constraint question may use; the recommender reads exactly these. */
export const CONSTRAINT_VALUES = {
  cloud: ["aws", "gcp", "azure", "on-premises", "multi-cloud", "undecided"],
  airGapped: ["yes", "no"],
  kubernetes: ["yes", "planned", "no"],
  licensePolicy: ["open-source-only", "prefer-open-source", "any"],
  hostingPreference: ["managed", "self-hosted", "no-preference"],
  budget: ["none", "small", "moderate", "large"],
  teamSize: ["solo", "small", "medium", "large"],
  modelsInProduction: ["none", "few", "several", "many"],
  regulated: ["yes", "no"],
  llmApplications: ["yes", "planned", "no"],
  toolsInUse: [],
} as const satisfies Record<ConstraintKey, readonly string[]>;
