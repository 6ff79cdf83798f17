import {
  CLOUDS,
  HOSTING_OPTIONS,
  MATURITY_STAGES,
  PRICING_MODELS,
  TOOL_STATUSES,
  type Cloud,
  type HostingOption,
  type MaturityStage,
  type PricingModel,
  type ToolStatus,
} from "./vocabulary";

/**
 * The shape of a catalog query and the values its facets take. Kept apart from the search itself (search.ts) so the
 * browser's filter controls do not carry the index and the search vocabulary.
 */

export const SORT_ORDERS = ["relevance", "name", "ops-complexity", "learning-curve", "recently-reviewed"] as const;
export type SortOrder = (typeof SORT_ORDERS)[number];

export const LICENSE_FILTERS = ["open-source", "not-open-source"] as const;
export type LicenseFilter = (typeof LICENSE_FILTERS)[number];

export const KUBERNETES_FILTERS = ["needs-kubernetes", "no-kubernetes"] as const;
export type KubernetesFilter = (typeof KUBERNETES_FILTERS)[number];

export type CatalogQuery = {
  text: string;
  phases: string[];
  capabilities: string[];
  licenses: LicenseFilter[];
  pricing: PricingModel[];
  hosting: HostingOption[];
  clouds: Exclude<Cloud, "any">[];
  kubernetes: KubernetesFilter[];
  stages: MaturityStage[];
  statuses: ToolStatus[];
  sort: SortOrder;
};

export const EMPTY_QUERY: CatalogQuery = {
  text: "",
  phases: [],
  capabilities: [],
  licenses: [],
  pricing: [],
  hosting: [],
  clouds: [],
  kubernetes: [],
  stages: [],
  statuses: [],
  sort: "relevance",
};

export type FacetName = Exclude<keyof CatalogQuery, "text" | "sort">;
export type FacetCounts = Record<FacetName, Record<string, number>>;

/** The allowed values of each enumerated facet, for parsing and for rendering every option (even at count 0). */
export const FACET_VALUES = {
  licenses: LICENSE_FILTERS,
  pricing: PRICING_MODELS,
  hosting: HOSTING_OPTIONS,
  clouds: CLOUDS.filter((c): c is Exclude<Cloud, "any"> => c !== "any"),
  kubernetes: KUBERNETES_FILTERS,
  stages: MATURITY_STAGES,
  statuses: TOOL_STATUSES,
} as const;
