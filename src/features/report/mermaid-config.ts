/**
 * How every lifecycle diagram is drawn, in the report page and in the server's PDF renderer alike. Security level
 * "strict" makes Mermaid sanitise its output and ignore click handlers and directives; our labels arrive
 * entity-encoded, so they render as text, never as markup.
 */
export const MERMAID_CONFIG = {
  startOnLoad: false,
  securityLevel: "strict",
  theme: "base",
  fontFamily: 'ui-sans-serif, system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", Arial, sans-serif',
  flowchart: { curve: "basis", useMaxWidth: true },
  themeVariables: { clusterBkg: "#f8fafc", clusterBorder: "#cbd5e1", lineColor: "#64748b", fontSize: "14px" },
} as const;

/** Role and label on the SVG Mermaid returns, for screen readers. */
export function labelSvg(svg: SVGElement | null, title: string): void {
  svg?.setAttribute("role", "img");
  svg?.setAttribute("aria-label", title);
}
