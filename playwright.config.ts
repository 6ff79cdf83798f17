import { randomBytes } from "node:crypto";
import { defineConfig, devices } from "@playwright/test";
import { CHROMIUM_ARGS } from "./scripts/lib/chromium";
import { E2E_DATABASE_URL } from "./scripts/lib/e2e-fixtures";
import { SERVER_COMMAND } from "./scripts/lib/server-command";

const PORT = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${PORT}`;
/** The app runs as in production, which requires a session secret: a fresh random one per run. */
const AUTH_SECRET = process.env.E2E_AUTH_SECRET ?? randomBytes(32).toString("base64url");
process.env.E2E_AUTH_SECRET = AUTH_SECRET;

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  retries: process.env.CI ? 1 : 0,
  forbidOnly: Boolean(process.env.CI),
  reporter: process.env.CI ? [["list"], ["html", { open: "never" }]] : [["list"]],
  timeout: 30_000,
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: { executablePath: process.env.CHROMIUM_PATH, args: CHROMIUM_ARGS },
  },
  projects: [
    { name: "desktop", use: { ...devices["Desktop Chrome"], channel: undefined } },
    { name: "mobile", use: { ...devices["Pixel 7"], channel: undefined }, grep: /@mobile/ },
  ],
  webServer: {
    command: SERVER_COMMAND,
    url: `${baseURL}/api/health`,
    timeout: 240_000,
    reuseExistingServer: !process.env.CI,
    stdout: "ignore",
    stderr: "pipe",
    env: {
      PORT: String(PORT),
      HOST: "127.0.0.1",
      DATABASE_URL: E2E_DATABASE_URL,
      LOG_LEVEL: "warn",
      NODE_ENV: "production",
      RATE_LIMIT_WRITES_PER_MINUTE: "200",
      BETTER_AUTH_SECRET: AUTH_SECRET,
    },
  },
});
