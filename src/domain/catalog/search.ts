import { compareNames } from "./compare-names";
import type { Catalog, CatalogTool } from "./types";
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
 * Faceted full-text search over catalog DTOs: pure, deterministic, and fast enough to run on every keystroke for
 * catalogs of thousands of tools. Within a facet the selected values are alternatives (OR); across facets they all
 * apply (AND). Facet counts follow the usual convention: each facet is counted with every other filter applied but
 * not its own, so a user sees how many results each extra choice would give.
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

export type SearchResult = {
  tools: CatalogTool[];
  total: number;
  facets: FacetCounts;
};

/** Splits text into lowercase search tokens; keeps characters common in tool names (c++, .net, k8s, ci/cd). */
export function tokenize(text: string): string[] {
  return text
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .split(/[^a-z0-9+#.]+/)
    .map((t) => t.replace(/^\.+|\.+$/g, ""))
    .filter((t) => t.length > 0);
}

type IndexedTool = {
  tool: CatalogTool;
  /** Position in alphabetical order (by name, then slug): sorting compares numbers, not strings. */
  nameOrder: number;
  phases: Set<string>;
  capabilities: Set<string>;
  name: string;
  summary: string;
  capabilityText: string;
  body: string;
};

/** Field weights for relevance: a hit in the name matters far more than one deep in the description. */
const FIELD_WEIGHTS = { nameExact: 100, namePrefix: 40, name: 20, summary: 8, capability: 6, body: 1 } as const;

export type CatalogIndex = { entries: IndexedTool[] };

/** Precomputes what every query needs; build it once per catalog version and reuse it. */
export function buildCatalogIndex(catalog: Catalog): CatalogIndex {
  const capabilityPhase = new Map(catalog.capabilities.map((c) => [c.slug, c.phase]));
  const capabilityName = new Map(catalog.capabilities.map((c) => [c.slug, c.name]));
  const alphabetical = [...catalog.tools].sort((a, b) => compareNames(a.name, b.name) || compareCodes(a.slug, b.slug));
  const nameOrder = new Map(alphabetical.map((tool, i) => [tool, i]));
  return {
    entries: catalog.tools.map((tool) => {
      const caps = [...tool.capabilities.primary, ...tool.capabilities.secondary];
      return {
        tool,
        nameOrder: nameOrder.get(tool)!,
        capabilities: new Set(caps),
        phases: new Set(caps.map((c) => capabilityPhase.get(c)).filter((p): p is string => p !== undefined)),
        name: tokenize(tool.name).join(" "),
        summary: ` ${tokenize(tool.summary).join(" ")} `,
        capabilityText: ` ${tokenize(caps.map((c) => `${capabilityName.get(c) ?? c} ${c}`).join(" ")).join(" ")} `,
        body: ` ${tokenize([tool.description, ...tool.strengths, ...tool.limitations, tool.license, tool.slug].join(" ")).join(" ")} `,
      };
    }),
  };
}

/** Relevance of one entry for the query tokens; 0 when any token matches nowhere (all tokens must match). */
function scoreEntry(entry: IndexedTool, tokens: string[], phrase: string): number {
  if (tokens.length === 0) return 1;
  let score = 0;
  for (const token of tokens) {
    const padded = ` ${token}`;
    let best = 0;
    if (` ${entry.name} `.includes(` ${token} `)) best = FIELD_WEIGHTS.name;
    else if (` ${entry.name}`.includes(padded)) best = FIELD_WEIGHTS.name / 2;
    if (entry.summary.includes(padded)) best = Math.max(best, FIELD_WEIGHTS.summary);
    if (entry.capabilityText.includes(padded)) best = Math.max(best, FIELD_WEIGHTS.capability);
    if (best === 0 && entry.body.includes(padded)) best = FIELD_WEIGHTS.body;
    if (best === 0) return 0;
    score += best;
  }
  if (entry.name === phrase) score += FIELD_WEIGHTS.nameExact;
  else if (entry.name.startsWith(phrase)) score += FIELD_WEIGHTS.namePrefix;
  return score;
}

type Predicate = (entry: IndexedTool) => boolean;

function facetPredicates(query: CatalogQuery): Record<FacetName, Predicate | null> {
  return {
    phases: query.phases.length === 0 ? null : (e) => query.phases.some((p) => e.phases.has(p)),
    capabilities: query.capabilities.length === 0 ? null : (e) => query.capabilities.some((c) => e.capabilities.has(c)),
    licenses:
      query.licenses.length === 0
        ? null
        : (e) => query.licenses.some((l) => (l === "open-source" ? e.tool.isOpenSource : !e.tool.isOpenSource)),
    pricing: query.pricing.length === 0 ? null : (e) => query.pricing.includes(e.tool.pricing),
    hosting: query.hosting.length === 0 ? null : (e) => query.hosting.some((h) => e.tool.hosting.includes(h)),
    clouds:
      query.clouds.length === 0
        ? null
        : (e) => query.clouds.some((c) => e.tool.clouds.includes(c) || e.tool.clouds.includes("any")),
    kubernetes:
      query.kubernetes.length === 0
        ? null
        : (e) =>
            query.kubernetes.some((k) => (k === "needs-kubernetes" ? e.tool.needsKubernetes : !e.tool.needsKubernetes)),
    stages: query.stages.length === 0 ? null : (e) => query.stages.some((s) => e.tool.stages.includes(s)),
    statuses: query.statuses.length === 0 ? null : (e) => query.statuses.includes(e.tool.status),
  };
}

/** The values each facet can take for one entry (what its count is keyed by). */
function facetValues(entry: IndexedTool): Record<FacetName, string[]> {
  const t = entry.tool;
  return {
    phases: [...entry.phases],
    capabilities: [...entry.capabilities],
    licenses: [t.isOpenSource ? "open-source" : "not-open-source"],
    pricing: [t.pricing],
    hosting: t.hosting,
    clouds: t.clouds.includes("any") ? CLOUDS.filter((c) => c !== "any") : t.clouds.filter((c) => c !== "any"),
    kubernetes: [t.needsKubernetes ? "needs-kubernetes" : "no-kubernetes"],
    stages: t.stages.map(String),
    statuses: [t.status],
  };
}

const FACET_NAMES: FacetName[] = [
  "phases",
  "capabilities",
  "licenses",
  "pricing",
  "hosting",
  "clouds",
  "kubernetes",
  "stages",
  "statuses",
];

const compareCodes = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

type Ranked = { entry: IndexedTool; score: number };

function compareBy(sort: SortOrder): (a: Ranked, b: Ranked) => number {
  const byName = (a: Ranked, b: Ranked) => a.entry.nameOrder - b.entry.nameOrder;
  switch (sort) {
    case "name":
      return byName;
    case "ops-complexity":
      return (a, b) => a.entry.tool.opsComplexity - b.entry.tool.opsComplexity || byName(a, b);
    case "learning-curve":
      return (a, b) => a.entry.tool.learningCurve - b.entry.tool.learningCurve || byName(a, b);
    case "recently-reviewed":
      return (a, b) => compareCodes(b.entry.tool.lastReviewed, a.entry.tool.lastReviewed) || byName(a, b);
    case "relevance":
      // Usable tools before retired ones, then by text relevance, then by name.
      return (a, b) =>
        Number(isRetired(a.entry.tool)) - Number(isRetired(b.entry.tool)) || b.score - a.score || byName(a, b);
  }
}

function isRetired(tool: CatalogTool): boolean {
  return tool.status === "sunset" || tool.status === "deprecated" || tool.status === "renamed";
}

/** Runs a query against an index: matching tools in order, their total, and facet counts. */
export function searchCatalog(index: CatalogIndex, query: CatalogQuery): SearchResult {
  const tokens = tokenize(query.text);
  const phrase = tokens.join(" ");
  const textMatches: Ranked[] = [];
  for (const entry of index.entries) {
    const score = scoreEntry(entry, tokens, phrase);
    if (score > 0) textMatches.push({ entry, score });
  }

  const predicates = facetPredicates(query);
  const active = FACET_NAMES.filter((f) => predicates[f] !== null);
  const facets = Object.fromEntries(FACET_NAMES.map((f) => [f, {}])) as FacetCounts;
  const results: Ranked[] = [];
  for (const match of textMatches) {
    const failing = active.filter((f) => !predicates[f]!(match.entry));
    if (failing.length === 0) results.push(match);
    if (failing.length > 1) continue;
    const values = facetValues(match.entry);
    for (const facet of FACET_NAMES) {
      // Count toward a facet when every *other* active filter passes.
      if (failing.length === 1 && failing[0] !== facet) continue;
      for (const value of values[facet]) facets[facet][value] = (facets[facet][value] ?? 0) + 1;
    }
  }
  results.sort(compareBy(query.sort === "relevance" && tokens.length === 0 ? "relevance" : query.sort));
  return { tools: results.map((r) => r.entry.tool), total: results.length, facets };
}

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
