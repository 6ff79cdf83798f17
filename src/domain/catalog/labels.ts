import type { KubernetesFilter, LicenseFilter, SortOrder } from "./search";
import type { SourceFact, ToolStatus } from "./vocabulary";

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

/** What a source supports, as a tool page lists it ("Supports status, licence"). */
export const SOURCE_FACT_LABELS: Record<SourceFact, string> = {
  status: "status",
  license: "licence",
  pricing: "pricing",
  ownership: "ownership",
  hosting: "hosting",
  capabilities: "capabilities",
  release: "release",
  other: "other facts",
};
