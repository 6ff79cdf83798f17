import path from "node:path";
import { isOpenSourceLicense } from "../../src/domain/catalog/licenses";
import { integrationPairs } from "../../src/domain/catalog/validate-catalog";
import type { RecommenderCatalog } from "../../src/domain/recommender/types";
import { loadCatalogContent } from "../../src/server/content/load-catalog-content";

/** The real catalog from content/, shaped as the recommender sees it (integrations made symmetric, as the database does). */
export async function loadContentCatalog(): Promise<RecommenderCatalog> {
  const loaded = await loadCatalogContent(path.resolve("content"));
  if (!loaded.ok) throw new Error("content/ is invalid");
  const tools = loaded.value.tools.map((t) => t.tool);
  const partners = new Map<string, string[]>();
  for (const [a, b] of integrationPairs(tools)) {
    partners.set(a, [...(partners.get(a) ?? []), b]);
    partners.set(b, [...(partners.get(b) ?? []), a]);
  }
  return {
    phases: loaded.value.phases.map((p) => p.phase),
    capabilities: loaded.value.capabilities.map((c) => c.capability),
    tools: tools.map((t) => ({
      ...t,
      isOpenSource: isOpenSourceLicense(t.license),
      integrations: (partners.get(t.slug) ?? []).sort(),
    })),
  };
}
