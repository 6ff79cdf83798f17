import type { ReactNode, Ref } from "react";

/** "server": a slot the PDF renderer fills; until it does, it says the diagram could not be drawn. */
export type DiagramState = "loading" | "ready" | "failed" | "server";

/**
 * Mermaid bakes its theme into the SVG; these rules repaint the frames, titles and arrows from the page's own colour
 * variables, so one drawing reads in light and dark mode (the tool boxes keep their colours, chosen to read on both).
 */
export const THEMED_SVG =
  "[&_.cluster_rect]:!fill-surface-muted [&_.cluster_rect]:!stroke-line [&_.cluster-label]:!text-ink " +
  "[&_.cluster-label_span]:!text-ink [&_.cluster_text]:!fill-ink [&_.flowchart-link]:!stroke-ink-muted " +
  "[&_marker_path]:!fill-ink-muted [&_marker_path]:!stroke-ink-muted [&_.edgeLabel]:!bg-surface " +
  "[&_.edgeLabel_p]:!bg-surface [&_.edgeLabel]:!text-ink-muted [&_.labelBkg]:!bg-surface";

/**
 * The frame of a lifecycle diagram: a caption with the legend's meaning, the drawing, a state line and the Mermaid
 * source. Shared by the browser-drawn diagram and the print page's server-filled slot, so both look the same. The
 * drawing scrolls sideways when the screen is narrower than it can shrink to (see LifecycleDiagram).
 */
export function DiagramFigure({
  state,
  title,
  source,
  figureRef,
  containerRef,
  actions,
}: {
  state: DiagramState;
  title: string;
  source: string;
  figureRef?: Ref<HTMLElement>;
  containerRef?: Ref<HTMLDivElement>;
  /** Controls shown next to the caption (the page's "Open full size"). */
  actions?: ReactNode;
}) {
  // The PDF renderer puts the SVG in this container (src/server/pdf/diagram-slot.ts).
  const slot = state === "server";
  let message: ReactNode = null;
  if (state === "loading") message = <p className="text-sm text-ink-muted">Drawing the diagram…</p>;
  if (state === "failed" || state === "server")
    message = <p className="text-sm text-danger">The diagram could not be drawn here; its Mermaid source is below.</p>;
  return (
    <figure
      ref={figureRef}
      className="diagram-figure rounded-lg border border-line bg-surface p-3 text-ink sm:p-4"
      data-diagram-state={state}
    >
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <figcaption className="text-sm text-ink-muted">{title}</figcaption>
        {actions}
      </div>
      <div
        ref={containerRef}
        data-diagram-slot={slot ? "" : undefined}
        tabIndex={state === "ready" ? 0 : undefined}
        aria-label={state === "ready" ? "Lifecycle diagram (scrolls sideways on small screens)" : undefined}
        role={state === "ready" ? "region" : undefined}
        className={`diagram-scroll mt-3 overflow-x-auto [&_svg]:mx-auto [&_svg]:h-auto ${THEMED_SVG}`}
      >
        {slot ? message : null}
      </div>
      {slot ? null : message}
      <details className="no-print mt-2 text-sm">
        <summary className="cursor-pointer text-ink-muted">Mermaid source</summary>
        <pre className="mt-2 max-h-72 overflow-auto rounded bg-surface-muted p-3 text-xs">{source}</pre>
      </details>
    </figure>
  );
}
