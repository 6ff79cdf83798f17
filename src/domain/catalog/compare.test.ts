import { describe, expect, test } from "vitest";
import { makeCatalog, makeTool } from "../../../tests/fixtures/catalog-builders";
import { compareTools, parseCompareParam, resolveAddedTool } from "./compare";
import { findAlternatives } from "./alternatives";

const catalog = makeCatalog([
  makeTool({ slug: "a", integrations: ["b"] }),
  makeTool({ slug: "b", integrations: ["a"], pricing: "freemium" }),
  makeTool({ slug: "c" }),
  makeTool({ slug: "d" }),
  makeTool({ slug: "e", status: "sunset", successor: "a", statusNote: "gone" }),
]);

describe("compareTools", () => {
  test("puts the tools side by side and marks only the rows that differ", () => {
    const { tools, rows } = compareTools(["a", "b"], catalog);
    expect(tools.map((t) => t.slug)).toEqual(["a", "b"]);
    const row = (label: string) => rows.find((r) => r.label === label)!;
    expect(row("Pricing").differs).toBe(true);
    expect(row("Licence").differs).toBe(false);
    expect(row("Integrates with the others here").cells).toEqual([["B"], ["A"]]);
  });

  test("reports unknown slugs and caps the comparison at four tools", () => {
    const result = compareTools(["a", "zzz", "b", "c", "d", "e"], catalog);
    expect(result.tools.map((t) => t.slug)).toEqual(["a", "b", "c", "d"]);
    expect(result.unknown).toEqual(["zzz"]);
    expect(result.dropped).toEqual(["e"]);
  });

  test.each([
    ["a slug", "c", "c"],
    ["a slug in any case, with spaces", "  B  ", "b"],
    ["words, through the search", "tracker", "d"],
    ["nothing", "zzz", undefined],
    ["empty text", " ", undefined],
  ])("resolves what was typed into Add a tool without scripts: %s", (_what, typed, expected) => {
    const search = (text: string) => (text === "tracker" ? [catalog.tools[3]!] : []);
    expect(resolveAddedTool(typed, catalog, search)?.slug).toBe(expected);
  });

  test("reads ?tools=a,b and the picker's &add=c into distinct slugs", () => {
    expect(parseCompareParam("a,b, a", "c")).toEqual(["a", "b", "c"]);
    expect(parseCompareParam(undefined)).toEqual([]);
  });
});

describe("findAlternatives", () => {
  test("offers usable tools sharing a primary capability, never retired ones", () => {
    const a = catalog.tools[0]!;
    expect(findAlternatives(a, catalog.tools, 10).map((t) => t.slug)).toEqual(["b", "c", "d"]);
  });
});
