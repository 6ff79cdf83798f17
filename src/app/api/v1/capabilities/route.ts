import { apiHandler } from "@/server/http/api-handler";
import { getCatalogSnapshot } from "@/server/catalog/catalog-snapshot";
import { CACHE_PUBLIC_CATALOG, jsonOk } from "@/server/http/api-response";
import { readPreflight, withReadCors } from "@/server/http/cors";

export const dynamic = "force-dynamic";

/** GET /api/v1/capabilities — lifecycle phases and their capabilities, with the number of usable tools for each. */
export const GET = apiHandler(async (_request: Request) => {
  const { catalog } = await getCatalogSnapshot();
  const usable = catalog.tools.filter((t) => t.status === "active" || t.status === "maintenance");
  return withReadCors(
    jsonOk(
      {
        data: {
          phases: catalog.phases.map(({ id: _id, ...phase }) => phase),
          capabilities: catalog.capabilities.map(({ id: _id, ...capability }) => ({
            ...capability,
            toolCount: usable.filter(
              (t) =>
                t.capabilities.primary.includes(capability.slug) || t.capabilities.secondary.includes(capability.slug),
            ).length,
          })),
        },
      },
      { cache: CACHE_PUBLIC_CATALOG },
    ),
  );
});

export const OPTIONS = () => readPreflight();
