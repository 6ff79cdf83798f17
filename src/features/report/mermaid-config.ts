/**
 * How every lifecycle diagram is drawn, in the report page and in the server's PDF renderer alike. Security level
 * "strict" makes Mermaid sanitise its output and ignore click handlers and directives; our labels arrive
 * entity-encoded, so they render as text, never as markup. Mermaid 12 lays flowcharts out with ELK (its default),
 * which honours the lifecycle's nested directions; the source adds per-group packing hints
 * (src/domain/report/mermaid.ts). Nodes are as wide as their names (minNodeWidth) and wrap long ones, so that six
 * lifecycle columns fit a 1366-px screen.
 */
export const MERMAID_CONFIG = {
  startOnLoad: false,
  securityLevel: "strict",
  theme: "base",
  layout: "elk",
  fontFamily: 'ui-sans-serif, system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", Arial, sans-serif',
  flowchart: { curve: "basis", useMaxWidth: true, minNodeWidth: 40, wrappingWidth: 150, padding: 8 },
  themeVariables: {
    clusterBkg: "#f8fafc",
    clusterBorder: "#cbd5e1",
    lineColor: "#64748b",
    edgeLabelBackground: "#ffffff",
    titleColor: "#0f172a",
    fontSize: "14px",
  },
} as const;

/** The label size Mermaid draws at scale 1 (MERMAID_CONFIG's fontSize), in CSS pixels. */
export const DIAGRAM_FONT_PX = 14;
/** Smallest label size we let a diagram shrink to on a narrow screen; below it the diagram scrolls sideways. */
export const MIN_LABEL_PX = 12;

/** Role and label on the SVG Mermaid returns, for screen readers. */
export function labelSvg(svg: SVGElement | null, title: string): void {
  svg?.setAttribute("role", "img");
  svg?.setAttribute("aria-label", title);
}

/** The drawing's natural width (its viewBox), in CSS pixels at scale 1; 0 when unknown. */
export function naturalWidth(svg: SVGSVGElement | null): number {
  const box = svg?.getAttribute("viewBox")?.split(/\s+/).map(Number);
  return box && box.length === 4 && Number.isFinite(box[2]) ? box[2]! : 0;
}
