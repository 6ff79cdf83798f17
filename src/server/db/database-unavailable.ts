import "server-only";

/**
 * Recognises errors that mean the database cannot be reached or cannot serve right now (it is down, restarting,
 * refusing connections, out of connections, or busy), as opposed to a bug or a bad query. Route handlers answer
 * those with 503 and Retry-After (server/http/api-handler.ts) instead of 500. What a PostgreSQL restart produces
 * (see scripts/lib/reliability/faults.ts) arrives in three shapes:
 * - Prisma errors with a connection code: P1001 when the connection is refused, P1017 when the server closed it;
 * - Prisma errors wrapping the driver adapter's PostgreSQL error, by SQLSTATE: 57P01 "terminating connection due to
 *   administrator command" for queries running at the stop, 57P03 "the database system is shutting down" or "…is
 *   starting up" for connections made meanwhile;
 * - node-postgres errors passed through as they are, with only a message: "Connection terminated unexpectedly" (a
 *   pooled connection the server closed), "Connection terminated due to connection timeout" (no answer in time).
 * Errors are matched by shape, not by class, so that both generated clients (SQLite and PostgreSQL) are covered.
 */

/** Prisma error codes for "the database could not be reached or did not answer in time". */
const UNAVAILABLE_PRISMA_CODES = new Set([
  "P1001", // can't reach the database server (connection refused, host not found)
  "P1002", // the server was reached but timed out
  "P1008", // operation timed out (a socket timeout; on SQLite, SQLITE_BUSY after the busy timeout)
  "P1017", // the server closed the connection
  "P2024", // timed out fetching a connection from the pool
  "P2037", // too many database connections opened
]);

/** Driver adapter error kinds with the same meaning (Prisma maps most of them to the codes above). */
const UNAVAILABLE_ADAPTER_KINDS = new Set([
  "DatabaseNotReachable",
  "SocketTimeout",
  "ConnectionClosed",
  "TooManyConnections",
]);

/** PostgreSQL SQLSTATEs: connection exceptions (class 08), the server shutting down, crashed or starting up (57P0x). */
const UNAVAILABLE_SQLSTATE = /^(08[0-9A-Z]{3}|57P01|57P02|57P03|53300)$/;

/** Node socket errors, when a driver passes them through. */
const SOCKET_ERROR_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "ENOTFOUND",
  "EPIPE",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EAI_AGAIN",
]);

/** node-postgres and pg-pool errors that carry only a message. */
const UNAVAILABLE_DRIVER_MESSAGES = [
  /^Connection terminated( unexpectedly| due to connection timeout)?$/,
  /^timeout exceeded when trying to connect$/,
  /^Client has encountered a connection error and is not queryable$/,
];

/** Prisma's P2028 also covers a transaction that ran too long; only "could not start one in time" is a wait. */
const TRANSACTION_START_TIMEOUT = /Unable to start a transaction in the given time/;

type ErrorLike = {
  name?: unknown;
  code?: unknown;
  errorCode?: unknown;
  syscall?: unknown;
  message?: unknown;
  meta?: { driverAdapterError?: { cause?: { kind?: unknown; code?: unknown; originalCode?: unknown } } };
  cause?: unknown;
};

function isAdapterCauseUnavailable(cause: { kind?: unknown; code?: unknown; originalCode?: unknown }): boolean {
  if (typeof cause.kind !== "string") return false;
  if (UNAVAILABLE_ADAPTER_KINDS.has(cause.kind)) return true;
  if (cause.kind === "postgres") return typeof cause.code === "string" && UNAVAILABLE_SQLSTATE.test(cause.code);
  return false;
}

function isUnavailableError(error: ErrorLike): boolean {
  const { name, code, errorCode, message } = error;
  const isPrisma = typeof name === "string" && name.startsWith("PrismaClient");
  if (isPrisma) {
    if (typeof code === "string" && UNAVAILABLE_PRISMA_CODES.has(code)) return true;
    if (typeof errorCode === "string" && UNAVAILABLE_PRISMA_CODES.has(errorCode)) return true;
    if (code === "P2028" && typeof message === "string" && TRANSACTION_START_TIMEOUT.test(message)) return true;
    const adapterCause = error.meta?.driverAdapterError?.cause;
    if (adapterCause && isAdapterCauseUnavailable(adapterCause)) return true;
  }
  if (typeof code === "string" && typeof error.syscall === "string" && SOCKET_ERROR_CODES.has(code)) return true;
  return typeof message === "string" && UNAVAILABLE_DRIVER_MESSAGES.some((pattern) => pattern.test(message));
}

/** True when `error`, or an error it was caused by, means the database is unreachable or cannot serve right now. */
export function isDatabaseUnavailableError(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && typeof current === "object" && current !== null; depth++) {
    if (isUnavailableError(current)) return true;
    current = (current as ErrorLike).cause;
  }
  return false;
}
