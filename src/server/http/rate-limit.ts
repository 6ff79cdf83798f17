import "server-only";
import { env } from "@/env";
import { logger } from "../log/logger";
import { countHit, pruneWindowsBefore } from "../repositories/rate-limit-repository";
import { jsonError } from "./api-response";

import { CLIENT_IP_HEADER, clientAddress } from "./client-ip";

/**
 * Per-client rate limits on writes and exports, counted in the database so they hold across instances. The client
 * address is the one trusted function's (client-ip.ts): set by our own server from the socket, or from the last
 * X-Forwarded-For entry when TRUST_PROXY is on; a client cannot set it itself.
 */
export type LimitPurpose = "write" | "export" | "pdf";

export { CLIENT_IP_HEADER, clientAddress };

const WINDOW_SECONDS = 60;

function limitFor(purpose: LimitPurpose): number {
  return {
    write: env.RATE_LIMIT_WRITES_PER_MINUTE,
    export: env.RATE_LIMIT_EXPORTS_PER_MINUTE,
    pdf: env.RATE_LIMIT_PDF_PER_MINUTE,
  }[purpose];
}

/**
 * Counts one request of `client` for this purpose; returns the seconds until it may try again when it is over the
 * limit, or null to go on.
 */
export async function checkRateLimit(
  client: string,
  purpose: LimitPurpose,
  nowMs = Date.now(),
): Promise<number | null> {
  const limit = limitFor(purpose);
  if (limit <= 0) return null;
  const window = Math.floor(nowMs / 1000 / WINDOW_SECONDS);
  try {
    const count = await countHit(`${purpose}:${client}`, window);
    if (Math.random() < 0.01) void pruneWindowsBefore(window - 10).catch(() => undefined);
    if (count <= limit) return null;
    return Math.max(1, (window + 1) * WINDOW_SECONDS - Math.floor(nowMs / 1000));
  } catch (error) {
    // The limiter must not take the service down with it; the request itself will meet the same database.
    logger.warn({ err: error, purpose }, "rate limiter unavailable; request allowed");
    return null;
  }
}

/** Returns a 429 response when the client is over its limit for this purpose, or null to go on. */
export async function enforceRateLimit(
  request: Request,
  purpose: LimitPurpose,
  nowMs = Date.now(),
): Promise<Response | null> {
  const retryAfter = await checkRateLimit(clientAddress(request), purpose, nowMs);
  if (retryAfter === null) return null;
  const response = jsonError(429, "rate_limited", `Too many requests; try again in ${retryAfter} seconds.`);
  response.headers.set("Retry-After", String(retryAfter));
  return response;
}
