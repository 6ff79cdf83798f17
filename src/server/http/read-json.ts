import "server-only";
import { jsonError } from "./api-response";

/** Largest request body a write endpoint accepts. A full answer set is a few kilobytes. */
export const MAX_JSON_BODY_BYTES = 64 * 1024;

export type JsonBody = { ok: true; value: unknown } | { ok: false; response: Response };

/**
 * Cross-site requests must not write: a browser always sends Origin on cross-origin POSTs, so a present Origin must
 * match the request's own host. Scripts (no Origin header) are allowed; they are not a CSRF vector.
 */
export function isCrossSite(request: Pick<Request, "headers">): boolean {
  const fetchSite = request.headers.get("sec-fetch-site");
  if (fetchSite && fetchSite !== "same-origin" && fetchSite !== "none") return true;
  const origin = request.headers.get("origin");
  if (!origin) return false;
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  try {
    return new URL(origin).host !== host;
  } catch {
    return true;
  }
}

/** The origin (scheme://host[:port]) a request was sent to, from its Host header and forwarded protocol. */
export function requestOrigin(request: Pick<Request, "headers" | "url">): string | null {
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  if (!host) return null;
  const proto = request.headers.get("x-forwarded-proto") ?? new URL(request.url).protocol.replace(":", "");
  return `${proto === "https" ? "https" : "http"}://${host}`;
}

/** Reads a JSON request body with a size limit; errors are ready-made 4xx responses with no internals. */
export async function readJsonBody(request: Request): Promise<JsonBody> {
  if (isCrossSite(request)) {
    return { ok: false, response: jsonError(403, "cross_site", "Cross-site requests cannot write to this API.") };
  }
  const type = request.headers.get("content-type") ?? "";
  if (!/^application\/json(\s*;|$)/i.test(type)) {
    return { ok: false, response: jsonError(415, "unsupported_media_type", "Send the body as application/json.") };
  }
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > MAX_JSON_BODY_BYTES) return { ok: false, response: tooLarge() };
  const reader = request.body?.getReader();
  if (!reader) return { ok: false, response: jsonError(400, "invalid_json", "The request body is empty.") };
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_JSON_BODY_BYTES) {
      await reader.cancel();
      return { ok: false, response: tooLarge() };
    }
    chunks.push(value);
  }
  const text = Buffer.concat(chunks).toString("utf8");
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, response: jsonError(400, "invalid_json", "The request body is not valid JSON.") };
  }
}

function tooLarge() {
  return jsonError(413, "payload_too_large", `The request body must be at most ${MAX_JSON_BODY_BYTES / 1024} KB.`);
}
