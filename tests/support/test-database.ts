import { randomBytes } from "node:crypto";
import { copyFileSync, rmSync } from "node:fs";
import path from "node:path";
import { inject } from "vitest";
import { createPrismaClient, type DbClient } from "../../src/server/db/prisma";
import { openPostgresDriver } from "../../src/server/db/sql-driver";
import { TEST_DIR, withDatabase } from "./global-setup";

export type TestBackend = "sqlite" | "postgresql";
export type TestDatabase = { backend: TestBackend; url: string; prisma: DbClient; dispose: () => Promise<void> };

/** The backends this run can test: SQLite always, PostgreSQL when TEST_DATABASE_URL is set. */
export function testBackends(): TestBackend[] {
  return inject("pgTemplate") ? ["sqlite", "postgresql"] : ["sqlite"];
}

/** A fresh, migrated, empty database of its own for one test or file. */
export async function createTestDatabase(backend: TestBackend = "sqlite"): Promise<TestDatabase> {
  const id = randomBytes(6).toString("hex");
  if (backend === "sqlite") {
    const file = path.join(TEST_DIR, `t-${id}.db`);
    copyFileSync(inject("baseSqlitePath"), file);
    const url = `file:${file}`;
    const prisma = createPrismaClient(url);
    return {
      backend,
      url,
      prisma,
      dispose: async () => {
        await prisma.$disconnect();
        for (const suffix of ["", "-wal", "-shm"]) rmSync(`${file}${suffix}`, { force: true });
      },
    };
  }
  const template = inject("pgTemplate");
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!template || !adminUrl) throw new Error("PostgreSQL tests need TEST_DATABASE_URL");
  const name = `advisor_test_${id}`;
  const admin = await openPostgresDriver(adminUrl);
  try {
    await admin.exec(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
  } finally {
    await admin.close();
  }
  const url = withDatabase(adminUrl, name);
  const prisma = createPrismaClient(url);
  return {
    backend,
    url,
    prisma,
    dispose: async () => {
      await prisma.$disconnect();
      const cleanup = await openPostgresDriver(adminUrl);
      try {
        await cleanup.exec(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await cleanup.close();
      }
    },
  };
}

/** An empty database file/database that has not been migrated (for migrator tests). */
export async function createBlankDatabase(
  backend: TestBackend,
): Promise<{ url: string; dispose: () => Promise<void> }> {
  const id = randomBytes(6).toString("hex");
  if (backend === "sqlite") {
    const file = path.join(TEST_DIR, `blank-${id}.db`);
    return {
      url: `file:${file}`,
      dispose: () => Promise.resolve(["", "-wal", "-shm"].forEach((s) => rmSync(`${file}${s}`, { force: true }))),
    };
  }
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) throw new Error("PostgreSQL tests need TEST_DATABASE_URL");
  const name = `advisor_test_blank_${id}`;
  const admin = await openPostgresDriver(adminUrl);
  try {
    await admin.exec(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.close();
  }
  return {
    url: withDatabase(adminUrl, name),
    dispose: async () => {
      const cleanup = await openPostgresDriver(adminUrl);
      try {
        await cleanup.exec(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await cleanup.close();
      }
    },
  };
}
