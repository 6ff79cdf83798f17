import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import { loadRoute } from "../support/load-route";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase("sqlite");
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await db.dispose();
});

async function limiterWithLimit(writesPerMinute: number) {
  vi.stubEnv("RATE_LIMIT_WRITES_PER_MINUTE", String(writesPerMinute));
  return loadRoute(db.url, () => import("../../src/server/http/rate-limit"));
}

const from = (ip: string) =>
  new Request("http://localhost/api/v1/assessments", { method: "POST", headers: { "x-advisor-client-ip": ip } });

describe("rate limits", () => {
  test("the request over the limit gets 429 with Retry-After, per client address", async () => {
    const { enforceRateLimit } = await limiterWithLimit(2);
    const now = Date.UTC(2026, 10, 23, 10, 0, 15);
    expect(await enforceRateLimit(from("203.0.113.1"), "write", now)).toBeNull();
    expect(await enforceRateLimit(from("203.0.113.1"), "write", now)).toBeNull();
    const limited = await enforceRateLimit(from("203.0.113.1"), "write", now);
    expect(limited?.status).toBe(429);
    expect(limited?.headers.get("retry-after")).toBe("45");
    expect(((await limited!.json()) as { error: { code: string } }).error.code).toBe("rate_limited");
    expect(await enforceRateLimit(from("203.0.113.2"), "write", now)).toBeNull();
    // A new minute starts a new window.
    expect(await enforceRateLimit(from("203.0.113.1"), "write", now + 60_000)).toBeNull();
  });

  test("counters live in the database, so two instances share them", async () => {
    const a = await limiterWithLimit(3);
    const b = await limiterWithLimit(3);
    expect(a.enforceRateLimit).not.toBe(b.enforceRateLimit);
    const now = Date.UTC(2026, 10, 23, 11, 0, 0);
    const ip = from("198.51.100.9");
    expect(await a.enforceRateLimit(ip, "write", now)).toBeNull();
    expect(await b.enforceRateLimit(ip, "write", now)).toBeNull();
    expect(await a.enforceRateLimit(ip, "write", now)).toBeNull();
    expect((await b.enforceRateLimit(ip, "write", now))?.status).toBe(429);
    const rows = await db.prisma.rateLimitBucket.findMany({ where: { key: "write:198.51.100.9" } });
    expect(rows.map((r) => r.count)).toEqual([4]);
  });

  test("a limit of 0 turns the limiter off", async () => {
    const { enforceRateLimit } = await limiterWithLimit(0);
    for (let i = 0; i < 5; i++) expect(await enforceRateLimit(from("192.0.2.5"), "write")).toBeNull();
  });
});
