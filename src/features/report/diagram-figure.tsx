import type { ReactNode, Ref } from "react";

/** "server": a slot the PDF renderer fills; until it does, it says the diagram could not be drawn. */
export type DiagramState = "loading" | "ready" | "failed" | "server";

/**
 * The frame of a lifecycle diagram: the drawing, a state line, the caption and the Mermaid source. Shared by the
 * browser-drawn diagram and the print page's server-filled slot, so both look the same.
 */
export function DiagramFigure({
  state,
  title,
  source,
  figureRef,
  containerRef,
}: {
  state: DiagramState;
  title: string;
  source: string;
  figureRef?: Ref<HTMLElement>;
  containerRef?: Ref<HTMLDivElement>;
}) {
  // The PDF renderer puts the SVG in this container (src/server/pdf/diagram-slot.ts).
  const slot = state === "server";
  let message: ReactNode = null;
  if (state === "loading") message = <p className="text-sm text-slate-600">Drawing the diagram…</p>;
  if (state === "failed" || state === "server")
    message = <p className="text-sm text-red-700">The diagram could not be drawn here; its Mermaid source is below.</p>;
  return (
    <figure
      ref={figureRef}
      className="rounded-lg border border-line bg-white p-4 text-slate-900"
      data-diagram-state={state}
    >
      <div
        ref={containerRef}
        data-diagram-slot={slot ? "" : undefined}
        className="overflow-x-auto [&_svg]:mx-auto [&_svg]:h-auto [&_svg]:max-w-full"
      >
        {slot ? message : null}
      </div>
      {slot ? null : message}
      <figcaption className="mt-3 text-sm text-slate-600">{title}</figcaption>
      <details className="no-print mt-2 text-sm">
        <summary className="cursor-pointer text-slate-700">Mermaid source</summary>
        <pre className="mt-2 max-h-72 overflow-auto rounded bg-slate-100 p-3 text-xs">{source}</pre>
      </details>
    </figure>
  );
}
