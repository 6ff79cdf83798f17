"use client";

import { useEffect } from "react";
import { labelSvg, MERMAID_CONFIG } from "./mermaid-config";

declare global {
  // Adding to Window takes declaration merging, which only an interface does.
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions
  interface Window {
    /** Set by DiagramRenderer: Mermaid source in, labelled SVG markup out. */
    renderDiagram?: (source: string, title: string) => Promise<string>;
  }
}

/**
 * The PDF export's diagram engine: a page the server keeps open in its headless Chromium with Mermaid loaded once,
 * so that each export pays for the layout only (src/server/pdf/diagram-renderer.ts). Renders one diagram at a time.
 */
export function DiagramRenderer() {
  useEffect(() => {
    let queue = Promise.resolve();
    let count = 0;
    void import("mermaid").then(({ default: mermaid }) => {
      mermaid.initialize(MERMAID_CONFIG);
      window.renderDiagram = (source, title) => {
        const result = queue.then(async () => {
          const { svg } = await mermaid.render(`pdf-diagram-${++count}`, source);
          const holder = document.createElement("div");
          holder.innerHTML = svg;
          labelSvg(holder.querySelector("svg"), title);
          return holder.innerHTML;
        });
        queue = result.then(
          () => undefined,
          () => undefined,
        );
        return result;
      };
      document.body.dataset.rendererReady = "true";
    });
  }, []);
  return <p className="p-6 text-sm text-ink-muted">Diagram renderer for PDF exports.</p>;
}
