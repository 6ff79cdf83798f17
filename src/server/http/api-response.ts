import "server-only";

/** JSON responses for the public API: one error shape everywhere, explicit caching. */

export type ApiIssue = { path: string; message: string };

export const CACHE_PUBLIC_CATALOG = "public, max-age=60, stale-while-revalidate=300";
export const CACHE_PRIVATE = "private, no-store";

export function jsonOk(
  body: unknown,
  init: { status?: number; cache?: string; headers?: Record<string, string> } = {},
) {
  return Response.json(body, {
    status: init.status ?? 200,
    headers: { "Cache-Control": init.cache ?? CACHE_PRIVATE, ...init.headers },
  });
}

export function jsonError(status: number, code: string, message: string, issues: ApiIssue[] = []) {
  return Response.json(
    { error: { code, message, ...(issues.length > 0 ? { issues } : {}) } },
    { status, headers: { "Cache-Control": "no-store" } },
  );
}
