import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { schemaFor } from "../../scripts/lib/schemas";
import { diffSchemas } from "../../scripts/lib/schema-diff";
import { migrate } from "../../src/server/db/migrator";
import { openSqlDriver } from "../../src/server/db/sql-driver";
import { introspect, type DatabaseShape } from "../support/introspect";
import { createBlankDatabase, testBackends, type TestBackend } from "../support/test-database";

/**
 * The committed migrations must produce exactly the database that schema.prisma describes. The reference database
 * is built from SQL that Prisma's own schema engine generates for schema.prisma from scratch; a model change without
 * its migration makes the two differ and fails here.
 */
const SCHEMA = readFileSync(path.resolve("prisma/schema.prisma"), "utf8");
const disposers: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const dispose of disposers) await dispose();
});

async function shapeOf(backend: TestBackend, build: (url: string) => Promise<void>): Promise<DatabaseShape> {
  const blank = await createBlankDatabase(backend);
  disposers.push(blank.dispose);
  await build(blank.url);
  const driver = await openSqlDriver(blank.url);
  try {
    return await introspect(driver);
  } finally {
    await driver.close();
  }
}

async function shapeFromSchema(backend: TestBackend, schema: string): Promise<DatabaseShape> {
  const sql = diffSchemas(backend, null, schema, process.env.TEST_DATABASE_URL ?? "");
  return shapeOf(backend, async (url) => {
    const driver = await openSqlDriver(url);
    try {
      await driver.exec(sql);
    } finally {
      await driver.close();
    }
  });
}

describe.each(testBackends())("migrations on %s", (backend) => {
  test("a freshly migrated database matches schema.prisma: every table, column, type, default, index and foreign key", async () => {
    const migrated = await shapeOf(backend, async (url) => void (await migrate(url)));
    const expected = await shapeFromSchema(backend, SCHEMA);
    expect(Object.keys(migrated).sort()).toEqual(Object.keys(expected).sort());
    expect(migrated).toEqual(expected);
  });

  test("the comparison notices a schema change that has no migration", async () => {
    const changed = schemaFor("sqlite", SCHEMA).replace(
      "model Tool {",
      "model Tool {\n  addedWithoutMigration String?",
    );
    const migrated = await shapeOf(backend, async (url) => void (await migrate(url)));
    const expected = await shapeFromSchema(backend, changed);
    expect(migrated).not.toEqual(expected);
    expect(expected.Tool?.columns.some((c) => c.startsWith("addedWithoutMigration"))).toBe(true);
  });
});
