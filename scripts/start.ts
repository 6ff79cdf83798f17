/**
 * `npm start`: the one command that takes a fresh clone to a running app. Generates the Prisma clients, applies
 * migrations, seeds an empty catalog from content/, builds when no current build exists, then serves on HOST:PORT.
 * SIGTERM/SIGINT stop accepting connections, let in-flight requests finish (up to SHUTDOWN_GRACE_MS), and exit 0.
 */
import { execFileSync } from "node:child_process";
import { createServer } from "node:http";
import path from "node:path";
import next from "next";
import { databaseBackend, env } from "../src/env";
import { redactDatabaseUrl } from "../src/server/db/database-url";
import { MigrationError, migrate } from "../src/server/db/migrator";
import { createPrismaClient, type DbClient } from "../src/server/db/prisma";
import { openPostgresDriver } from "../src/server/db/sql-driver";
import { logger } from "../src/server/log/logger";
import { CLIENT_IP_HEADER } from "../src/server/http/client-ip";
import { internalOrigin } from "../src/server/http/internal-origin";
import { createPageCache } from "../src/server/http/page-cache";
import { openCatalogRevisionReader } from "../src/server/db/catalog-revision-reader";
import { ContentError, seedFromContent } from "../src/server/seed/run-seed";
import { needsBuild } from "./lib/build-freshness";
import { applyLocalAuthSecret } from "./lib/local-auth-secret";

/** How long a stopping server waits for in-flight requests before it exits anyway. */
const SHUTDOWN_GRACE_MS = 10_000;
/** Advisory lock held while the first instance seeds an empty PostgreSQL catalog (the migrator uses 72707369). */
const PG_FIRST_SEED_LOCK_KEY = 72707370;

const ROOT = path.resolve(import.meta.dirname, "..");
function run(script: string, args: string[] = []) {
  execFileSync(process.execPath, [path.join(ROOT, "node_modules", ...script.split("/")), ...args], {
    cwd: ROOT,
    stdio: "inherit",
  });
}

async function prepareDatabase() {
  const database = redactDatabaseUrl(env.DATABASE_URL);
  const result = await migrate(env.DATABASE_URL, ROOT);
  logger.info(
    { backend: databaseBackend(), database, applied: result.applied, migrationLevel: result.level },
    "database migrated",
  );
  const prisma = createPrismaClient(env.DATABASE_URL);
  try {
    await seedEmptyCatalog(prisma);
  } finally {
    await prisma.$disconnect();
  }
}

/**
 * Seeds the catalog when it is empty. Several instances may start at once on a fresh database: on PostgreSQL they
 * take turns under an advisory lock and re-check, so one seeds and the others find its catalog; elsewhere a seed
 * that lost the race (it is one transaction, so it left nothing behind) is fine when the catalog is now there.
 */
async function seedEmptyCatalog(prisma: DbClient) {
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
    const report = await seedFromContent(prisma, path.join(ROOT, "content"));
    logger.info({ created: report.created.length }, "empty catalog seeded from content/");
  } catch (error) {
    if (error instanceof ContentError || (await prisma.tool.count()) === 0) throw error;
    logger.info("catalog seeded by another instance meanwhile");
  } finally {
    await lock?.query("SELECT pg_advisory_unlock(?)", [PG_FIRST_SEED_LOCK_KEY]).catch(() => undefined);
    await lock?.close();
  }
}

async function main() {
  const localSecret = applyLocalAuthSecret(ROOT, { nodeEnv: env.NODE_ENV, secret: env.BETTER_AUTH_SECRET });
  if (localSecret) {
    logger.warn(
      { file: path.relative(ROOT, localSecret) },
      "BETTER_AUTH_SECRET is not set: using this machine's local secret. For a deployment, set NODE_ENV=production and BETTER_AUTH_SECRET.",
    );
  }
  run("tsx/dist/cli.mjs", [path.join(ROOT, "scripts/generate-client.ts")]);
  await prepareDatabase();
  if (needsBuild(ROOT)) {
    logger.info("building the app (no current build found)");
    run("next/dist/bin/next", ["build"]);
  }

  const app = next({ dev: false, dir: ROOT, hostname: env.HOST, port: env.PORT });
  await app.prepare();
  const handle = app.getRequestHandler();
  const revisions = env.PAGE_CACHE_MB > 0 ? openCatalogRevisionReader(env.DATABASE_URL) : null;
  const pages = revisions
    ? createPageCache({
        revision: () => revisions.read(),
        origin: internalOrigin(),
        maxBytes: env.PAGE_CACHE_MB * 2 ** 20,
        onError: (err: unknown, url) => logger.warn({ err, url }, "page cache could not render; served directly"),
      })
    : null;
  const server = createServer((req, res) => {
    // The client address for rate limits: ours to set, never the client's.
    const forwarded = req.headers["x-forwarded-for"];
    const last = (Array.isArray(forwarded) ? forwarded.join(",") : (forwarded ?? "")).split(",").pop()?.trim();
    req.headers[CLIENT_IP_HEADER] = env.TRUST_PROXY && last ? last : (req.socket.remoteAddress ?? "unknown");
    if (pages) pages.handle(req, res, () => void handle(req, res));
    else void handle(req, res);
  });
  server.keepAliveTimeout = 5_000;
  server.listen(env.PORT, env.HOST, () => {
    logger.info(
      { url: `http://${env.HOST === "0.0.0.0" ? "localhost" : env.HOST}:${env.PORT}`, backend: databaseBackend() },
      "MLOps Stack Advisor is ready",
    );
  });

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "shutting down: draining in-flight requests");
    const force = setTimeout(() => {
      logger.warn("grace period over; closing remaining connections");
      server.closeAllConnections();
      process.exit(0);
    }, SHUTDOWN_GRACE_MS);
    force.unref();
    server.close(() => {
      logger.info("all connections closed; bye");
      process.exit(0);
    });
    server.closeIdleConnections();
  };
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGINT", () => stop("SIGINT"));
}

main().catch((error: unknown) => {
  if (error instanceof MigrationError || error instanceof ContentError) {
    logger.fatal(error.message);
  } else {
    logger.fatal({ err: error }, "start failed");
  }
  process.exit(1);
});
