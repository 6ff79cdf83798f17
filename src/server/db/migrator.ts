import { createHash, randomUUID } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { openSqlDriver, type SqlDriver } from "./sql-driver";

/**
 * Applies the committed SQL migrations in prisma/migrations/<provider>/ without the Prisma CLI (whose schema engine
 * cannot be downloaded here). Bookkeeping uses Prisma's own `_prisma_migrations` table, columns and SHA-256
 * checksums, so a machine that has the Prisma CLI sees an ordinarily migrated database.
 * See docs/decisions/002-offline-migrations.md.
 */

export type MigrationFile = { name: string; sql: string; checksum: string };
export type MigrationResult = { applied: string[]; level: string | null };

export class MigrationError extends Error {
  override name = "MigrationError";
}

/** Prisma's advisory lock key for migrations; using the same one keeps us and the Prisma CLI from racing. */
const PG_MIGRATION_LOCK_KEY = 72707369;

const CREATE_TABLE = {
  sqlite: `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    TEXT PRIMARY KEY NOT NULL,
    "checksum"              TEXT NOT NULL,
    "finished_at"           DATETIME,
    "migration_name"        TEXT NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        DATETIME,
    "started_at"            DATETIME NOT NULL DEFAULT current_timestamp,
    "applied_steps_count"   INTEGER UNSIGNED NOT NULL DEFAULT 0
)`,
  postgresql: `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`,
} as const;

export function migrationsDir(provider: SqlDriver["provider"], root = process.cwd()): string {
  return path.join(root, "prisma", "migrations", provider);
}

/** Prisma's checksum: SHA-256 of the migration script, hex-encoded. */
export function checksumOf(sql: string): string {
  return createHash("sha256").update(sql).digest("hex");
}

export function readMigrationFiles(dir: string): MigrationFile[] {
  if (!existsSync(dir)) throw new MigrationError(`no migrations directory at ${dir}`);
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(path.join(dir, entry.name, "migration.sql")))
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: checksumOf(sql) };
    });
}

type AppliedRow = {
  migration_name: string;
  checksum: string;
  finished_at: unknown;
  rolled_back_at: unknown;
};

async function readApplied(driver: SqlDriver): Promise<AppliedRow[]> {
  return driver.query<AppliedRow>(
    `SELECT "migration_name", "checksum", "finished_at", "rolled_back_at" FROM "_prisma_migrations" ORDER BY "started_at", "migration_name"`,
  );
}

/** Refuses to go on when history and files disagree: an edited, missing or half-applied migration needs a human. */
function checkHistory(applied: AppliedRow[], files: MigrationFile[]): void {
  const byName = new Map(files.map((f) => [f.name, f]));
  for (const row of applied) {
    if (row.rolled_back_at !== null) continue;
    if (row.finished_at === null) {
      throw new MigrationError(
        `migration ${row.migration_name} started but never finished; inspect the database, then mark it rolled back`,
      );
    }
    const file = byName.get(row.migration_name);
    if (!file) {
      throw new MigrationError(
        `migration ${row.migration_name} is applied but its folder is missing from ${"prisma/migrations"}`,
      );
    }
    if (file.checksum !== row.checksum) {
      throw new MigrationError(
        `migration ${row.migration_name} was modified after it was applied (checksum differs); ` +
          "restore the original file and add a new migration instead",
      );
    }
  }
}

async function applyOne(driver: SqlDriver, file: MigrationFile): Promise<boolean> {
  const id = randomUUID();
  if (driver.provider === "sqlite") {
    // Table redefinitions must not cascade deletes: foreign keys are switched off outside the transaction and
    // checked before commit, as SQLite's documentation prescribes for schema changes.
    await driver.exec("PRAGMA foreign_keys = OFF");
    await driver.exec("BEGIN IMMEDIATE");
  } else {
    await driver.exec("BEGIN");
  }
  try {
    const already = await driver.query(
      `SELECT 1 AS "x" FROM "_prisma_migrations" WHERE "migration_name" = ? AND "finished_at" IS NOT NULL AND "rolled_back_at" IS NULL`,
      [file.name],
    );
    if (already.length > 0) {
      await driver.exec("ROLLBACK");
      return false; // another process applied it while we waited for the lock
    }
    const now = new Date().toISOString();
    await driver.query(
      `INSERT INTO "_prisma_migrations" ("id", "checksum", "migration_name", "started_at", "applied_steps_count") VALUES (?, ?, ?, ?, 0)`,
      [id, file.checksum, file.name, now],
    );
    await driver.exec(file.sql);
    if (driver.provider === "sqlite") {
      const violations = await driver.query("PRAGMA foreign_key_check");
      if (violations.length > 0) throw new MigrationError(`foreign key violations after ${file.name}`);
    }
    await driver.query(`UPDATE "_prisma_migrations" SET "finished_at" = ?, "applied_steps_count" = 1 WHERE "id" = ?`, [
      new Date().toISOString(),
      id,
    ]);
    await driver.exec("COMMIT");
    return true;
  } catch (error) {
    await driver.exec("ROLLBACK").catch(() => undefined);
    const reason = error instanceof Error ? error.message : String(error);
    throw new MigrationError(`migration ${file.name} failed and was rolled back: ${reason}`);
  } finally {
    if (driver.provider === "sqlite") await driver.exec("PRAGMA foreign_keys = ON");
  }
}

/**
 * Applies pending migrations in order, each in its own transaction. Safe to run concurrently from several
 * processes (advisory lock on PostgreSQL, write lock plus re-check on SQLite). Throws MigrationError with a
 * readable message when the history cannot be trusted.
 */
export async function migrate(databaseUrl: string, root = process.cwd()): Promise<MigrationResult> {
  const driver = await openSqlDriver(databaseUrl);
  try {
    if (driver.provider === "postgresql") await driver.query("SELECT pg_advisory_lock(?)", [PG_MIGRATION_LOCK_KEY]);
    await driver.exec(CREATE_TABLE[driver.provider]);
    const files = readMigrationFiles(migrationsDir(driver.provider, root));
    checkHistory(await readApplied(driver), files);
    const done = new Set(
      (await readApplied(driver))
        .filter((r) => r.finished_at !== null && r.rolled_back_at === null)
        .map((r) => r.migration_name),
    );
    const applied: string[] = [];
    for (const file of files) {
      if (done.has(file.name)) continue;
      if (await applyOne(driver, file)) applied.push(file.name);
    }
    return { applied, level: files.at(-1)?.name ?? null };
  } finally {
    if (driver.provider === "postgresql")
      await driver.query("SELECT pg_advisory_unlock(?)", [PG_MIGRATION_LOCK_KEY]).catch(() => undefined);
    await driver.close();
  }
}
