import { afterEach, describe, expect, test } from "vitest";
import { createTestDatabase, testBackends, type TestDatabase } from "../support/test-database";

let db: TestDatabase | undefined;
afterEach(async () => {
  await db?.dispose();
  db = undefined;
});

describe("the SQLite connection", () => {
  test("uses WAL, enforces foreign keys and waits at least 5 s for a busy database", async () => {
    db = await createTestDatabase("sqlite");
    const [journal] = await db.prisma.$queryRawUnsafe<{ journal_mode: string }[]>("PRAGMA journal_mode");
    const [fk] = await db.prisma.$queryRawUnsafe<{ foreign_keys: bigint | number }[]>("PRAGMA foreign_keys");
    const [busy] = await db.prisma.$queryRawUnsafe<{ timeout: bigint | number }[]>("PRAGMA busy_timeout");
    expect(journal?.journal_mode).toBe("wal");
    expect(Number(fk?.foreign_keys)).toBe(1);
    expect(Number(busy?.timeout)).toBeGreaterThanOrEqual(5000);
  });
});

describe.each(testBackends())("the Prisma client on %s", (backend) => {
  test("rejects a capability link to a tool that does not exist (foreign keys are enforced)", async () => {
    db = await createTestDatabase(backend);
    await expect(
      db.prisma.toolCapability.create({ data: { toolId: "nope", capabilityId: "nope", role: "primary" } }),
    ).rejects.toThrow();
    expect(await db.prisma.toolCapability.count()).toBe(0);
  });
});
