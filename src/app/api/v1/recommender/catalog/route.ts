import { getCatalogSnapshot } from "@/server/catalog/catalog-snapshot";
import { CACHE_PUBLIC_CATALOG, jsonOk } from "@/server/http/api-response";

export const dynamic = "force-dynamic";

/**
 * GET /api/v1/recommender/catalog — the catalog as the recommender reads it (facts without prose), so that a
 * browser or script can run the engine itself, as the what-if panel does.
 */
export async function GET() {
  const snapshot = await getCatalogSnapshot();
  return jsonOk(
    { data: snapshot.recommenderCatalog, meta: { catalogRevision: snapshot.revision } },
    { cache: CACHE_PUBLIC_CATALOG },
  );
}
