/**
 * `npm run test:e2e`: makes sure Chromium is there, then runs the Playwright journeys against the production build
 * on a fresh SQLite database (Playwright's webServer starts `npm start` with that database). The admin journeys'
 * maintainers and tools are made in that database first, before the server starts (scripts/lib/e2e-fixtures.ts).
 */
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { rmSync } from "node:fs";
import path from "node:path";
import { env } from "../src/env";
import { ensureChromium } from "./lib/chromium";
import { fixturesEnv, prepareE2eDatabase, type E2eFixtures } from "./lib/e2e-fixtures";

const ROOT = path.resolve(import.meta.dirname, "..");
const chromium = ensureChromium(env.CHROMIUM_PATH);
rmSync(path.join(ROOT, "data/e2e"), { recursive: true, force: true });
// One session secret per run, for the fixture commands and the server alike (playwright.config.ts takes it).
const authSecret = process.env.E2E_AUTH_SECRET ?? randomBytes(32).toString("base64url");
let fixtures: E2eFixtures;
try {
  fixtures = prepareE2eDatabase(ROOT, authSecret);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
try {
  execFileSync(
    process.execPath,
    [path.join(ROOT, "node_modules/@playwright/test/cli.js"), "test", ...process.argv.slice(2)],
    {
      cwd: ROOT,
      stdio: "inherit",
      env: { ...process.env, CHROMIUM_PATH: chromium, E2E_AUTH_SECRET: authSecret, ...fixturesEnv(fixtures) },
    },
  );
} catch {
  process.exitCode = 1;
}
