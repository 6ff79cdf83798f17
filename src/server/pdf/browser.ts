import "server-only";
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { chromium, type Browser, type BrowserContext } from "playwright-core";
import { env } from "@/env";
import { logger } from "../log/logger";
import { serverChromiumArgs } from "./chromium-args";

/**
 * The server's one headless Chromium (Debian's, driven by playwright-core), shared by PDF exports and the diagram
 * renderer: started by the first export, closed again after BROWSER_IDLE_MS without one (it holds 150–250 MB in its
 * own processes), and relaunched if it dies. Every context it hands out blocks requests to any other origin.
 * Sandboxed unless the server runs as root (chromium-args.ts).
 */

/** A browser unused this long is closed; the next export starts it again (about a second). */
export const BROWSER_IDLE_MS = 2 * 60_000;

export class PdfUnavailableError extends Error {
  override name = "PdfUnavailableError";
}

function chromiumPath(): string | null {
  if (env.CHROMIUM_PATH) return existsSync(env.CHROMIUM_PATH) ? env.CHROMIUM_PATH : null;
  for (const name of ["chromium", "chromium-browser"]) {
    const found = spawnSync("sh", ["-c", `command -v ${name}`], { encoding: "utf8" });
    if (found.status === 0 && found.stdout.trim()) return found.stdout.trim();
  }
  return null;
}

let browser: Promise<Browser> | null = null;
const contexts = new Map<string, Promise<BrowserContext>>();
let idleTimer: NodeJS.Timeout | undefined;
let warnedUnsandboxed = false;

/** Every use pushes the idle deadline back; renders finish within their 25 s deadline, well inside it. */
function keepAlive() {
  clearTimeout(idleTimer);
  idleTimer = setTimeout(() => {
    const closing = browser;
    if (!closing) return;
    browser = null;
    contexts.clear();
    logger.info("PDF browser idle: closed");
    void closing.then((b) => b.close()).catch(() => undefined);
  }, BROWSER_IDLE_MS);
  idleTimer.unref();
}

function getBrowser(): Promise<Browser> {
  keepAlive();
  if (!browser) {
    const executablePath = chromiumPath();
    if (!executablePath) throw new PdfUnavailableError("Chromium is not installed on the server.");
    const { args, sandboxed } = serverChromiumArgs(process.getuid?.());
    if (!sandboxed && !warnedUnsandboxed) {
      warnedUnsandboxed = true;
      logger.warn(
        "the server runs as root, so its PDF browser runs without Chromium's sandbox; run it as another user",
      );
    }
    const launching = chromium.launch({ executablePath, args });
    browser = launching;
    launching
      .then((b) =>
        b.on("disconnected", () => {
          if (browser !== launching) return; // an idle browser closed after a new one started
          browser = null;
          contexts.clear();
        }),
      )
      .catch(() => void (browser === launching && (browser = null)));
  }
  return browser;
}

/**
 * A long-lived context for one origin, with or without page scripts. Its HTTP cache survives between renders, and
 * the route filter that aborts every request to another origin is installed once.
 */
export function getContext(origin: string, { scripts }: { scripts: boolean }): Promise<BrowserContext> {
  keepAlive();
  const key = `${scripts ? "js" : "static"} ${origin}`;
  const existing = contexts.get(key);
  if (existing) return existing;
  const context = (async () => {
    const created = await (await getBrowser()).newContext({ javaScriptEnabled: scripts, colorScheme: "light" });
    await created.route("**/*", (route) =>
      new URL(route.request().url()).origin === origin ? route.continue() : route.abort("blockedbyclient"),
    );
    created.on("close", () => void (contexts.get(key) === context && contexts.delete(key)));
    return created;
  })();
  contexts.set(key, context);
  context.catch(() => void (contexts.get(key) === context && contexts.delete(key)));
  return context;
}
