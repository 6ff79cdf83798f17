"use client";

import { useEffect, useId, useRef, useState } from "react";
import { DiagramFigure, type DiagramState } from "./diagram-figure";
import { labelSvg, MERMAID_CONFIG } from "./mermaid-config";

/**
 * Renders Mermaid source to SVG in the browser. Mermaid is imported only here and only when this component mounts,
 * so pages without a diagram never load it.
 */
export function LifecycleDiagram({ source, title, eager = false }: { source: string; title: string; eager?: boolean }) {
  const container = useRef<HTMLDivElement>(null);
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
        labelSvg(container.current.querySelector("svg"), title);
        setState("ready");
      } catch {
        if (!cancelled) setState("failed");
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [id, source, title, visible]);

  return <DiagramFigure state={state} title={title} source={source} figureRef={figure} containerRef={container} />;
}
