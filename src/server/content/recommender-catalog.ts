import path from "node:path";
import { isOpenSourceLicense } from "@/domain/catalog/licenses";
import { integrationPairs } from "@/domain/catalog/validate-catalog";
import type { RecommenderCatalog } from "@/domain/recommender/types";
import { loadCatalogContent } from "./load-catalog-content";

/**
 * The catalog in content/, shaped as the recommender sees it (integrations made symmetric, as the database does):
 * for the judgement benchmark and tests, which judge the content itself without a database.
 */
export async function loadRecommenderCatalogFromContent(contentDir = path.resolve("content")): Promise<RecommenderCatalog> {
  const loaded = await loadCatalogContent(contentDir);
  if (!loaded.ok) throw new Error(`${contentDir} is invalid: run npm run content:check`);
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
