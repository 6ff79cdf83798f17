import "server-only";
import { randomUUID } from "node:crypto";
import { isDatabaseUnavailableError } from "../db/database-unavailable";
import { logger } from "../log/logger";
import { jsonError } from "./api-response";

/**
 * Seconds a client is asked to wait when the database is unavailable: about what a PostgreSQL restart takes before
 * writes succeed again (docs/reliability.md), so a well-behaved client's first retry usually lands.
 */
export const DATABASE_UNAVAILABLE_RETRY_AFTER_SECONDS = 5;

/**
 * Wraps a route handler: an unexpected error becomes a 500 with a generic message and the request id (the same id is
 * in the log line with the details). An error that means the database cannot be reached or cannot serve right now
 * (server/db/database-unavailable.ts) becomes a 503 with Retry-After instead: the request may well succeed later.
 * Users never see a stack trace.
 */
export function apiHandler<A extends unknown[]>(handler: (request: Request, ...rest: A) => Promise<Response>) {
  return async (request: Request, ...rest: A): Promise<Response> => {
    try {
      return await handler(request, ...rest);
    } catch (error) {
      const requestId = request.headers.get("x-request-id") ?? randomUUID();
      const context = { err: error, requestId, method: request.method, path: new URL(request.url).pathname };
      let response: Response;
      if (isDatabaseUnavailableError(error)) {
        logger.warn(context, "request failed: database unavailable");
        response = jsonError(
          503,
          "database_unavailable",
          `The service cannot reach its database right now; try again in a few seconds. Reference: ${requestId}`,
        );
        response.headers.set("Retry-After", String(DATABASE_UNAVAILABLE_RETRY_AFTER_SECONDS));
      } else {
        logger.error(context, "request failed");
        response = jsonError(500, "internal_error", `Something went wrong on our side. Reference: ${requestId}`);
      }
      response.headers.set("x-request-id", requestId);
      return response;
    }
  };
}
