import { compareNames } from "./compare-names";
import { CLOUDS } from "./vocabulary";
import type { Catalog, CatalogTool } from "./types";
import {
  buildTextIndex,
  capabilityNamesOf,
  indexToolText,
  mentionsCloud,
  parseQuery,
  rankText,
  type TextIndex,
} from "./search-text";
import type { CatalogQuery, FacetCounts, FacetName, SortOrder } from "./search-query";

export {
  EMPTY_QUERY,
  FACET_VALUES,
  KUBERNETES_FILTERS,
  LICENSE_FILTERS,
  SORT_ORDERS,
  type CatalogQuery,
  type FacetCounts,
  type FacetName,
  type KubernetesFilter,
  type LicenseFilter,
  type SortOrder,
} from "./search-query";
export { tokenize } from "./search-text";

/**
 * Faceted full-text search over catalog DTOs: pure, deterministic, and fast enough to run on every keystroke for
 * catalogs of thousands of tools. Text relevance (which tools match the words, and in what order) lives in
 * search-text.ts. Within a facet the selected values are alternatives (OR); across facets they all apply (AND).
 * Facet counts follow the usual convention: each facet is counted with every other filter applied but not its own,
 * so a user sees how many results each extra choice would give.
 */

export type SearchResult = {
  tools: CatalogTool[];
  total: number;
  facets: FacetCounts;
};

type IndexedTool = {
  tool: CatalogTool;
  /** Position in alphabetical order (by name, then slug): sorting compares numbers, not strings. */
  nameOrder: number;
  phases: Set<string>;
  capabilities: Set<string>;
};

export type CatalogIndex = {
  entries: IndexedTool[];
  /** The text index, built on the first query with words (pages that only filter or list never pay for it). */
  text: () => TextIndex;
};

/** Precomputes what every query needs; build it once per catalog version and reuse it. */
export function buildCatalogIndex(catalog: Catalog): CatalogIndex {
  const capabilityPhase = new Map(catalog.capabilities.map((c) => [c.slug, c.phase]));
  const capabilityNames = capabilityNamesOf(catalog);
  const alphabetical = [...catalog.tools].sort((a, b) => compareNames(a.name, b.name) || compareCodes(a.slug, b.slug));
  const nameOrder = new Map(alphabetical.map((tool, i) => [tool, i]));
  const entries = catalog.tools.map((tool) => {
    const caps = [...tool.capabilities.primary, ...tool.capabilities.secondary];
    return {
      tool,
      nameOrder: nameOrder.get(tool)!,
      capabilities: new Set(caps),
      phases: new Set(caps.map((c) => capabilityPhase.get(c)).filter((p): p is string => p !== undefined)),
    };
  });
  let text: TextIndex | undefined;
  return {
    entries,
    text: () => (text ??= buildTextIndex(catalog.tools.map((tool) => indexToolText(tool, capabilityNames)))),
  };
}

/** Relevance kept by a tool in maintenance only: still usable, but an actively developed peer matching as well wins. */
const MAINTENANCE_PENALTY = 0.9;
/**
 * Relevance kept by a tool that runs on one cloud only, when neither the query nor the filters name a cloud: most
 * readers can use a portable tool, so "feature store" lists Feast before SageMaker Feature Store, while "feature
 * store aws" puts the AWS service first.
 */
const ONE_CLOUD_PENALTY = 0.8;

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

function compareBy(sort: SortOrder, hasText: boolean): (a: Ranked, b: Ranked) => number {
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
      // Usable tools before retired ones, then by text relevance. Among equally good matches, actively developed
      // tools first, then the better connected ones (more integrations with the rest of the catalog: the ones teams
      // meet most), then by name. Without search words, simply by name.
      return (a, b) =>
        Number(isRetired(a.entry.tool)) - Number(isRetired(b.entry.tool)) ||
        b.score - a.score ||
        (hasText
          ? Number(a.entry.tool.status !== "active") - Number(b.entry.tool.status !== "active") ||
            b.entry.tool.integrations.length - a.entry.tool.integrations.length
          : 0) ||
        byName(a, b);
  }
}

function isOneCloudOnly(tool: CatalogTool): boolean {
  return tool.clouds.length === 1 && tool.clouds[0] !== "any";
}

function isRetired(tool: CatalogTool): boolean {
  return tool.status === "sunset" || tool.status === "deprecated" || tool.status === "renamed";
}

/** Runs a query against an index: matching tools in order, their total, and facet counts. */
export function searchCatalog(index: CatalogIndex, query: CatalogQuery): SearchResult {
  const parsed = parseQuery(query.text);
  const ranks = parsed.concepts.length === 0 ? null : rankText(index.text(), parsed);
  const isCloudNeutralQuery = parsed.concepts.length > 0 && query.clouds.length === 0 && !mentionsCloud(parsed);
  const textMatches: Ranked[] = [];
  index.entries.forEach((entry, i) => {
    const score = ranks ? ranks[i]!.score : 1;
    if (score === 0) return;
    const penalty =
      (entry.tool.status === "maintenance" ? MAINTENANCE_PENALTY : 1) *
      (isCloudNeutralQuery && isOneCloudOnly(entry.tool) ? ONE_CLOUD_PENALTY : 1);
    textMatches.push({ entry, score: score * penalty });
  });

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
  results.sort(compareBy(query.sort, parsed.concepts.length > 0));
  return { tools: results.map((r) => r.entry.tool), total: results.length, facets };
}
