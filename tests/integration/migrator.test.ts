import { spawn } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { checksumOf, migrate, MigrationError, readMigrationFiles, migrationsDir } from "../../src/server/db/migrator";
import { openSqlDriver } from "../../src/server/db/sql-driver";
import { createBlankDatabase, testBackends, type TestBackend } from "../support/test-database";

const disposers: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const dispose of disposers) await dispose();
});

async function blank(backend: TestBackend) {
  const db = await createBlankDatabase(backend);
  disposers.push(db.dispose);
  return db.url;
}

/** A copy of the project's migrations in a temporary root, so a test can add or alter migration files. */
function copyOfMigrations(): string {
  const root = mkdtempSync(path.join(tmpdir(), "advisor-migrations-"));
  cpSync(path.resolve("prisma/migrations"), path.join(root, "prisma/migrations"), { recursive: true });
  return root;
}

/** `npm run db:migrate` as a separate process, the way several app instances start. */
function runMigrateProcess(databaseUrl: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/db-migrate.ts"], {
      env: { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: "warn" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("close", (code) => resolve({ code, output }));
  });
}

async function rows(url: string) {
  const driver = await openSqlDriver(url);
  try {
    return await driver.query<{
      migration_name: string;
      checksum: string;
      finished_at: unknown;
      applied_steps_count: unknown;
    }>(
      `SELECT "migration_name", "checksum", "finished_at", "applied_steps_count" FROM "_prisma_migrations" ORDER BY "migration_name"`,
    );
  } finally {
    await driver.close();
  }
}

describe.each(testBackends())("migrator on %s", (backend) => {
  test("applies every migration once, recorded in _prisma_migrations with Prisma's SHA-256 checksums", async () => {
    const url = await blank(backend);
    const files = readMigrationFiles(migrationsDir(backend));
    const first = await migrate(url);
    expect(first.applied).toEqual(files.map((f) => f.name));
    expect(first.level).toBe(files.at(-1)?.name);

    const recorded = await rows(url);
    expect(recorded.map((r) => r.migration_name)).toEqual(files.map((f) => f.name));
    for (const [i, row] of recorded.entries()) {
      expect(row.checksum).toBe(
        checksumOf(readFileSync(path.join(migrationsDir(backend), files[i]!.name, "migration.sql"), "utf8")),
      );
      expect(row.finished_at).not.toBeNull();
      expect(Number(row.applied_steps_count)).toBe(1);
    }

    const second = await migrate(url);
    expect(second.applied).toEqual([]);
    expect(await rows(url)).toHaveLength(files.length);
  });

  test("refuses to continue when an applied migration's file has changed", async () => {
    const url = await blank(backend);
    const root = copyOfMigrations();
    await migrate(url, root);
    const first = readMigrationFiles(migrationsDir(backend, root))[0]!;
    writeFileSync(
      path.join(migrationsDir(backend, root), first.name, "migration.sql"),
      `${first.sql}\n-- edited later\n`,
    );
    await expect(migrate(url, root)).rejects.toThrow(MigrationError);
    await expect(migrate(url, root)).rejects.toThrow(/modified after it was applied/);
  });

  test("a failing migration is rolled back whole and not recorded", async () => {
    const url = await blank(backend);
    const root = copyOfMigrations();
    await migrate(url, root);
    const broken = path.join(migrationsDir(backend, root), "99990101000000_broken");
    mkdirSync(broken);
    writeFileSync(
      path.join(broken, "migration.sql"),
      `CREATE TABLE "HalfDone" ("id" INTEGER PRIMARY KEY);\nINSERT INTO "NoSuchTable" VALUES (1);\n`,
    );
    await expect(migrate(url, root)).rejects.toThrow(/99990101000000_broken failed and was rolled back/);
    const driver = await openSqlDriver(url);
    try {
      const tables =
        backend === "sqlite"
          ? await driver.query(`SELECT name FROM sqlite_master WHERE name = 'HalfDone'`)
          : await driver.query(`SELECT table_name FROM information_schema.tables WHERE table_name = 'HalfDone'`);
      expect(tables).toEqual([]);
    } finally {
      await driver.close();
    }
    expect((await rows(url)).map((r) => r.migration_name)).not.toContain("99990101000000_broken");
  });

  test("three processes migrating at once apply each migration exactly once", async () => {
    const url = await blank(backend);
    const runs = await Promise.all([1, 2, 3].map(() => runMigrateProcess(url)));
    expect(runs.map((r) => r.code)).toEqual([0, 0, 0]);
    const recorded = await rows(url);
    expect(recorded.map((r) => r.migration_name)).toEqual(
      readMigrationFiles(migrationsDir(backend)).map((f) => f.name),
    );
  });

  test("the audit log refuses updates and deletes at the database level", async () => {
    const url = await blank(backend);
    await migrate(url);
    const driver = await openSqlDriver(url);
    try {
      await driver.query(
        `INSERT INTO "AuditLog" ("actorLabel", "action", "entityType", "entityId", "summary") VALUES ('test', 'create', 'tool', 'x', 'created')`,
      );
      await expect(driver.query(`UPDATE "AuditLog" SET "summary" = 'rewritten'`)).rejects.toThrow(/append-only/);
      await expect(driver.query(`DELETE FROM "AuditLog"`)).rejects.toThrow(/append-only/);
      expect(await driver.query(`SELECT "summary" FROM "AuditLog"`)).toEqual([{ summary: "created" }]);
    } finally {
      await driver.close();
    }
  });
});
