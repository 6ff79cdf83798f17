import "server-only";
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { chromium, type Browser, type BrowserContext } from "playwright-core";
import { env } from "@/env";
import { logger } from "../log/logger";

/**
 * Renders our own print page to PDF with headless Chromium (Debian's, driven by playwright-core). Requests to any
 * other origin are blocked, each render has a deadline, and at most MAX_CONCURRENT_RENDERS run at once (the rest
 * wait their turn up to the same deadline). One browser is shared and relaunched if it dies.
 */

/** Chromium renders are memory-hungry; two at once keeps a 2-core machine responsive. */
export const MAX_CONCURRENT_RENDERS = 2;
/** A render that takes longer than this is abandoned (the user gets a 504). */
export const PDF_TIMEOUT_MS = 25_000;

export class PdfUnavailableError extends Error {
  override name = "PdfUnavailableError";
}
export class PdfTimeoutError extends Error {
  override name = "PdfTimeoutError";
}

export type PaperFormat = "A4" | "Letter";

function chromiumPath(): string | null {
  if (env.CHROMIUM_PATH) return existsSync(env.CHROMIUM_PATH) ? env.CHROMIUM_PATH : null;
  for (const name of ["chromium", "chromium-browser"]) {
    const found = spawnSync("sh", ["-c", `command -v ${name}`], { encoding: "utf8" });
    if (found.status === 0 && found.stdout.trim()) return found.stdout.trim();
  }
  return null;
}

let browser: Promise<Browser> | null = null;
let sharedContext: { origin: string; context: Promise<BrowserContext> } | null = null;

/**
 * One browser context for all renders of an origin: its HTTP cache keeps the app's scripts and fonts, so a warm
 * render skips downloading and compiling them. The route filter that blocks other origins is set once here.
 */
async function getContext(origin: string): Promise<BrowserContext> {
  if (sharedContext?.origin === origin) return sharedContext.context;
  const context = (async () => {
    const created = await (await getBrowser()).newContext({ javaScriptEnabled: true, colorScheme: "light" });
    await created.route("**/*", (route) =>
      new URL(route.request().url()).origin === origin ? route.continue() : route.abort("blockedbyclient"),
    );
    created.on("close", () => void (sharedContext?.context === context && (sharedContext = null)));
    return created;
  })();
  sharedContext = { origin, context };
  context.catch(() => void (sharedContext?.context === context && (sharedContext = null)));
  return context;
}

function getBrowser(): Promise<Browser> {
  if (!browser) {
    const executablePath = chromiumPath();
    if (!executablePath) throw new PdfUnavailableError("Chromium is not installed on the server.");
    const launching = chromium.launch({
      executablePath,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    });
    browser = launching;
    launching
      .then((b) =>
        b.on("disconnected", () => {
          if (browser === launching) browser = null;
          sharedContext = null;
        }),
      )
      .catch(() => void (browser === launching && (browser = null)));
  }
  return browser;
}

let active = 0;
const waiting: (() => void)[] = [];
async function acquire(deadline: number): Promise<() => void> {
  while (active >= MAX_CONCURRENT_RENDERS) {
    const remaining = deadline - Date.now();
    if (remaining <= 0) throw new PdfTimeoutError("Too many PDF exports at once; try again shortly.");
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, remaining);
      waiting.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }
  active += 1;
  return () => {
    active -= 1;
    waiting.shift()?.();
  };
}

export async function renderPdf(url: string, format: PaperFormat): Promise<Buffer> {
  const deadline = Date.now() + PDF_TIMEOUT_MS;
  const release = await acquire(deadline);
  const started = Date.now();
  try {
    const page = await (await getContext(new URL(url).origin)).newPage();
    try {
      page.setDefaultTimeout(Math.max(1000, deadline - Date.now()));
      const response = await page.goto(url, { waitUntil: "load" });
      if (!response || response.status() !== 200)
        throw new Error(`print page answered ${response?.status() ?? "nothing"}`);
      await page.waitForFunction(() => {
        const figures = [...document.querySelectorAll("[data-diagram-state]")];
        return (
          figures.every((f) => f.getAttribute("data-diagram-state") !== "loading") && document.fonts.status === "loaded"
        );
      });
      const pdf = await page.pdf({
        format,
        printBackground: true,
        displayHeaderFooter: true,
        headerTemplate: "<span></span>",
        footerTemplate:
          '<div style="font-size:8px;width:100%;padding:0 14mm;color:#555;display:flex;justify-content:space-between"><span>MLOps Stack Advisor</span><span>Page <span class="pageNumber"></span> of <span class="totalPages"></span></span></div>',
        margin: { top: "16mm", bottom: "18mm", left: "14mm", right: "14mm" },
      });
      logger.info({ format, ms: Date.now() - started, bytes: pdf.length }, "pdf rendered");
      return pdf;
    } finally {
      await page.close();
    }
  } catch (error) {
    if (error instanceof PdfUnavailableError) throw error;
    if (Date.now() >= deadline || (error instanceof Error && error.name === "TimeoutError"))
      throw new PdfTimeoutError("The PDF took too long to render.");
    throw error;
  } finally {
    release();
  }
}
