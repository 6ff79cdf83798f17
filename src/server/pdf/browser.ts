import "server-only";
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { chromium, type Browser, type BrowserContext } from "playwright-core";
import { env } from "@/env";
import { CHROMIUM_ARGS } from "./chromium-args";

/**
 * The server's one headless Chromium (Debian's, driven by playwright-core), shared by PDF exports and the diagram
 * renderer and relaunched if it dies. Every context it hands out blocks requests to any other origin.
 */

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

function getBrowser(): Promise<Browser> {
  if (!browser) {
    const executablePath = chromiumPath();
    if (!executablePath) throw new PdfUnavailableError("Chromium is not installed on the server.");
    const launching = chromium.launch({
      executablePath,
      args: CHROMIUM_ARGS,
    });
    browser = launching;
    launching
      .then((b) =>
        b.on("disconnected", () => {
          if (browser === launching) browser = null;
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
