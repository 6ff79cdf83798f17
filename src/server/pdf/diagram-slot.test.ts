import { describe, expect, test } from "vitest";
import { fillDiagramSlot } from "./diagram-slot";

const page = (slot: string) =>
  `<main><figure data-diagram-state="server"><div data-diagram-slot="" class="x">${slot}</div>` +
  `<figcaption>Caption</figcaption></figure><div>after</div></main>`;
const note = "<p>The diagram could not be drawn here; its Mermaid source is below.</p>";
const svg = '<svg id="d" viewBox="0 0 10 10"><foreignObject><div>Label $& $1</div></foreignObject></svg>';

describe("fillDiagramSlot", () => {
  test("replaces the slot's note with the SVG, leaving the rest of the page alone", () => {
    expect(fillDiagramSlot(page(note), svg)).toBe(page(svg));
  });

  test("keeps $ sequences in the SVG literal", () => {
    expect(fillDiagramSlot(page(note), svg)).toContain("Label $& $1");
  });

  test("leaves the page as it was without a slot, or when the drawing is not an SVG", () => {
    const noSlot = "<main><div>no slot</div></main>";
    expect(fillDiagramSlot(noSlot, svg)).toBe(noSlot);
    expect(fillDiagramSlot(page(note), "<script>x</script>")).toBe(page(note));
  });
});
