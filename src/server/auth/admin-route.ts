import "server-only";
import type { Role } from "@/domain/auth/roles";
import { isDatabaseUnavailableError } from "../db/database-unavailable";
import { DATABASE_UNAVAILABLE_RETRY_AFTER_SECONDS } from "../http/api-handler";
import { jsonError } from "../http/api-response";
import { isCrossSite } from "../http/read-json";
import { logger } from "../log/logger";
import { authorizeRequest, type SignedInMaintainer } from "./current-maintainer";

/**
 * The one way to write an admin route handler: cross-site writes are refused (a state-changing request must carry
 * this app's Origin), then the data access layer decides (401 anonymous, 403 without the role), then the handler
 * runs. A database that cannot be reached (the session lookup included) becomes a 503 with Retry-After; other
 * unexpected errors become a 500 without internals.
 */
export function adminRoute<P>(
  required: Role,
  handler: (request: Request, context: { maintainer: SignedInMaintainer; params: P }) => Promise<Response>,
): (request: Request, context: { params: Promise<P> }) => Promise<Response> {
  return async (request, context) => {
    try {
      const isWrite = !["GET", "HEAD", "OPTIONS"].includes(request.method);
      if (isWrite && (isCrossSite(request) || !request.headers.get("origin"))) {
        return jsonError(403, "cross_site", "Write requests must come from this app's own pages.");
      }
      const auth = await authorizeRequest(request, required);
      if (!auth.ok) return jsonError(auth.status, auth.code, auth.message);
      return await handler(request, { maintainer: auth.maintainer, params: await context.params });
    } catch (error) {
      if (isDatabaseUnavailableError(error)) {
        logger.warn({ err: error }, "admin route failed: database unavailable");
        const response = jsonError(503, "database_unavailable", "The database cannot be reached right now; try again.");
        response.headers.set("Retry-After", String(DATABASE_UNAVAILABLE_RETRY_AFTER_SECONDS));
        return response;
      }
      logger.error({ err: error }, "admin route failed");
      return jsonError(500, "internal", "Something went wrong; nothing was changed.");
    }
  };
}
