import { describe, expect, test } from "vitest";
import { Prisma } from "@/generated/prisma/sqlite/client";
import { isDatabaseUnavailableError } from "./database-unavailable";

const known = (code: string, message = "x", meta?: Record<string, unknown>) =>
  new Prisma.PrismaClientKnownRequestError(message, { code, clientVersion: "7", meta });
const postgres = (sqlState: string, message: string) =>
  known("P2039", `Database error. Code: \`${sqlState}\`.`, {
    driverAdapterError: { name: "DriverAdapterError", cause: { kind: "postgres", code: sqlState, message } },
  });
const socketError = (code: string) =>
  Object.assign(new Error(`connect ${code} 127.0.0.1:5432`), { code, syscall: "connect", errno: -111 });

describe("database-unavailable errors", () => {
  test.each<[string, unknown]>([
    ["connection refused (P1001)", known("P1001", "Can't reach database server at 127.0.0.1:5432")],
    ["connection closed by the server (P1017)", known("P1017")],
    ["socket timeout, or SQLite busy (P1008)", known("P1008", "Operation has timed out")],
    ["pool timeout (P2024)", known("P2024")],
    ["too many connections (P2037)", known("P2037")],
    [
      "a transaction that could not start in time (P2028)",
      known("P2028", "Transaction API error: Unable to start a transaction in the given time."),
    ],
    [
      "PostgreSQL stopping under a running query (57P01)",
      postgres("57P01", "terminating connection due to administrator command"),
    ],
    ["PostgreSQL shutting down or starting up (57P03)", postgres("57P03", "the database system is starting up")],
    ["a PostgreSQL connection exception (08006)", postgres("08006", "connection failure")],
    ["pg: a pooled connection the server closed", new Error("Connection terminated unexpectedly")],
    ["pg: no answer within the connection timeout", new Error("Connection terminated due to connection timeout")],
    ["pg-pool: no connection within the timeout", new Error("timeout exceeded when trying to connect")],
    ["a raw socket error", socketError("ECONNREFUSED")],
    [
      "an initialization error that could not reach the server",
      new Prisma.PrismaClientInitializationError("Can't reach", "7", "P1001"),
    ],
    ["one of these, as the cause of another error", new Error("loading the catalog failed", { cause: known("P1001") })],
  ])("%s is one", (_, error) => {
    expect(isDatabaseUnavailableError(error)).toBe(true);
  });

  test.each<[string, unknown]>([
    ["a unique-constraint violation (P2002)", known("P2002", "Unique constraint failed")],
    ["a record not found (P2025)", known("P2025")],
    [
      "a transaction that ran too long (P2028)",
      known("P2028", "Transaction already closed: A commit cannot be executed on an expired transaction."),
    ],
    ["a PostgreSQL syntax error (42601)", postgres("42601", "syntax error at or near")],
    [
      "a PostgreSQL error from a query cancelled by a statement timeout (57014)",
      postgres("57014", "canceling statement due to statement timeout"),
    ],
    ["a bug", new TypeError("Cannot read properties of undefined (reading 'slug')")],
    [
      "an error whose message merely mentions a connection",
      new Error("Connection terminated unexpectedly while parsing the file"),
    ],
    [
      "an ECONNREFUSED code without a socket call (not from a socket)",
      Object.assign(new Error("x"), { code: "ECONNREFUSED" }),
    ],
    ["a thrown string", "P1001"],
    ["null", null],
  ])("%s is not one", (_, error) => {
    expect(isDatabaseUnavailableError(error)).toBe(false);
  });
});
