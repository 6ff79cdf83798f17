import "server-only";
import { logger } from "../log/logger";
import { getContext, PdfUnavailableError } from "./browser";
import { renderDiagramSvg } from "./diagram-renderer";
import { fillDiagramSlot } from "./diagram-slot";

/**
 * Renders our own print page to PDF with the server's headless Chromium. The print page is loaded without scripts
 * (it needs none) while the diagram is drawn in parallel by the warm diagram renderer and put into the page's slot
 * as the HTML arrives. Each render has a deadline, and at most MAX_CONCURRENT_RENDERS run at once (the rest wait
 * their turn up to the same deadline).
 */

/** Chromium renders are memory-hungry; two at once keeps a 2-core machine responsive. */
export const MAX_CONCURRENT_RENDERS = 2;
/** A render that takes longer than this is abandoned (the user gets a 504). */
export const PDF_TIMEOUT_MS = 25_000;

export { PdfUnavailableError };
export class PdfTimeoutError extends Error {
  override name = "PdfTimeoutError";
}

export type PaperFormat = "A4" | "Letter";
export type PdfDiagram = { source: string; title: string };

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

/** `url` is the print page; with `diagram`, it must be the page's `?diagram=server` form, whose slot gets the SVG. */
export async function renderPdf(url: string, format: PaperFormat, diagram?: PdfDiagram): Promise<Buffer> {
  const deadline = Date.now() + PDF_TIMEOUT_MS;
  const release = await acquire(deadline);
  const started = Date.now();
  const origin = new URL(url).origin;
  try {
    const svg = diagram
      ? renderDiagramSvg(origin, diagram.source, diagram.title, deadline - Date.now()).catch((error: unknown) => {
          logger.warn({ err: error }, "diagram not drawn for the PDF; it shows its Mermaid source instead");
          return null;
        })
      : null;
    const page = await (await getContext(origin, { scripts: false })).newPage();
    try {
      page.setDefaultTimeout(Math.max(1000, deadline - Date.now()));
      if (svg) {
        await page.route(
          (target) => target.href === url,
          async (route) => {
            const response = await route.fetch();
            const drawn = await svg;
            const html = await response.text();
            await route.fulfill({ response, body: drawn ? fillDiagramSlot(html, drawn) : html });
          },
        );
      }
      const response = await page.goto(url, { waitUntil: "load" });
      if (!response || response.status() !== 200)
        throw new Error(`print page answered ${response?.status() ?? "nothing"}`);
      const loaded = Date.now();
      // The print page sets its own page sizes (portrait text, a landscape page for the diagram). The outline
      // (bookmarks) comes from its headings, and a tagged PDF carries its structure for screen readers.
      const pdf = await page.pdf({
        format,
        preferCSSPageSize: true,
        printBackground: true,
        outline: true,
        tagged: true,
        displayHeaderFooter: true,
        headerTemplate: "<span></span>",
        footerTemplate:
          '<div style="font-size:8px;width:100%;padding:0 12mm;color:#555;display:flex;justify-content:space-between"><span>MLOps Stack Advisor</span><span>Page <span class="pageNumber"></span> of <span class="totalPages"></span></span></div>',
      });
      const ms = Date.now() - started;
      logger.info(
        { format, ms, loadMs: loaded - started, printMs: Date.now() - loaded, bytes: pdf.length },
        "pdf rendered",
      );
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
