import { createHmac } from "node:crypto";
import net from "node:net";
import { afterAll, afterEach, describe, expect, test, vi } from "vitest";
import { isDatabaseUnavailableError } from "../../src/server/db/database-unavailable";
import { createPrismaClient } from "../../src/server/db/prisma";
import { authRequest, browserHeaders, TEST_ORIGIN } from "../support/admin-auth";
import { loadRoute } from "../support/load-route";

/**
 * Route handlers answer 503 with Retry-After when the database cannot be reached, and 500 for everything else. The
 * errors are the real ones from Prisma's PostgreSQL driver adapter, against a closed port and against a stand-in
 * server that fails the way PostgreSQL does while it restarts (scripts/lib/reliability/faults.ts).
 */

const UNREACHABLE = "postgresql://nobody:secret@127.0.0.1:9/none";

/** PostgreSQL wire messages: authentication OK, ready for query, and a FATAL error with a SQLSTATE. */
const AUTH_OK = Buffer.from([0x52, 0, 0, 0, 8, 0, 0, 0, 0]);
const READY = Buffer.from([0x5a, 0, 0, 0, 5, 0x49]);
function fatal(sqlState: string, message: string): Buffer {
  const fields = Buffer.from(`SFATAL\0VFATAL\0C${sqlState}\0M${message}\0\0`);
  const head = Buffer.from([0x45, 0, 0, 0, 0]);
  head.writeInt32BE(fields.length + 4, 1);
  return Buffer.concat([head, fields]);
}

