/** Loads content/ into DATABASE_URL. Idempotent; admin edits are kept (docs/decisions/004-seed-and-admin-edits.md). */
import { env } from "../src/env";
import { redactDatabaseUrl } from "../src/server/db/database-url";
import { createPrismaClient } from "../src/server/db/prisma";
import { logger } from "../src/server/log/logger";
import { ContentError, seedFromContent } from "../src/server/seed/run-seed";

const prisma = createPrismaClient(env.DATABASE_URL);
try {
  const report = await seedFromContent(prisma);
  const { created, updated, unchanged, keptAdminEdits, skippedDeleted, integrationsChanged } = report;
  logger.info(
    {
      created: created.length,
      updated: updated.length,
      unchanged,
      integrationsChanged,
      keptAdminEdits,
      skippedDeleted,
    },
    created.length + updated.length + integrationsChanged === 0
      ? "catalog is up to date with content/"
      : "catalog seeded from content/",
  );
  if (keptAdminEdits.length > 0) {
    logger.warn(
      { keptAdminEdits },
      "content changed for entries an admin has edited since; the admin's version was kept",
    );
  }
} catch (error) {
  if (error instanceof ContentError) {
    console.error(error.message);
  } else {
    logger.fatal({ err: error, database: redactDatabaseUrl(env.DATABASE_URL) }, "seed failed; nothing was written");
  }
  process.exitCode = 1;
} finally {
  await prisma.$disconnect();
}
