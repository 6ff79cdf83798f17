/**
 * The admin section of `npm run bench` (issue 17 item 6, issue 18 item 5): every admin page, signed in as an admin,
 * in a real Chromium against a production server on the real catalog. For each page: the server's time to first
 * byte and the time until the page has loaded (the browser's load event, scripts included), median of several
 * visits after one warm-up. Also usable alone against a running server:
 *
 *   node --conditions=react-server --import tsx scripts/lib/bench-admin.ts <url> <DATABASE_URL>
 */
import { execFileSync } from "node:child_process";
import path from "node:path";
import { chromium, type Page } from "playwright-core";
import { CHROMIUM_ARGS, ensureChromium } from "./chromium";

/** Every admin page must be usable this fast (browser load event, median), on the real catalog. */
export const ADMIN_PAGE_BUDGET_MS = 500;
const VISITS = 5;
const ROOT = path.resolve(import.meta.dirname, "../..");

export type AdminPageFigure = { page: string; ttfbMs: number; loadMs: number };

/** A fresh admin account in the server's database, made with the real command (`--generate-password`). */
export function createBenchAdmin(databaseUrl: string): { email: string; password: string } {
  const email = `bench-${Date.now().toString(36)}@example.com`;
  const output = execFileSync(
    process.execPath,
    [
      "--conditions=react-server",
      "--import",
      "tsx",
      "scripts/admin-create.ts",
      "--email",
      email,
      "--generate-password",
    ],
    { cwd: ROOT, encoding: "utf8", env: { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: "silent" } },
  );
  const password = /Password \(shown once, store it now\): (\S+)/.exec(output)?.[1];
  if (!password) throw new Error(`admin:create printed no password:\n${output}`);
  return { email, password };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

async function visit(page: Page, url: string): Promise<{ ttfbMs: number; loadMs: number }> {
  const response = await page.goto(url, { waitUntil: "load" });
  if (!response?.ok()) throw new Error(`${url} answered ${response?.status()}`);
  return page.evaluate(() => {
    const [nav] = performance.getEntriesByType("navigation") as PerformanceNavigationTiming[];
    if (!nav) throw new Error("no navigation timing");
    return { ttfbMs: nav.responseStart - nav.startTime, loadMs: nav.loadEventEnd - nav.startTime };
  });
}

/** Signs in through the real form, then visits every admin page VISITS times (after one warm-up visit each). */
export async function measureAdminPages(serverUrl: string, databaseUrl: string): Promise<AdminPageFigure[]> {
  const admin = createBenchAdmin(databaseUrl);
  const browser = await chromium.launch({
    executablePath: ensureChromium(process.env.CHROMIUM_PATH),
    args: CHROMIUM_ARGS,
  });
  try {
    const page = await (await browser.newContext()).newPage();
    await page.goto(`${serverUrl}/admin/sign-in`);
    await page.getByLabel("Email").fill(admin.email);
    await page.getByLabel("Password").fill(admin.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(`${serverUrl}/admin`);
    const someTool = await page.evaluate(async () => {
      const body = (await (await fetch("/api/v1/tools?limit=1")).json()) as { data: { slug: string }[] };
      return body.data[0]?.slug ?? "mlflow";
    });
    const pages = [
      "/admin",
      "/admin/tools",
      "/admin/tools?sort=updated&page=2",
      `/admin/tools/${someTool}`,
      `/admin/tools/${someTool}/history`,
      "/admin/tools/new",
      "/admin/categories",
      "/admin/audit",
      "/admin/transfer",
      "/admin/maintainers",
      "/admin/account",
    ];
    const figures: AdminPageFigure[] = [];
    for (const pathname of pages) {
      await visit(page, `${serverUrl}${pathname}`);
      const runs: { ttfbMs: number; loadMs: number }[] = [];
      for (let i = 0; i < VISITS; i += 1) runs.push(await visit(page, `${serverUrl}${pathname}`));
      figures.push({
        page: pathname,
        ttfbMs: median(runs.map((r) => r.ttfbMs)),
        loadMs: median(runs.map((r) => r.loadMs)),
      });
    }
    return figures;
  } finally {
    await browser.close();
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const [url, databaseUrl] = process.argv.slice(2);
  if (!url || !databaseUrl) throw new Error("usage: bench-admin.ts <server url> <DATABASE_URL>");
  for (const figure of await measureAdminPages(url, databaseUrl)) {
    const mark = figure.loadMs <= ADMIN_PAGE_BUDGET_MS ? "ok" : "OVER";
    console.log(
      `${figure.page.padEnd(40)} TTFB ${figure.ttfbMs.toFixed(0).padStart(5)} ms   load ${figure.loadMs.toFixed(0).padStart(5)} ms   ${mark}`,
    );
  }
}
