import { apiHandler } from "@/server/http/api-handler";
import { readPreflight, withReadCors } from "@/server/http/cors";
import { parseCatalogQueryStrict, type RawParams } from "@/domain/catalog/catalog-query";
import { searchCatalog } from "@/domain/catalog/search";
import { dayOf, reviewContextOf } from "@/domain/catalog/freshness";
import { toPublicTool } from "@/domain/catalog/tool-dto";
import { getCatalogSnapshot } from "@/server/catalog/catalog-snapshot";
import { CACHE_PUBLIC_CATALOG, jsonError, jsonOk } from "@/server/http/api-response";

export const dynamic = "force-dynamic";

const DEFAULT_LIMIT = 100;
const MAX_LIMIT = 500;

function paging(value: string | null, name: string, fallback: number, max: number): number | string {
  if (value === null || value === "") return fallback;
  if (!/^\d+$/.test(value)) return `${name} must be a whole number`;
  const n = Number(value);
  return n > max ? `${name} must be at most ${max}` : n;
}

/** GET /api/v1/tools — the catalog with the same filters as /catalog (q, phase, cap, license, …), paginated. */
export const GET = apiHandler(async (request: Request) => {
  const url = new URL(request.url);
  const params: RawParams = {};
  for (const key of new Set(url.searchParams.keys())) params[key] = url.searchParams.getAll(key);
  const parsed = parseCatalogQueryStrict(params);
  const limit = paging(url.searchParams.get("limit"), "limit", DEFAULT_LIMIT, MAX_LIMIT);
  const offset = paging(url.searchParams.get("offset"), "offset", 0, 1_000_000);
  const issues = [
    ...(parsed.ok ? [] : parsed.errors.map((e) => ({ path: e.param, message: e.message }))),
    ...(typeof limit === "string" ? [{ path: "limit", message: limit }] : []),
    ...(typeof offset === "string" ? [{ path: "offset", message: offset }] : []),
  ];
  if (!parsed.ok || typeof limit === "string" || typeof offset === "string" || limit === 0) {
    if (limit === 0) issues.push({ path: "limit", message: "limit must be at least 1" });
    return jsonError(400, "invalid_query", "The query parameters are not valid.", issues);
  }
  const snapshot = await getCatalogSnapshot();
  const result = searchCatalog(snapshot.index, parsed.query);
  const page = result.tools.slice(offset, offset + limit);
  const today = dayOf(new Date());
  const context = reviewContextOf(snapshot.catalog.capabilities);
  const next = offset + limit < result.total ? new URL(url) : null;
  next?.searchParams.set("offset", String(offset + limit));
  next?.searchParams.set("limit", String(limit));
  return withReadCors(
    jsonOk(
      {
        data: page.map((tool) => toPublicTool(tool, today, context)),
        meta: { total: result.total, limit, offset, catalogRevision: snapshot.revision },
        links: { self: url.pathname + url.search, next: next ? next.pathname + next.search : null },
      },
      { cache: CACHE_PUBLIC_CATALOG },
    ),
  );
});

export const OPTIONS = () => readPreflight();
