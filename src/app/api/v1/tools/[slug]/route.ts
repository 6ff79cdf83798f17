import { apiHandler } from "@/server/http/api-handler";
import { readPreflight, withReadCors } from "@/server/http/cors";
import { dayOf, reviewContextOf } from "@/domain/catalog/freshness";
import { toPublicTool } from "@/domain/catalog/tool-dto";
import { getCatalogSnapshot } from "@/server/catalog/catalog-snapshot";
import { CACHE_PUBLIC_CATALOG, jsonError, jsonOk } from "@/server/http/api-response";

export const dynamic = "force-dynamic";

/** GET /api/v1/tools/{slug} — one tool with every fact. */
export const GET = apiHandler(async (_request: Request, { params }: { params: Promise<{ slug: string }> }) => {
  const { slug } = await params;
  const snapshot = await getCatalogSnapshot();
  const tool = snapshot.toolsBySlug.get(slug);
  if (!tool) return jsonError(404, "not_found", `No tool with slug "${slug.slice(0, 64)}".`);
  const data = toPublicTool(tool, dayOf(new Date()), reviewContextOf(snapshot.catalog.capabilities));
  return withReadCors(jsonOk({ data }, { cache: CACHE_PUBLIC_CATALOG }));
});

export const OPTIONS = () => readPreflight();
