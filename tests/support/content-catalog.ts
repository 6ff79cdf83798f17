import type { RecommenderCatalog } from "../../src/domain/recommender/types";
import { loadRecommenderCatalogFromContent } from "../../src/server/content/recommender-catalog";

/** The real catalog from content/, shaped as the recommender sees it. */
export function loadContentCatalog(): Promise<RecommenderCatalog> {
  return loadRecommenderCatalogFromContent();
}