const servers: net.Server[] = [];
/** A server that accepts the connection and then, on the first query, either drops it or ends it with `fatal`. */
async function failingPostgres(onQuery: "drop" | Buffer): Promise<string> {
  const server = net.createServer((socket) => {
    let isStarted = false;
    socket.on("error", () => undefined);
    socket.on("data", () => {
      if (socket.writableEnded || socket.destroyed) return;
      if (!isStarted) {
        isStarted = true;
        socket.write(Buffer.concat([AUTH_OK, READY]));
      } else if (onQuery === "drop") {
        socket.destroy();
      } else {
        socket.end(onQuery);
      }
    });
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `postgresql://u:p@127.0.0.1:${(server.address() as net.AddressInfo).port}/db`;
}

afterEach(() => vi.unstubAllEnvs());
afterAll(async () => {
  await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
});

async function errorFrom(url: string): Promise<unknown> {
  const prisma = createPrismaClient(url);
  try {
    await prisma.tool.count();
    return null;
  } catch (error) {
    return error;
  } finally {
    await prisma.$disconnect().catch(() => undefined);
  }
}

describe("what a PostgreSQL outage throws is recognised as the database being unavailable", () => {
  test("a refused connection", async () => {
    const error = await errorFrom(UNREACHABLE);
    expect(error).toMatchObject({ code: "P1001" });
    expect(isDatabaseUnavailableError(error)).toBe(true);
  });

  test("a connection the server drops during a query", async () => {
    const error = await errorFrom(await failingPostgres("drop"));
    expect(error).toMatchObject({ message: "Connection terminated unexpectedly" });
    expect(isDatabaseUnavailableError(error)).toBe(true);
  });

  test.each([
    ["57P01", "terminating connection due to administrator command"],
    ["57P03", "the database system is shutting down"],
  ])("PostgreSQL ending the query with %s", async (sqlState, message) => {
    const error = await errorFrom(await failingPostgres(fatal(sqlState, message)));
    expect(error).toMatchObject({ code: "P2039" });
    expect(isDatabaseUnavailableError(error)).toBe(true);
  });
});

/** A session cookie signed as better-auth signs it, so that its lookup reaches the database. */
function signedSessionCookie(secret: string): string {
  const token = "outage-session-token";
  const signature = createHmac("sha256", secret).update(token).digest("base64");
  return `advisor.session_token=${encodeURIComponent(`${token}.${signature}`)}`;
}

type ErrorBody = { error: { code: string; message: string } };

describe("route handlers during a database outage", () => {
  test("POST /api/v1/assessments answers 503 with Retry-After, the usual error shape and the request id", async () => {
    const { POST } = await loadRoute(UNREACHABLE, () => import("../../src/app/api/v1/assessments/route"));
    const response = await POST(
      new Request("http://localhost/api/v1/assessments", {
        method: "POST",
        headers: { "Content-Type": "application/json", host: "localhost", "x-request-id": "req-outage-1" },
        body: JSON.stringify({ answers: {} }),
      }),
    );
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBe("5");
    expect(response.headers.get("x-request-id")).toBe("req-outage-1");
    expect(response.headers.get("cache-control")).toBe("no-store");
    const text = await response.text();
    const body = JSON.parse(text) as ErrorBody;
    expect(body).toEqual({ error: { code: "database_unavailable", message: expect.any(String) as string } });
    expect(body.error.message).toContain("Reference: req-outage-1");
    expect(text).not.toContain("secret");
    expect(text).not.toContain("127.0.0.1");
  });

  test("a handler whose repository throws a database-unavailable error answers 503; any other error stays a 500", async () => {
    const { apiHandler } = await loadRoute(UNREACHABLE, () => import("../../src/server/http/api-handler"));
    const failingRepository = (error: Error) => () => Promise.reject(error);
    const route = (error: Error) =>
      apiHandler(async () => {
        await failingRepository(error)();
        return Response.json({ ok: true });
      });
    const request = () => new Request("http://localhost/api/v1/tools");

    const unavailable = await route(new Error("Connection terminated unexpectedly"))(request());
    expect(unavailable.status).toBe(503);
    expect(unavailable.headers.get("retry-after")).toBe("5");
    const unavailableId = unavailable.headers.get("x-request-id");
    expect(unavailableId).toMatch(/^[0-9a-f-]{36}$/);
    expect(((await unavailable.json()) as ErrorBody).error.message).toContain(`Reference: ${unavailableId}`);

    const bug = await route(new TypeError("Cannot read properties of undefined"))(request());
    expect(bug.status).toBe(500);
    expect(bug.headers.get("retry-after")).toBeNull();
    const bugId = bug.headers.get("x-request-id");
    expect(await bug.json()).toEqual({
      error: { code: "internal_error", message: `Something went wrong on our side. Reference: ${bugId}` },
    });
  });

  test("sign-in answers 503 with Retry-After, not a 500 or an empty body", async () => {
    const auth = await loadRoute(UNREACHABLE, () => import("../../src/app/api/auth/[...all]/route"));
    const response = await auth.POST(
      authRequest("/sign-in/email", { body: { email: "someone@example.com", password: "a long enough password" } }),
    );
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBe("5");
    expect(((await response.json()) as ErrorBody).error.code).toBe("database_unavailable");
  });

  test("an admin route with a session cookie answers 503: an outage is not mistaken for signed out", async () => {
    const { GET, cookie } = await loadRoute(UNREACHABLE, async () => ({
      GET: (await import("../../src/app/api/admin/export/route")).GET,
      cookie: signedSessionCookie((await import("../../src/env")).authSecret()),
    }));
    const response = await GET(new Request(`${TEST_ORIGIN}/api/admin/export`, { headers: browserHeaders(cookie) }), {
      params: Promise.resolve({}),
    });
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBe("5");
  });

  test("the session lookup rethrows a database-unavailable error instead of answering 'signed out'", async () => {
    const { dal, cookie } = await loadRoute(UNREACHABLE, async () => ({
      dal: await import("../../src/server/auth/current-maintainer"),
      cookie: signedSessionCookie((await import("../../src/env")).authSecret()),
    }));
    const error = await dal.maintainerFromHeaders(browserHeaders(cookie)).catch((e: unknown) => e);
    expect(isDatabaseUnavailableError(error)).toBe(true);
  });
});
