/**
 * What `npm start` does to the database before it serves (src/server/db/prepare-database.ts): pending migrations,
 * then the catalog seed when it is empty. Run in its own process by scripts/start.ts, so that the server never holds
 * the second copy of the database modules (and the query compiler) that seeding loads.
 */
import path from "node:path";
import { prepareDatabase } from "../src/server/db/prepare-database";
import { logger } from "../src/server/log/logger";

try {
  await prepareDatabase(path.resolve(import.meta.dirname, ".."));
} catch (error) {
  // Expected failures (a migration that cannot apply, invalid content/) carry a message written for the operator.
  const name = error instanceof Error ? error.name : "";
  if (name === "MigrationError" || name === "ContentError") logger.fatal((error as Error).message);
  else logger.fatal({ err: error }, "preparing the database failed");
  process.exitCode = 1;
}
