import "server-only";
import type { Page } from "playwright-core";
import { logger } from "../log/logger";
import { getContext } from "./browser";

/**
 * Draws Mermaid diagrams for PDF exports in a page that stays open with Mermaid loaded (/print/diagram-renderer),
 * so an export pays for the diagram's layout, not for downloading and compiling Mermaid every time. The page draws
 * one diagram at a time; it is reopened if it crashes or closes.
 */

let renderer: { origin: string; page: Promise<Page> } | null = null;

function getRendererPage(origin: string): Promise<Page> {
  if (renderer?.origin === origin) return renderer.page;
  const page = (async () => {
    const opened = await (await getContext(origin, { scripts: true })).newPage();
    const forget = () => void (renderer?.page === page && (renderer = null));
    opened.on("close", forget);
    opened.on("crash", () => {
      forget();
      void opened.close().catch(() => undefined);
    });
    await opened.goto(`${origin}/print/diagram-renderer`, { waitUntil: "load" });
    await opened.waitForFunction(() => document.body.dataset.rendererReady === "true");
    return opened;
  })();
  renderer = { origin, page };
  page.catch(() => void (renderer?.page === page && (renderer = null)));
  return page;
}

/**
 * Drawings already made, by source and title: an A4 and a Letter export of one report, or a report exported again,
 * reuse the SVG instead of laying the diagram out again (ELK's layout is the slow part). Least recently used first out.
 */
const SVG_CACHE_ENTRIES = 32;
const drawn = new Map<string, string>();

/** The diagram as SVG markup (sanitised by Mermaid's strict mode), or a rejection after `timeoutMs`. */
export async function renderDiagramSvg(origin: string, source: string, title: string, timeoutMs: number) {
  const key = `${title}\n${source}`;
  const cached = drawn.get(key);
  if (cached !== undefined) {
    drawn.delete(key);
    drawn.set(key, cached);
    return cached;
  }
  const svg = await drawDiagramSvg(origin, source, title, timeoutMs);
  drawn.set(key, svg);
  for (const oldest of drawn.keys()) {
    if (drawn.size <= SVG_CACHE_ENTRIES) break;
    drawn.delete(oldest);
  }
  return svg;
}

async function drawDiagramSvg(origin: string, source: string, title: string, timeoutMs: number) {
  const started = Date.now();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error("diagram rendering timed out")), timeoutMs);
  });
  try {
    const page = await Promise.race([getRendererPage(origin), timeout]);
    const svg = await Promise.race([
      page.evaluate(([s, t]) => window.renderDiagram!(s, t), [source, title] as const),
      timeout,
    ]);
    logger.debug({ ms: Date.now() - started, bytes: svg.length }, "diagram rendered");
    return svg;
  } finally {
    clearTimeout(timer);
  }
}
