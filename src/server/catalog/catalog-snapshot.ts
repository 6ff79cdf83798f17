import "server-only";
import { buildCatalogIndex, type CatalogIndex } from "@/domain/catalog/search";
import type { Catalog, CatalogCapability, CatalogPhase, CatalogTool } from "@/domain/catalog/types";
import { toRecommenderCatalog } from "@/domain/recommender/from-profile";
import type { RecommenderCatalog } from "@/domain/recommender/types";
import { env } from "@/env";
import { subscribeToCatalogChanges } from "../cache/catalog-changed";
import { sharedCatalogRevisionReader, type CatalogRevisionReader } from "../db/catalog-revision-reader";
import { getCatalog } from "../repositories/catalog-repository";

/**
 * The whole catalog as DTOs plus its search index, cached in memory per catalog revision. Each call costs one
 * indexed query to learn the revision (a prepared statement below Prisma: microseconds on SQLite); the catalog is
 * reloaded only after a change, on whichever instance made it.
 */
export type CatalogSnapshot = {
  revision: number;
  catalog: Catalog;
  index: CatalogIndex;
  toolsBySlug: Map<string, CatalogTool>;
  /** Every slug, one Set per revision (answer validation caches its schemas on it). */
  toolSlugs: ReadonlySet<string>;
  capabilitiesBySlug: Map<string, CatalogCapability>;
  phasesBySlug: Map<string, CatalogPhase>;
  /** The engine's view of the catalog, built once per revision (the engine caches its own indexes on it). */
  recommenderCatalog: RecommenderCatalog;
};

let cached: Promise<CatalogSnapshot> | null = null;
let cachedRevision = -1;

// A change made in this process frees the old snapshot now (the next call would notice the revision anyway).
subscribeToCatalogChanges(() => {
  cached = null;
  cachedRevision = -1;
});

async function load(revision: number): Promise<CatalogSnapshot> {
  const catalog = await getCatalog();
  return {
    revision,
    catalog,
    index: buildCatalogIndex(catalog),
    toolsBySlug: new Map(catalog.tools.map((t) => [t.slug, t])),
    toolSlugs: new Set(catalog.tools.map((t) => t.slug)),
    capabilitiesBySlug: new Map(catalog.capabilities.map((c) => [c.slug, c])),
    phasesBySlug: new Map(catalog.phases.map((p) => [p.slug, p])),
    recommenderCatalog: toRecommenderCatalog(catalog),
  };
}

let revisions: CatalogRevisionReader | null = null;

export async function getCatalogSnapshot(): Promise<CatalogSnapshot> {
  revisions ??= sharedCatalogRevisionReader(env.DATABASE_URL);
  const revision = await revisions.read();
  if (!cached || revision !== cachedRevision) {
    cachedRevision = revision;
    const loading = load(revision);
    cached = loading;
    loading.catch(() => {
      if (cached === loading) {
        cached = null;
        cachedRevision = -1;
      }
    });
  }
  return cached;
}
