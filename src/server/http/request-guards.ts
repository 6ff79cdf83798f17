import type { IncomingHttpHeaders } from "node:http";

/**
 * Checks our HTTP server makes before a request reaches Next (production-server.ts): each answers a request that
 * would otherwise end in a framework error (a bare 500) with the 4xx it deserves. Pure functions of the request.
 */

/** Headers a reverse proxy sets about the original request; a client could send them too. */
export const FORWARDING_HEADERS = [
  "x-forwarded-for",
  "x-forwarded-host",
  "x-forwarded-proto",
  "x-forwarded-port",
  "forwarded",
] as const;

/**
 * Without TRUST_PROXY nothing in front of us sets forwarding headers, so any the request carries came from the client:
 * they are dropped (Next then fills them from the socket and the Host header). With TRUST_PROXY they are the proxy's,
 * which must set or clear each of them (docs/deployment.md).
 */
export function dropUntrustedForwarding(headers: IncomingHttpHeaders, trustProxy: boolean): void {
  if (trustProxy) return;
  for (const name of FORWARDING_HEADERS) delete headers[name];
}

/**
 * A path Next cannot decode (a percent sign not followed by two hex digits, or bytes that are not UTF-8, such as
 * `/catalog/%ff`). Next decodes dynamic segments with decodeURIComponent and answers a URIError with a bare 500.
 */
export function hasMalformedPath(url: string): boolean {
  const path = url.split("?", 1)[0] ?? "";
  try {
    decodeURIComponent(path);
    return false;
  } catch {
    return true;
  }
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * A cross-site browser request that would change something on a page route (a form post or a server action). Next
 * refuses such server actions too, but with a 500; we refuse them first with a 403. Browsers send Origin (and
 * Sec-Fetch-Site) on every cross-origin POST; requests without them are scripts, which carry no one's cookies.
 * Route handlers under /api check their own requests (read-json.ts, auth-route.ts) and are left to them.
 */
export function isRefusedOrigin(method: string | undefined, url: string, headers: IncomingHttpHeaders): boolean {
  if (SAFE_METHODS.has(method ?? "GET") || url === "/api" || url.startsWith("/api/")) return false;
  const site = headers["sec-fetch-site"];
  if (site === "cross-site" || site === "same-site") return true;
  const origin = headers.origin;
  if (!origin) return false;
  const host = headers["x-forwarded-host"] ?? headers.host;
  try {
    return origin === "null" || new URL(origin).host !== host;
  } catch {
    return true;
  }
}
