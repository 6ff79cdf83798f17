/**
 * `npm run test:pg`: the repository and migration tests against PostgreSQL (TEST_DATABASE_URL, a role that may
 * create databases), then a smoke run of the app on PostgreSQL: migrate, seed, serve, and a healthy /api/health.
 */
import { execFileSync, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { parseArgs } from "node:util";
import { freePort } from "../tests/support/free-port";
import { SERVER_ENV, SERVER_NODE_ARGS } from "./lib/server-command";

const ROOT = path.resolve(import.meta.dirname, "..");
const url = process.env.TEST_DATABASE_URL;
if (!url) {
  console.error("TEST_DATABASE_URL is not set: point it at a PostgreSQL database whose role may CREATE DATABASE.");
  process.exit(2);
}
const { values } = parseArgs({ options: { "skip-smoke": { type: "boolean" } } });

execFileSync(process.execPath, [path.join(ROOT, "node_modules/vitest/vitest.mjs"), "run", "tests/integration"], {
  cwd: ROOT,
  stdio: "inherit",
  env: { ...process.env, TEST_DATABASE_URL: url },
});

if (!values["skip-smoke"]) {
  const port = String(await freePort());
  const server = spawn(process.execPath, [...SERVER_NODE_ARGS], {
    cwd: ROOT,
    stdio: ["ignore", "inherit", "inherit"],
    env: {
      ...process.env,
      ...SERVER_ENV,
      DATABASE_URL: url,
      PORT: port,
      HOST: "127.0.0.1",
      LOG_LEVEL: "warn",
      NODE_ENV: "production",
      // Production needs a session secret; a fresh random one per smoke run.
      BETTER_AUTH_SECRET: randomBytes(32).toString("base64url"),
    },
  });
  const deadline = Date.now() + 240_000;
  let ok = false;
  while (Date.now() < deadline && server.exitCode === null) {
    try {
      const response = await fetch(`http://127.0.0.1:${port}/api/health`);
      const body = (await response.json()) as { database?: { backend?: string } };
      if (response.status === 200 && body.database?.backend === "postgresql") {
        const home = await fetch(`http://127.0.0.1:${port}/`);
        ok = home.status === 200 && (await home.text()).includes("MLOps Stack Advisor");
        break;
      }
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
  server.kill("SIGTERM");
  await new Promise((r) => server.once("exit", r));
  console.log(
    ok ? "PostgreSQL smoke run: app served / and a healthy /api/health on PostgreSQL" : "PostgreSQL smoke run FAILED",
  );
  if (!ok) process.exit(1);
}
