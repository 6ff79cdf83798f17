import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient as PostgresPrismaClient } from "@/generated/prisma/postgresql/client";
import { PrismaClient as SqlitePrismaClient } from "@/generated/prisma/sqlite/client";
import { SQLITE_BUSY_TIMEOUT_MS, sqlitePathFromUrl } from "./database-url";

/**
 * The one Prisma client module. DATABASE_URL picks the backend at start-up: `file:` → SQLite through
 * better-sqlite3, `postgresql://` → PostgreSQL through node-postgres. Both clients are generated from the same
 * schema.prisma, so the SQLite client's type describes both; repositories import `DbClient` and never know which.
 * Only repository files (src/server/repositories) and infrastructure scripts import this module.
 */

export type DbClient = InstanceType<typeof SqlitePrismaClient>;
export type { Prisma } from "@/generated/prisma/sqlite/client";

export function createPrismaClient(databaseUrl: string): DbClient {
  if (databaseUrl.startsWith("file:")) {
    // better-sqlite3 is built with foreign keys on by default; `timeout` is SQLite's busy timeout. WAL is set
    // persistently in the database file by the migrator.
    const adapter = new PrismaBetterSqlite3({
      url: `file:${sqlitePathFromUrl(databaseUrl)}`,
      timeout: SQLITE_BUSY_TIMEOUT_MS,
    });
    return new SqlitePrismaClient({ adapter });
  }
  const adapter = new PrismaPg({ connectionString: databaseUrl, max: 10, connectionTimeoutMillis: 5_000 });
  return new PostgresPrismaClient({ adapter }) as unknown as DbClient;
}
