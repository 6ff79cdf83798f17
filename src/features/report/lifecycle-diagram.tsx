"use client";

import { useEffect, useId, useRef, useState } from "react";
import { DiagramFigure, THEMED_SVG, type DiagramState } from "./diagram-figure";
import { DIAGRAM_FONT_PX, labelSvg, MERMAID_CONFIG, MIN_LABEL_PX, naturalWidth } from "./mermaid-config";

/**
 * Renders Mermaid source to SVG in the browser. Mermaid is imported only here and only when this component mounts,
 * so pages without a diagram never load it.
 *
 * Sizing: the drawing shrinks to the figure's width, but never below MIN_LABEL_PX labels; on a phone it keeps that
 * size and scrolls sideways. "Open full size" shows it at its natural size in a dialog (moving the same SVG there and
 * back, so the page never holds two copies with the same ids).
 */
export function LifecycleDiagram({
  source,
  shownSource = source,
  title,
  eager = false,
}: {
  /** What Mermaid draws (with Mermaid 12 layout hints). */
  source: string;
  /** What the "Mermaid source" box shows: the portable source, as in the Markdown export. */
  shownSource?: string;
  title: string;
  eager?: boolean;
}) {
  const container = useRef<HTMLDivElement>(null);
  const dialog = useRef<HTMLDialogElement>(null);
  const dialogBody = useRef<HTMLDivElement>(null);
  const [state, setState] = useState<DiagramState>("loading");
  // Draw only once the figure is near the viewport (unless printing): Mermaid is large and its layout is CPU-heavy.
  const [visible, setVisible] = useState(eager);
  const figure = useRef<HTMLElement>(null);

  useEffect(() => {
    if (visible || !figure.current) return;
    const observer = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && setVisible(true), {
      rootMargin: "400px",
    });
    observer.observe(figure.current);
    return () => observer.disconnect();
  }, [visible]);
  const reactId = useId();
  const id = `diagram-${reactId.replace(/[^A-Za-z0-9]/g, "")}`;

  useEffect(() => {
    if (!visible) return;
    let cancelled = false;
    void (async () => {
      try {
        const mermaid = (await import("mermaid")).default;
        mermaid.initialize(MERMAID_CONFIG);
        const { svg } = await mermaid.render(id, source);
        if (cancelled || !container.current) return;
        container.current.innerHTML = svg;
        const drawn = container.current.querySelector("svg");
        labelSvg(drawn, title);
        const width = naturalWidth(drawn);
        if (drawn && width > 0) drawn.style.minWidth = `${Math.ceil((width * MIN_LABEL_PX) / DIAGRAM_FONT_PX)}px`;
        setState("ready");
      } catch {
        if (!cancelled) setState("failed");
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [id, source, title, visible]);

  const openFullSize = () => {
    const svg = container.current?.querySelector("svg");
    if (!svg || !dialog.current || !dialogBody.current) return;
    svg.style.width = `${naturalWidth(svg)}px`;
    svg.style.maxWidth = "none";
    dialogBody.current.append(svg);
    dialog.current.showModal();
  };
  const putBack = () => {
    const svg = dialogBody.current?.querySelector("svg");
    if (!svg || !container.current) return;
    svg.style.width = "";
    svg.style.maxWidth = `${naturalWidth(svg)}px`;
    container.current.append(svg);
  };

  return (
    <>
      <DiagramFigure
        state={state}
        title={title}
        source={shownSource}
        figureRef={figure}
        containerRef={container}
        actions={
          state === "ready" ? (
            <button
              type="button"
              onClick={openFullSize}
              className="no-print rounded-md border border-line px-3 py-1.5 text-sm font-medium hover:bg-surface-muted"
            >
              Open full size
            </button>
          ) : null
        }
      />
      <dialog
        ref={dialog}
        onClose={putBack}
        aria-label="Lifecycle diagram, full size"
        className="m-0 h-dvh max-h-none w-dvw max-w-none bg-surface p-0 text-ink backdrop:bg-black/60"
      >
        <div className="sticky top-0 left-0 z-10 flex items-center justify-between gap-3 border-b border-line bg-surface px-4 py-2">
          <p className="text-sm font-semibold">Lifecycle diagram</p>
          <form method="dialog">
            <button type="submit" autoFocus className="rounded-md border border-line px-3 py-1.5 text-sm font-medium">
              Close
            </button>
          </form>
        </div>
        <div ref={dialogBody} className={`overflow-auto p-4 [&_svg]:h-auto ${THEMED_SVG}`} />
      </dialog>
    </>
  );
}
