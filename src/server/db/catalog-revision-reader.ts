import Database from "better-sqlite3";
import pg from "pg";
import { SQLITE_BUSY_TIMEOUT_MS, sqlitePathFromUrl } from "./database-url";

/**
 * Reads the catalog revision (the newest audit-log id; every catalog change writes one in its own transaction)
 * below Prisma, for the page cache in front of the app: a prepared SQLite statement costs microseconds, where a
 * Prisma query costs about half a millisecond of CPU on every page view.
 */
export type CatalogRevisionReader = { read(): Promise<number>; close(): Promise<void> };

const SQL = 'SELECT COALESCE(MAX("id"), 0) AS "revision" FROM "AuditLog"';

/**
 * One reader per database per process: the HTTP server (production-server.ts) and the app's catalog snapshot are
 * loaded as separate module copies (the server by Node, the app by Next's bundle), so the shared instance lives on
 * globalThis; each would otherwise keep its own connections.
 */
export function sharedCatalogRevisionReader(url: string): CatalogRevisionReader {
  const holder = globalThis as unknown as { advisorRevisionReaders?: Map<string, CatalogRevisionReader> };
  holder.advisorRevisionReaders ??= new Map();
  let reader = holder.advisorRevisionReaders.get(url);
  if (!reader) holder.advisorRevisionReaders.set(url, (reader = openCatalogRevisionReader(url)));
  return reader;
}

export function openCatalogRevisionReader(url: string): CatalogRevisionReader {
  if (url.startsWith("file:")) {
    const db = new Database(sqlitePathFromUrl(url, { createDir: false }), {
      fileMustExist: true,
      timeout: SQLITE_BUSY_TIMEOUT_MS,
    });
    const statement = db.prepare<[], { revision: number }>(SQL);
    return {
      read: () => {
        try {
          return Promise.resolve(statement.get()?.revision ?? 0);
        } catch (error) {
          return Promise.reject(error instanceof Error ? error : new Error(String(error)));
        }
      },
      close: () => Promise.resolve(void db.close()),
    };
  }
  const pool = new pg.Pool({ connectionString: url, max: 2, connectionTimeoutMillis: 2_000 });
  // A dropped connection is replaced on the next read; the error must not crash the process.
  pool.on("error", () => undefined);
  return {
    read: async () => Number((await pool.query<{ revision: string | number }>(SQL)).rows[0]?.revision ?? 0),
    close: () => pool.end(),
  };
}
