import "server-only";

/**
 * Public reads may be fetched from any origin (portals, scripts in browsers); nothing that writes is. Credentials are
 * never allowed cross-origin, so a cross-site read cannot see anything private.
 */
export const READ_CORS_HEADERS = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Allow-Methods": "GET, OPTIONS",
  "Access-Control-Allow-Headers": "Accept, Content-Type",
  "Access-Control-Max-Age": "600",
} as const;

export function withReadCors(response: Response): Response {
  for (const [name, value] of Object.entries(READ_CORS_HEADERS)) response.headers.set(name, value);
  return response;
}

/** The preflight answer for a public read endpoint. */
export function readPreflight(): Response {
  return new Response(null, { status: 204, headers: READ_CORS_HEADERS });
}
