import { buildOpenApiDocument } from "@/server/api/openapi-document";
import { apiHandler } from "@/server/http/api-handler";
import { jsonOk } from "@/server/http/api-response";
import { readPreflight, withReadCors } from "@/server/http/cors";

export const dynamic = "force-dynamic";

let document: ReturnType<typeof buildOpenApiDocument> | null = null;

/** GET /api/v1/openapi.json — the OpenAPI 3.1 document, generated from the zod schemas. */
export const GET = apiHandler((_request: Request) => {
  document ??= buildOpenApiDocument();
  return Promise.resolve(withReadCors(jsonOk(document, { cache: "public, max-age=300" })));
});

export const OPTIONS = () => readPreflight();
