import { spawn } from "node:child_process";
import { afterAll, expect, test } from "vitest";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

/**
 * Killing the process in the middle of a seed must leave either the old state or the new one, never half: the seed
 * runs in one transaction. We kill `npm run db:seed` at several moments and check the database each time.
 */
const databases: TestDatabase[] = [];
afterAll(async () => {
  for (const db of databases) await db.dispose();
});

function seedProcess(databaseUrl: string) {
  return spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/db-seed.ts"], {
    env: { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: "silent" },
    stdio: "ignore",
  });
}

function runToEnd(databaseUrl: string): Promise<number | null> {
  return new Promise((resolve) => seedProcess(databaseUrl).on("exit", (code) => resolve(code)));
}

test.each([400, 900, 1400])(
  "killed with SIGKILL %i ms into a seed, the database is consistent and a new seed completes it",
  async (delay) => {
    const db = await createTestDatabase("sqlite");
    databases.push(db);
    const child = seedProcess(db.url);
    await new Promise((r) => setTimeout(r, delay));
    child.kill("SIGKILL");
    await new Promise((r) => child.once("exit", r));

    const tools = await db.prisma.tool.count();
    const links = await db.prisma.toolCapability.count();
    const audit = await db.prisma.auditLog.count();
    // Either nothing was committed or everything was.
    if (tools === 0) {
      expect(links).toBe(0);
      expect(audit).toBe(0);
      expect(await db.prisma.phase.count()).toBe(0);
    } else {
      expect(tools).toBeGreaterThanOrEqual(150);
    }
    const integrity = await db.prisma.$queryRawUnsafe<{ integrity_check: string }[]>("PRAGMA integrity_check");
    expect(integrity[0]?.integrity_check).toBe("ok");

    expect(await runToEnd(db.url)).toBe(0);
    expect(await db.prisma.tool.count()).toBeGreaterThanOrEqual(150);
    expect(await db.prisma.toolIntegration.count()).toBeGreaterThanOrEqual(300);
  },
  // Two seed processes (tsx, the whole content/ in one transaction) on a busy two-core machine.
  90_000,
);
