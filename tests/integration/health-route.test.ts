import { afterEach, describe, expect, test, vi } from "vitest";
import { seedFromContent } from "../../src/server/seed/run-seed";
import { loadRoute } from "../support/load-route";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

/** The route handler itself, with DATABASE_URL set the way the app would be started. */
async function loadHealthRoute(databaseUrl: string) {
  return (await loadRoute(databaseUrl, () => import("../../src/app/api/health/route"))).GET;
}

let db: TestDatabase | undefined;
afterEach(async () => {
  vi.unstubAllEnvs();
  await db?.dispose();
  db = undefined;
});

describe("GET /api/health", () => {
  test("answers 200 with the backend and migration level when the database is reachable", async () => {
    db = await createTestDatabase("sqlite");
    await seedFromContent(db.prisma);
    const GET = await loadHealthRoute(db.url);
    const response = await GET(new Request("http://localhost/api/health"));
    expect(response.status).toBe(200);
    const body = (await response.json()) as { status: string; database: { backend: string; migrationLevel: string } };
    expect(body).toMatchObject({ status: "ok", database: { backend: "sqlite", reachable: true } });
    expect(body.database.migrationLevel).toMatch(/^\d{14}_/);
  });

  test("answers 503 without details when the database cannot be reached", async () => {
    const GET = await loadHealthRoute("postgresql://nobody:secret@127.0.0.1:9/none");
    const response = await GET(new Request("http://localhost/api/health"));
    expect(response.status).toBe(503);
    const text = await response.text();
    expect(JSON.parse(text)).toEqual({ status: "unavailable", database: { backend: "postgresql", reachable: false } });
    expect(text).not.toContain("secret");
  });
});
