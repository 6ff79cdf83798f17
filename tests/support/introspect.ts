import type { SqlDriver } from "../../src/server/db/sql-driver";

/**
 * A normalised description of a database's structure (tables, columns, types, nullability, defaults, primary keys,
 * unique constraints, indexes and foreign keys), comparable across two databases of the same provider.
 */
export type DatabaseShape = Record<string, { columns: string[]; indexes: string[]; foreignKeys: string[] }>;

const IGNORED_TABLES = new Set(["_prisma_migrations"]);

async function sqliteShape(driver: SqlDriver): Promise<DatabaseShape> {
  const shape: DatabaseShape = {};
  const tables = await driver.query<{ name: string }>(
    `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`,
  );
  for (const { name } of tables) {
    if (IGNORED_TABLES.has(name)) continue;
    const columns = await driver.query<{
      name: string;
      type: string;
      notnull: number;
      dflt_value: string | null;
      pk: number;
    }>(`SELECT name, type, "notnull", dflt_value, pk FROM pragma_table_xinfo(?)`, [name]);
    const indexes = await driver.query<{ name: string; unique: number; origin: string }>(
      `SELECT name, "unique", origin FROM pragma_index_list(?)`,
      [name],
    );
    const indexShapes: string[] = [];
    for (const index of indexes) {
      const cols = await driver.query<{ name: string }>(`SELECT name FROM pragma_index_info(?) ORDER BY seqno`, [
        index.name,
      ]);
      indexShapes.push(
        `${index.origin === "pk" ? "(pk)" : index.name} unique=${index.unique} (${cols.map((c) => c.name).join(", ")})`,
      );
    }
    const fks = await driver.query<{ table: string; from: string; to: string; on_update: string; on_delete: string }>(
      `SELECT "table", "from", "to", on_update, on_delete FROM pragma_foreign_key_list(?)`,
      [name],
    );
    shape[name] = {
      columns: columns
        .map((c) => `${c.name} ${c.type} ${c.notnull ? "NOT NULL" : "NULL"} default=${c.dflt_value ?? "-"} pk=${c.pk}`)
        .sort(),
      indexes: indexShapes.sort(),
      foreignKeys: fks.map((f) => `${f.from} -> ${f.table}.${f.to} update=${f.on_update} delete=${f.on_delete}`).sort(),
    };
  }
  return shape;
}

async function postgresShape(driver: SqlDriver): Promise<DatabaseShape> {
  const shape: DatabaseShape = {};
  const tables = await driver.query<{ table_name: string }>(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`,
  );
  for (const { table_name: name } of tables) {
    if (IGNORED_TABLES.has(name)) continue;
    const columns = await driver.query<{
      column_name: string;
      udt_name: string;
      is_nullable: string;
      column_default: string | null;
      datetime_precision: number | null;
    }>(
      `SELECT column_name, udt_name, is_nullable, column_default, datetime_precision FROM information_schema.columns WHERE table_schema = 'public' AND table_name = ?`,
      [name],
    );
    const indexes = await driver.query<{ indexname: string; indexdef: string }>(
      `SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename = ?`,
      [name],
    );
    const constraints = await driver.query<{ conname: string; contype: string; def: string }>(
      `SELECT conname, contype, pg_get_constraintdef(c.oid) AS def FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid
       JOIN pg_namespace n ON n.oid = t.relnamespace WHERE n.nspname = 'public' AND t.relname = ?`,
      [name],
    );
    shape[name] = {
      columns: columns
        .map(
          (c) =>
            `${c.column_name} ${c.udt_name}${c.datetime_precision !== null && c.udt_name.startsWith("timestamp") ? `(${c.datetime_precision})` : ""} ${c.is_nullable === "NO" ? "NOT NULL" : "NULL"} default=${c.column_default ?? "-"}`,
        )
        .sort(),
      indexes: indexes.map((i) => i.indexdef).sort(),
      foreignKeys: constraints.map((c) => `${c.conname} ${c.contype} ${c.def}`).sort(),
    };
  }
  return shape;
}

export function introspect(driver: SqlDriver): Promise<DatabaseShape> {
  return driver.provider === "sqlite" ? sqliteShape(driver) : postgresShape(driver);
}
