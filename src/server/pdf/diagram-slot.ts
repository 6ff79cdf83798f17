/**
 * Puts a rendered SVG into the print page's diagram slot (see DiagramFigure's "server" state). The slot holds only
 * the "could not be drawn" note, so when no SVG is given, or the page has no slot, the page stays as it was.
 */
const SLOT = /(<div\b[^>]*\bdata-diagram-slot=""[^>]*>)[\s\S]*?(<\/div>)/;

export function fillDiagramSlot(html: string, svg: string): string {
  if (!svg.trimStart().startsWith("<svg")) return html;
  // A function replacement: "$" sequences in the SVG must stay literal.
  return html.replace(SLOT, (_match, open: string, close: string) => `${open}${svg}${close}`);
}
