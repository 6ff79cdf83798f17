import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { migrate } from "../../src/server/db/migrator";
import { openPostgresDriver } from "../../src/server/db/sql-driver";

/**
 * Builds a migrated base database once per run (epic-stack's trick): SQLite tests copy the file, PostgreSQL tests
 * clone the database from it as a template. Both are far faster than migrating per test file.
 */
export const TEST_DIR = path.resolve(import.meta.dirname, "../../data/test");

export default async function setup(project: TestProject) {
  rmSync(TEST_DIR, { recursive: true, force: true });
  mkdirSync(TEST_DIR, { recursive: true });
  const baseSqlite = path.join(TEST_DIR, "base.db");
  await migrate(`file:${baseSqlite}`);
  project.provide("baseSqlitePath", baseSqlite);

  const pgUrl = process.env.TEST_DATABASE_URL;
  if (pgUrl) {
    const admin = await openPostgresDriver(pgUrl);
    const template = `advisor_test_base_${process.pid}`;
    try {
      await admin.exec(`DROP DATABASE IF EXISTS "${template}" WITH (FORCE)`);
      await admin.exec(`CREATE DATABASE "${template}"`);
    } finally {
      await admin.close();
    }
    const templateUrl = withDatabase(pgUrl, template);
    await migrate(templateUrl);
    project.provide("pgTemplate", template);
    return async () => {
      const cleanup = await openPostgresDriver(pgUrl);
      try {
        const rows = await cleanup.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE ?`, [
          `advisor_test_%`,
        ]);
        for (const { datname } of rows) await cleanup.exec(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
      } finally {
        await cleanup.close();
      }
    };
  }
  project.provide("pgTemplate", null);
  return undefined;
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

declare module "vitest" {
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions -- module augmentation needs an interface
  export interface ProvidedContext {
    baseSqlitePath: string;
    pgTemplate: string | null;
  }
}
