/**
 * `npm run test:e2e`: makes sure Chromium is there, then runs the Playwright journeys against the production build
 * on a fresh SQLite database (Playwright's webServer starts `npm start` with that database).
 */
import { execFileSync } from "node:child_process";
import { rmSync } from "node:fs";
import path from "node:path";
import { env } from "../src/env";
import { ensureChromium } from "./lib/chromium";

const ROOT = path.resolve(import.meta.dirname, "..");
const chromium = ensureChromium(env.CHROMIUM_PATH);
rmSync(path.join(ROOT, "data/e2e"), { recursive: true, force: true });
try {
  execFileSync(
    process.execPath,
    [path.join(ROOT, "node_modules/@playwright/test/cli.js"), "test", ...process.argv.slice(2)],
    {
      cwd: ROOT,
      stdio: "inherit",
      env: { ...process.env, CHROMIUM_PATH: chromium },
    },
  );
} catch {
  process.exitCode = 1;
}
