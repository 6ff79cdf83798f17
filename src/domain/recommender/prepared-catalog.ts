import { buildRelationIndex, type RelationIndex } from "./relations";
import type { RecommenderCatalog, RecommenderTool } from "./types";

/**
 * Per-catalog preparation, cached by catalog identity: the engine stays pure, and repeated runs on the same catalog
 * (every report, the what-if panel, the benchmark's sweep) skip the setup.
 */
export type PreparedCatalog = {
  tools: RecommenderTool[];
  bySlug: Map<string, RecommenderTool>;
  /** Tools per capability they do (primary or secondary), in slug order. */
  byCapability: Map<string, RecommenderTool[]>;
  capabilityOrder: Map<string, number>;
  relations: RelationIndex;
  /** Native integration partners per tool. */
  partners: Map<string, Set<string>>;
  /** Per tool: what using it brings along (itself and everything it implies, transitively). */
  implied: Map<string, Set<string>>;
  /** Per capability: the tools built for it, most integrated first (the ones a reader expects to see). */
  popularByCapability: Map<string, RecommenderTool[]>;
  /** Per capability: the capabilities its pick must work with, either way round (plans' couplings). */
  coupledWith: Map<string, string[]>;
};

const cache = new WeakMap<RecommenderCatalog, PreparedCatalog>();

export function prepareCatalog(catalog: RecommenderCatalog): PreparedCatalog {
  let prepared = cache.get(catalog);
  if (prepared) return prepared;
  const tools = [...catalog.tools].sort((a, b) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));
  const byCapability = new Map<string, RecommenderTool[]>();
  for (const tool of tools) {
    for (const capability of [...tool.capabilities.primary, ...tool.capabilities.secondary]) {
      const list = byCapability.get(capability);
      if (list) list.push(tool);
      else byCapability.set(capability, [tool]);
    }
  }
  const relations = buildRelationIndex(tools);
  prepared = {
    tools,
    bySlug: new Map(tools.map((t) => [t.slug, t])),
    byCapability,
    capabilityOrder: new Map(catalog.capabilities.map((c, i) => [c.slug, i])),
    relations,
    partners: new Map(tools.map((t) => [t.slug, new Set(t.integrations)])),
    implied: new Map(tools.map((t) => [t.slug, relations.withImplied([t.slug])])),
    popularByCapability: new Map(
      [...byCapability].map(([capability, list]) => [
        capability,
        list
          .filter((t) => t.capabilities.primary.includes(capability))
          .sort((a, b) => b.integrations.length - a.integrations.length || (a.slug < b.slug ? -1 : 1)),
      ]),
    ),
    coupledWith: new Map(
      catalog.capabilities.map((cap) => {
        const set = new Set(cap.plan?.couplings ?? []);
        for (const other of catalog.capabilities) if (other.plan?.couplings.includes(cap.slug)) set.add(other.slug);
        return [cap.slug, [...set].sort()];
      }),
    ),
  };
  cache.set(catalog, prepared);
  return prepared;
}
