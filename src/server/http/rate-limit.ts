import "server-only";
import { env } from "@/env";
import { logger } from "../log/logger";
import { countHit, pruneWindowsBefore } from "../repositories/rate-limit-repository";
import { jsonError } from "./api-response";

/**
 * Per-client rate limits on writes and exports, counted in the database so they hold across instances. The
 * client address comes from the `x-advisor-client-ip` header that our own server (src/server/http/production-server.ts) sets from the
 * socket, or from X-Forwarded-For when TRUST_PROXY is on; a client cannot set it itself.
 */
export type LimitPurpose = "write" | "export" | "pdf";

import { CLIENT_IP_HEADER } from "./client-ip";

export { CLIENT_IP_HEADER };

const WINDOW_SECONDS = 60;

function limitFor(purpose: LimitPurpose): number {
  return {
    write: env.RATE_LIMIT_WRITES_PER_MINUTE,
    export: env.RATE_LIMIT_EXPORTS_PER_MINUTE,
    pdf: env.RATE_LIMIT_PDF_PER_MINUTE,
  }[purpose];
}

export function clientAddress(request: Request): string {
  return request.headers.get(CLIENT_IP_HEADER)?.slice(0, 64) || "unknown";
}

/** Returns a 429 response when the client is over its limit for this purpose, or null to go on. */
export async function enforceRateLimit(
  request: Request,
  purpose: LimitPurpose,
  nowMs = Date.now(),
): Promise<Response | null> {
  const limit = limitFor(purpose);
  if (limit <= 0) return null;
  const window = Math.floor(nowMs / 1000 / WINDOW_SECONDS);
  try {
    const count = await countHit(`${purpose}:${clientAddress(request)}`, window);
    if (Math.random() < 0.01) void pruneWindowsBefore(window - 10).catch(() => undefined);
    if (count <= limit) return null;
    const retryAfter = Math.max(1, (window + 1) * WINDOW_SECONDS - Math.floor(nowMs / 1000));
    const response = jsonError(429, "rate_limited", `Too many requests; try again in ${retryAfter} seconds.`);
    response.headers.set("Retry-After", String(retryAfter));
    return response;
  } catch (error) {
    // The limiter must not take the service down with it; the request itself will meet the same database.
    logger.warn({ err: error, purpose }, "rate limiter unavailable; request allowed");
    return null;
  }
}
