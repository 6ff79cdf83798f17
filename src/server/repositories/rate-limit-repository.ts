import "server-only";
import { prisma } from "../db/client";

/**
 * Counts one request in a fixed window and returns the new count, atomically, in the shared database: every
 * instance sees the same counters. One statement that works on SQLite (3.35+) and PostgreSQL alike.
 */
export async function countHit(key: string, window: number): Promise<number> {
  const rows = await prisma.$queryRaw<{ count: number | bigint }[]>`
    INSERT INTO "RateLimitBucket" ("key", "window", "count") VALUES (${key}, ${window}, 1)
    ON CONFLICT ("key", "window") DO UPDATE SET "count" = "RateLimitBucket"."count" + 1
    RETURNING "count"`;
  return Number(rows[0]?.count ?? 1);
}

export async function pruneWindowsBefore(window: number): Promise<void> {
  await prisma.rateLimitBucket.deleteMany({ where: { window: { lt: window } } });
}
