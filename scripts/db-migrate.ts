/** Applies pending migrations to DATABASE_URL (SQLite file by default). See docs/decisions/002-offline-migrations.md. */
import { databaseBackend, env } from "../src/env";
import { redactDatabaseUrl } from "../src/server/db/database-url";
import { MigrationError, migrate } from "../src/server/db/migrator";
import { logger } from "../src/server/log/logger";

try {
  const result = await migrate(env.DATABASE_URL);
  logger.info(
    {
      backend: databaseBackend(),
      database: redactDatabaseUrl(env.DATABASE_URL),
      applied: result.applied,
      migrationLevel: result.level,
    },
    result.applied.length > 0 ? `applied ${result.applied.length} migration(s)` : "database is up to date",
  );
} catch (error) {
  if (error instanceof MigrationError) {
    logger.fatal({ database: redactDatabaseUrl(env.DATABASE_URL) }, error.message);
  } else {
    logger.fatal(
      { err: error, database: redactDatabaseUrl(env.DATABASE_URL) },
      "migration failed: database unreachable or unusable",
    );
  }
  process.exitCode = 1;
}
