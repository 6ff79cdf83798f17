import "server-only";
import { randomUUID } from "node:crypto";
import { logger } from "../log/logger";
import { jsonError } from "./api-response";

/**
 * Wraps a route handler: an unexpected error becomes a 500 with a generic message and the request id (the same id is
 * in the log line with the details). Users never see a stack trace.
 */
export function apiHandler<A extends unknown[]>(handler: (request: Request, ...rest: A) => Promise<Response>) {
  return async (request: Request, ...rest: A): Promise<Response> => {
    try {
      return await handler(request, ...rest);
    } catch (error) {
      const requestId = request.headers.get("x-request-id") ?? randomUUID();
      logger.error(
        { err: error, requestId, method: request.method, path: new URL(request.url).pathname },
        "request failed",
      );
      const response = jsonError(500, "internal_error", `Something went wrong on our side. Reference: ${requestId}`);
      response.headers.set("x-request-id", requestId);
      return response;
    }
  };
}
