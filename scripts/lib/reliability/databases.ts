/**
 * Fresh databases for the reliability runner, one per scenario: a SQLite file under data/reliability/, or a
 * PostgreSQL database created next to TEST_DATABASE_URL (its role must be allowed to CREATE DATABASE) and dropped
 * afterwards. Counting goes straight to the database, below the app.
 */
import { randomBytes } from "node:crypto";
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { openSqlDriver } from "../../../src/server/db/sql-driver";

export type Backend = "sqlite" | "postgresql";

export type ScenarioDatabase = {
  backend: Backend;
  url: string;
  /** A printable name (file name or database name). */
  label: string;
  dispose: () => Promise<void>;
};

const created = new Set<ScenarioDatabase>();

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

export async function createScenarioDatabase(
  backend: Backend,
  root: string,
  name: string,
  adminUrl: string | undefined,
): Promise<ScenarioDatabase> {
  const id = `${name}_${randomBytes(4).toString("hex")}`;
  let database: ScenarioDatabase;
  if (backend === "sqlite") {
    const dir = path.join(root, "data/reliability");
    mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `${id}.db`);
    database = {
      backend,
      url: `file:${file}`,
      label: path.relative(root, file),
      dispose: () => {
        for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(`${file}${suffix}`, { force: true });
        return Promise.resolve();
      },
    };
  } else {
    if (!adminUrl) throw new Error("PostgreSQL scenarios need TEST_DATABASE_URL (a role that may CREATE DATABASE)");
    const dbName = `advisor_rel_${id}`;
    const admin = await openSqlDriver(adminUrl);
    try {
      await admin.exec(`CREATE DATABASE "${dbName}"`);
    } finally {
      await admin.close();
    }
    database = {
      backend,
      url: withDatabase(adminUrl, dbName),
      label: dbName,
      dispose: async () => {
        const cleanup = await openSqlDriver(adminUrl);
        try {
          await cleanup.exec(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
        } finally {
          await cleanup.close();
        }
      },
    };
  }
  created.add(database);
  const dispose = database.dispose;
  database.dispose = async () => {
    if (!created.delete(database)) return;
    await dispose();
  };
  return database;
}

/** Drops every database this process created and has not disposed yet. */
export async function disposeAllDatabases(): Promise<void> {
  for (const database of [...created]) {
    try {
      await database.dispose();
    } catch (error) {
      console.error(`could not remove ${database.label}: ${String(error)}`);
    }
  }
}

/** Runs one read-only query on a fresh connection (so a killed server's connections play no part). */
export async function queryDatabase<T extends Record<string, unknown>>(
  url: string,
  sql: string,
  params: unknown[] = [],
): Promise<T[]> {
  const driver = await openSqlDriver(url);
  try {
    return await driver.query<T>(sql, params);
  } finally {
    await driver.close();
  }
}

export async function storedAssessmentIds(url: string): Promise<Set<string>> {
  const rows = await queryDatabase<{ id: string }>(url, `SELECT "id" FROM "Assessment"`);
  return new Set(rows.map((r) => r.id));
}
