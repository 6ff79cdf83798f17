import type { KubernetesFilter, LicenseFilter, SortOrder } from "./search-query";
import type { PlanCondition, SourceFact, ToolStatus } from "./vocabulary";

/** Human labels for catalog values, shared by pages, the API docs and the report builders. */

export const STATUS_LABELS: Record<ToolStatus, string> = {
  active: "Active",
  maintenance: "Maintenance only",
  sunset: "Sunset",
  deprecated: "Deprecated",
  renamed: "Renamed",
};

export const LICENSE_FILTER_LABELS: Record<LicenseFilter, string> = {
  "open-source": "Open source (OSI)",
  "not-open-source": "Proprietary or source-available",
};

export const KUBERNETES_FILTER_LABELS: Record<KubernetesFilter, string> = {
  "needs-kubernetes": "Needs Kubernetes",
  "no-kubernetes": "Runs without Kubernetes",
};

export const SORT_LABELS: Record<SortOrder, string> = {
  relevance: "Best match",
  name: "Name (A–Z)",
  "ops-complexity": "Easiest to operate",
  "learning-curve": "Easiest to learn",
  "recently-reviewed": "Recently reviewed",
};

export const RISK_LABELS = {
  relicensed: "Relicensed",
  "single-vendor": "Single vendor",
  acquired: "Acquired",
  "low-activity": "Low activity",
  "end-of-life-announced": "End of life announced",
} as const;

export const RATING_LABELS: Record<number, string> = {
  1: "Very low",
  2: "Low",
  3: "Moderate",
  4: "High",
  5: "Very high",
};

/** What a catalog source can support, as maintainers read it. */
export const SOURCE_FACT_LABELS: Record<SourceFact, string> = {
  status: "Status",
  license: "Licence",
  pricing: "Pricing",
  ownership: "Ownership",
  hosting: "Hosting",
  capabilities: "Capabilities",
  release: "Releases",
  other: "Other",
};

/** The team situations a capability plan can depend on, as maintainers read them. */
export const PLAN_CONDITION_LABELS: Record<PlanCondition, string> = {
  "models-in-production": "A model is in production",
  "several-models": "Four or more models in production",
  "many-models": "More than twenty models in production",
  regulated: "Regulated industry",
  "air-gapped": "Air-gapped",
  "on-premises": "Runs partly on its own premises",
  kubernetes: "Runs (or plans) Kubernetes",
  "trains-models": "Trains its own models",
  "tunes-models": "Trains or fine-tunes models",
  "pretrained-models": "Starts from pre-trained or open-weight models",
  "llm-apps": "Builds (or plans) LLM applications",
  "self-hosts-llms": "Serves open-weight LLMs itself",
  "gpu-cluster": "Shares GPUs between people or jobs",
  "managed-single-cloud": "One cloud, prefers managed services",
  "medium-team": "Eleven or more people in ML",
  "large-team": "More than fifty people in ML",
};
