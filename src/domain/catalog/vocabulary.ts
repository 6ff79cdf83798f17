/**
 * The closed vocabularies of the catalog. Every enum-like field in content/, the database and the API takes its
 * values from here, so a new value is added in exactly one place.
 */

export const MATURITY_STAGES = [1, 2, 3, 4] as const;
export type MaturityStage = (typeof MATURITY_STAGES)[number];

export const STAGE_NAMES: Record<MaturityStage, string> = {
  1: "Just starting",
  2: "Growing team",
  3: "Production scale",
  4: "Enterprise maturity",
};

export const TOOL_STATUSES = ["active", "maintenance", "sunset", "deprecated", "renamed"] as const;
export type ToolStatus = (typeof TOOL_STATUSES)[number];

/** Statuses the recommender must never pick; each such entry names a successor in the catalog. */
export const RETIRED_STATUSES = ["sunset", "deprecated", "renamed"] as const satisfies readonly ToolStatus[];

export function isRetiredStatus(status: ToolStatus): boolean {
  return (RETIRED_STATUSES as readonly ToolStatus[]).includes(status);
}

export const PRICING_MODELS = ["open-source", "open-core", "freemium", "paid", "pay-as-you-go"] as const;
export type PricingModel = (typeof PRICING_MODELS)[number];

export const PRICING_LABELS: Record<PricingModel, string> = {
  "open-source": "Free / open source",
  "open-core": "Open core",
  freemium: "Free tier + paid plans",
  paid: "Paid licence or SaaS",
  "pay-as-you-go": "Cloud pay-as-you-go",
};

export const HOSTING_OPTIONS = ["self-hosted", "managed-saas", "cloud-service"] as const;
export type HostingOption = (typeof HOSTING_OPTIONS)[number];

export const HOSTING_LABELS: Record<HostingOption, string> = {
  "self-hosted": "Self-hosted",
  "managed-saas": "Managed SaaS",
  "cloud-service": "Cloud provider service",
};

export const CLOUDS = ["any", "aws", "gcp", "azure"] as const;
export type Cloud = (typeof CLOUDS)[number];

export const CLOUD_LABELS: Record<Cloud, string> = {
  any: "Any cloud / on-premises",
  aws: "AWS",
  gcp: "Google Cloud",
  azure: "Microsoft Azure",
};

export const TEAM_SIZES = ["solo", "small", "medium", "large"] as const;
export type TeamSize = (typeof TEAM_SIZES)[number];

export const TEAM_SIZE_LABELS: Record<TeamSize, string> = {
  solo: "1–2 people",
  small: "3–10 people",
  medium: "11–50 people",
  large: "More than 50 people",
};

export const RISK_KINDS = ["relicensed", "single-vendor", "acquired", "low-activity", "end-of-life-announced"] as const;
export type RiskKind = (typeof RISK_KINDS)[number];

export const CAPABILITY_ROLES = ["primary", "secondary"] as const;
export type CapabilityRole = (typeof CAPABILITY_ROLES)[number];

/** Ops complexity and learning curve are both rated on this scale: 1 trivial … 5 needs a dedicated team. */
export const RATING_MIN = 1;
export const RATING_MAX = 5;

/**
 * Conditions on a team's answers that the capability plan (content/capabilities.yaml) refers to. Each is read from
 * the constraints by `evaluateCondition` in src/domain/recommender/conditions.ts; a condition can be met, planned
 * (the team said it is coming: prepare at the next stage) or not met.
 */
export const PLAN_CONDITIONS = [
  /** At least one model in production. */
  "models-in-production",
  /** Four or more models in production. */
  "several-models",
  /** More than twenty models in production. */
  "many-models",
  "regulated",
  "air-gapped",
  /** Part of the estate runs on the team's own premises. */
  "on-premises",
  /** Runs Kubernetes (planned: it is planned). */
  "kubernetes",
  /** Trains its own models (not only fine-tunes or calls hosted models). */
  "trains-models",
  /** Trains or fine-tunes models. */
  "tunes-models",
  /** Builds applications on large language models (planned: they are planned). */
  "llm-apps",
  /** Serves open-weight language models itself. */
  "self-hosts-llms",
  /** Runs on one cloud and prefers managed services. */
  "managed-single-cloud",
  /** Eleven or more people work on ML. */
  "medium-team",
  /** More than fifty people work on ML. */
  "large-team",
] as const;
export type PlanCondition = (typeof PLAN_CONDITIONS)[number];

/** The kinds of fact a catalog source can support. Status, licence and pricing each need a dated source. */
export const SOURCE_FACTS = [
  "status",
  "license",
  "pricing",
  "ownership",
  "hosting",
  "capabilities",
  "release",
  "other",
] as const;
export type SourceFact = (typeof SOURCE_FACTS)[number];
