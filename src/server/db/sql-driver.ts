import Database from "better-sqlite3";
import pg from "pg";
import { SQLITE_BUSY_TIMEOUT_MS, sqlitePathFromUrl } from "./database-url";

/**
 * A minimal raw-SQL connection for the migrator and the schema tests, below Prisma: migrations must run before a
 * Prisma client can be trusted, and they need multi-statement scripts and explicit transaction control.
 */
export type SqlDriver = {
  provider: "sqlite" | "postgresql";
  /** Runs a script of one or more statements. */
  exec(sql: string): Promise<void>;
  query<T extends Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
};

function settle<T>(work: () => T): Promise<T> {
  try {
    return Promise.resolve(work());
  } catch (error) {
    return Promise.reject(error instanceof Error ? error : new Error(String(error)));
  }
}

export function openSqliteDriver(url: string): SqlDriver & { db: Database.Database } {
  const db = new Database(sqlitePathFromUrl(url), { timeout: SQLITE_BUSY_TIMEOUT_MS });
  db.pragma("journal_mode = WAL");
  db.pragma("foreign_keys = ON");
  return {
    provider: "sqlite",
    db,
    // SQLite errors must surface as rejections, as they do with pg, not as synchronous throws.
    exec: (sql) => settle(() => void db.exec(sql)),
    query: <T extends Record<string, unknown>>(sql: string, params: unknown[] = []) =>
      settle(() => {
        const statement = db.prepare(sql);
        if (statement.reader) return statement.all(...params) as T[];
        statement.run(...params);
        return [] as T[];
      }),
    close: () => settle(() => void db.close()),
  };
}

export async function openPostgresDriver(url: string): Promise<SqlDriver & { client: pg.Client }> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  await client.connect();
  return {
    provider: "postgresql",
    client,
    exec: async (sql) => {
      await client.query(sql);
    },
    query: async <T extends Record<string, unknown>>(sql: string, params: unknown[] = []) => {
      // pg numbers placeholders $1…; the shared callers write "?" like SQLite.
      let n = 0;
      const text = sql.replace(/\?/g, () => `$${++n}`);
      return (await client.query(text, params)).rows as T[];
    },
    close: () => client.end(),
  };
}

export async function openSqlDriver(url: string): Promise<SqlDriver> {
  return url.startsWith("file:") ? openSqliteDriver(url) : openPostgresDriver(url);
}
