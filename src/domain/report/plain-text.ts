/**
 * Catalog and answer text flattened to one line: control characters (C0, DEL, C1, line and paragraph separators)
 * and runs of whitespace become single spaces. Every report format starts from this.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g;

export function toPlainLine(text: string): string {
  return text.replace(CONTROL, " ").replace(/\s+/g, " ").trim();
}

/** Like toPlainLine, but keeps a single leading or trailing space: for pieces of a sentence joined by a renderer. */
export function toPlainPiece(text: string): string {
  return text.replace(CONTROL, " ").replace(/\s+/g, " ");
}
