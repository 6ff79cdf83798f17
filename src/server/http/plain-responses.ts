import type { ServerResponse } from "node:http";
import { DATABASE_UNAVAILABLE_RETRY_AFTER_SECONDS } from "./api-handler";

/**
 * The few answers our HTTP server gives itself, before a request reaches the app (production-server.ts): small,
 * static, never cached, with the same protective headers as the app's pages and a policy that allows nothing to run.
 */
const PROTECTIVE_HEADERS = {
  "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'",
  "x-content-type-options": "nosniff",
  "x-frame-options": "DENY",
  "referrer-policy": "strict-origin-when-cross-origin",
  "cache-control": "no-store",
} as const;

function send(res: ServerResponse, status: number, type: string, body: string, headers: Record<string, string> = {}) {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  res.writeHead(status, {
    ...PROTECTIVE_HEADERS,
    ...headers,
    "content-type": `${type}; charset=utf-8`,
    "content-length": String(Buffer.byteLength(body)),
  });
  res.end(body);
}

/** A 4xx for a request the app could not have understood, with a one-line reason. */
export function sendClientError(res: ServerResponse, status: 400 | 403, message: string): void {
  send(res, status, "text/plain", `${message}\n`);
}

/** The page shown while the database cannot be reached: 503 with Retry-After, in the site's plain colours. */
export function sendServiceUnavailable(res: ServerResponse, requestId: string): void {
  const body = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Temporarily unavailable · MLOps Stack Advisor</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem;color:#0b1020}
@media (prefers-color-scheme:dark){body{background:#0b1020;color:#e6e9f2}}</style></head>
<body><main><h1>We will be right back</h1>
<p>The advisor cannot reach its database at the moment, so this page cannot be shown. Nothing you saved is lost.
Please try again in a few seconds.</p>
<p><small>Reference: ${requestId.replace(/[^A-Za-z0-9._-]/g, "")}</small></p></main></body></html>
`;
  send(res, 503, "text/html", body, {
    "retry-after": String(DATABASE_UNAVAILABLE_RETRY_AFTER_SECONDS),
    "x-request-id": requestId,
  });
}
