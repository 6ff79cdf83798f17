/**
 * `npm start`: the one command that takes a fresh clone to a running app. Generates the Prisma clients, applies
 * migrations, seeds an empty catalog from content/, builds when no current build exists, then serves on HOST:PORT.
 * SIGTERM/SIGINT stop accepting connections, let in-flight requests finish (up to SHUTDOWN_GRACE_MS), and exit 0.
 */
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { createServer } from "node:http";
import path from "node:path";
import next from "next";
import { databaseBackend, env } from "../src/env";
import { redactDatabaseUrl } from "../src/server/db/database-url";
import { MigrationError, migrate } from "../src/server/db/migrator";
import { createPrismaClient } from "../src/server/db/prisma";
import { logger } from "../src/server/log/logger";
import { ContentError, seedFromContent } from "../src/server/seed/run-seed";
import { applyLocalAuthSecret } from "./lib/local-auth-secret";

/** How long a stopping server waits for in-flight requests before it exits anyway. */
const SHUTDOWN_GRACE_MS = 10_000;

const ROOT = path.resolve(import.meta.dirname, "..");
const BUILD_ID = path.join(ROOT, ".next/BUILD_ID");
/** Inputs of `next build`: when one is newer than the last build, the build is stale. */
const BUILD_INPUTS = [
  "src",
  "public",
  "next.config.ts",
  "package-lock.json",
  "postcss.config.mjs",
  "prisma/schema.prisma",
];

function newestMtime(target: string): number {
  if (!existsSync(target)) return 0;
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(target, { withFileTypes: true })) {
    if (entry.name === "generated" || entry.name === "node_modules") continue;
    newest = Math.max(newest, newestMtime(path.join(target, entry.name)));
  }
  return newest;
}

function needsBuild(): boolean {
  if (!existsSync(BUILD_ID)) return true;
  const built = statSync(BUILD_ID).mtimeMs;
  return BUILD_INPUTS.some((input) => newestMtime(path.join(ROOT, input)) > built);
}

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
    if ((await prisma.tool.count()) === 0) {
      const report = await seedFromContent(prisma, path.join(ROOT, "content"));
      logger.info({ created: report.created.length }, "empty catalog seeded from content/");
    } else {
      logger.info("catalog present; run `npm run db:seed` to apply changes from content/");
    }
  } finally {
    await prisma.$disconnect();
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
  if (needsBuild()) {
    logger.info("building the app (no current build found)");
    run("next/dist/bin/next", ["build"]);
  }

  const app = next({ dev: false, dir: ROOT, hostname: env.HOST, port: env.PORT });
  await app.prepare();
  const handle = app.getRequestHandler();
  const server = createServer((req, res) => {
    void handle(req, res);
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
