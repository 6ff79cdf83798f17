"use client";

import { useEffect, useId, useRef, useState } from "react";

/**
 * Renders Mermaid source to SVG in the browser. Mermaid is imported only here and only when this component mounts,
 * so pages without a diagram never load it. Security level "strict" makes Mermaid sanitise its output and ignore
 * click handlers and directives; our labels arrive entity-encoded, so they render as text, never as markup.
 */
export function LifecycleDiagram({ source, title, eager = false }: { source: string; title: string; eager?: boolean }) {
  const container = useRef<HTMLDivElement>(null);
  const [state, setState] = useState<"loading" | "ready" | "failed">("loading");
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
        mermaid.initialize({
          startOnLoad: false,
          securityLevel: "strict",
          theme: "base",
          fontFamily: "Inter Variable, ui-sans-serif, system-ui, sans-serif",
          flowchart: { curve: "basis", useMaxWidth: true },
          themeVariables: { clusterBkg: "#f8fafc", clusterBorder: "#cbd5e1", lineColor: "#64748b", fontSize: "14px" },
        });
        const { svg } = await mermaid.render(id, source);
        if (cancelled || !container.current) return;
        container.current.innerHTML = svg;
        const element = container.current.querySelector("svg");
        element?.setAttribute("role", "img");
        element?.setAttribute("aria-label", title);
        setState("ready");
      } catch {
        if (!cancelled) setState("failed");
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [id, source, title, visible]);

  return (
    <figure
      ref={figure}
      className="rounded-lg border border-line bg-white p-4 text-slate-900"
      data-diagram-state={state}
    >
      <div ref={container} className="overflow-x-auto [&_svg]:mx-auto [&_svg]:h-auto [&_svg]:max-w-full" />
      {state === "loading" ? <p className="text-sm text-slate-600">Drawing the diagram…</p> : null}
      {state === "failed" ? (
        <p className="text-sm text-red-700">The diagram could not be drawn here; its Mermaid source is below.</p>
      ) : null}
      <figcaption className="mt-3 text-sm text-slate-600">{title}</figcaption>
      <details className="no-print mt-2 text-sm">
        <summary className="cursor-pointer text-slate-700">Mermaid source</summary>
        <pre className="mt-2 max-h-72 overflow-auto rounded bg-slate-100 p-3 text-xs">{source}</pre>
      </details>
    </figure>
  );
}
