import "server-only";
import { prisma } from "../db/client";

export type DatabaseHealth = { reachable: true; migrationLevel: string | null } | { reachable: false };

/** Answers whether the database responds, and which migration it is at. Never throws. */
export async function checkDatabase(): Promise<DatabaseHealth> {
  try {
    const rows = await prisma.$queryRawUnsafe<{ migration_name: string }[]>(
      `SELECT "migration_name" FROM "_prisma_migrations" WHERE "finished_at" IS NOT NULL AND "rolled_back_at" IS NULL ORDER BY "migration_name" DESC LIMIT 1`,
    );
    return { reachable: true, migrationLevel: rows[0]?.migration_name ?? null };
  } catch {
    return { reachable: false };
  }
}
