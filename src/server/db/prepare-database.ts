import path from "node:path";
import { databaseBackend, env } from "@/env";
import { logger } from "../log/logger";
import { ContentError, seedFromContent } from "../seed/run-seed";
import { redactDatabaseUrl } from "./database-url";
import { migrate } from "./migrator";
import { createPrismaClient, type DbClient } from "./prisma";
import { openPostgresDriver } from "./sql-driver";

/** Advisory lock held while the first instance seeds an empty PostgreSQL catalog (the migrator uses 72707369). */
const PG_FIRST_SEED_LOCK_KEY = 72707370;

/**
 * What `npm start` does to the database before serving: applies pending migrations, then seeds the catalog from
 * `content/` when it is empty. Needs the generated Prisma clients (scripts/start.ts generates them first).
 */
export async function prepareDatabase(root: string): Promise<void> {
  const database = redactDatabaseUrl(env.DATABASE_URL);
  const result = await migrate(env.DATABASE_URL, root);
  logger.info(
    { backend: databaseBackend(), database, applied: result.applied, migrationLevel: result.level },
    "database migrated",
  );
  const prisma = createPrismaClient(env.DATABASE_URL);
  try {
    await seedEmptyCatalog(prisma, path.join(root, "content"));
  } finally {
    await prisma.$disconnect();
  }
}

/**
 * Seeds the catalog when it is empty. Several instances may start at once on a fresh database: on PostgreSQL they
 * take turns under an advisory lock and re-check, so one seeds and the others find its catalog; elsewhere a seed
 * that lost the race (it is one transaction, so it left nothing behind) is fine when the catalog is now there.
 */
async function seedEmptyCatalog(prisma: DbClient, contentDir: string) {
  if ((await prisma.tool.count()) > 0) {
    logger.info("catalog present; run `npm run db:seed` to apply changes from content/");
    return;
  }
  const lock = databaseBackend() === "postgresql" ? await openPostgresDriver(env.DATABASE_URL) : null;
  try {
    await lock?.query("SELECT pg_advisory_lock(?)", [PG_FIRST_SEED_LOCK_KEY]);
    if ((await prisma.tool.count()) > 0) {
      logger.info("catalog seeded by another instance meanwhile");
      return;
    }
    const report = await seedFromContent(prisma, contentDir);
    logger.info({ created: report.created.length }, "empty catalog seeded from content/");
  } catch (error) {
    if (error instanceof ContentError || (await prisma.tool.count()) === 0) throw error;
    logger.info("catalog seeded by another instance meanwhile");
  } finally {
    await lock?.query("SELECT pg_advisory_unlock(?)", [PG_FIRST_SEED_LOCK_KEY]).catch(() => undefined);
    await lock?.close();
  }
}
