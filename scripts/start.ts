/**
 * `npm start`: the one command that takes a fresh clone to a running app. Generates the Prisma clients, applies
 * migrations, seeds an empty catalog from content/, builds when no current build exists, then serves
 * (src/server/http/production-server.ts).
 *
 * On a fresh clone the generated clients do not exist yet, so everything that reaches them (the database modules,
 * the server) is imported only after `generate-client` ran; the static imports below must not reach them
 * (start-bootstrap.test.ts checks this). Database preparation runs in a child process (scripts/db-prepare.ts).
 */
import { execFileSync } from "node:child_process";
import path from "node:path";
import { env } from "../src/env";
import { logger } from "../src/server/log/logger";
import { needsBuild } from "./lib/build-freshness";
import { applyLocalAuthSecret } from "./lib/local-auth-secret";

const ROOT = path.resolve(import.meta.dirname, "..");

function run(script: string, args: string[] = []) {
  execFileSync(process.execPath, [path.join(ROOT, "node_modules", ...script.split("/")), ...args], {
    cwd: ROOT,
    stdio: "inherit",
  });
}

/** Runs one of our TypeScript scripts in a process of its own; a failure has already been logged there. */
function runScript(script: string) {
  try {
    execFileSync(process.execPath, ["--conditions=react-server", "--import", "tsx", path.join(ROOT, script)], {
      cwd: ROOT,
      stdio: "inherit",
    });
  } catch {
    process.exit(1);
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

  // Migrations and the first seed run in a process of their own: the server then never loads the second copy of the
  // database client (and its query compiler) they need, which would stay in its memory for good.
  runScript("scripts/db-prepare.ts");
  if (needsBuild(ROOT)) {
    logger.info("building the app (no current build found)");
    run("next/dist/bin/next", ["build"]);
  }
  const { startProductionServer } = await import("../src/server/http/production-server");
  await startProductionServer({ dir: ROOT });
}

main().catch((error: unknown) => {
  // Expected failures (a migration that cannot apply, invalid content/) carry a message written for the operator.
  const name = error instanceof Error ? error.name : "";
  if (name === "MigrationError" || name === "ContentError") logger.fatal((error as Error).message);
  else logger.fatal({ err: error }, "start failed");
  process.exit(1);
});
