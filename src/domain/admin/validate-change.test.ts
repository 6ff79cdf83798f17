import { describe, expect, test } from "vitest";
import { makeCatalog, makeTool } from "../../../tests/fixtures/catalog-builders";
import { toolInputOf } from "./snapshots";
import { validateCatalogChange } from "./validate-change";

const catalog = makeCatalog([
  makeTool({ slug: "alpha", integrations: ["beta"] }),
  makeTool({ slug: "beta", integrations: ["alpha"] }),
  makeTool({ slug: "gamma", status: "deprecated", successor: "beta", statusNote: "Use beta." }),
]);
const alpha = toolInputOf(catalog.tools[0]!);

describe("validateCatalogChange", () => {
  test("a change that keeps the catalog consistent has no issues", () => {
    expect(
      validateCatalogChange(catalog, { kind: "tool", slug: "alpha", next: { ...alpha, summary: "New." } }),
    ).toEqual([]);
  });

  test("issues on the changed entry keep their field path", () => {
    const issues = validateCatalogChange(catalog, {
      kind: "tool",
      slug: "alpha",
      next: { ...alpha, integrations: ["beta", "nope"], successor: "zeta", status: "sunset", statusNote: "x" },
    });
    expect(issues).toEqual(
      expect.arrayContaining([
        { path: ["integrations", 1], message: 'unknown integration target "nope"' },
        { path: ["successor"], message: 'unknown successor "zeta"' },
      ]),
    );
  });

  test("a duplicate name is reported on the new entry, not on the existing one", () => {
    const issues = validateCatalogChange(catalog, {
      kind: "tool",
      slug: "delta",
      next: { ...alpha, slug: "delta", name: "ALPHA" },
    });
    expect(issues).toEqual([{ path: ["name"], message: 'duplicate tool name "alpha"' }]);
  });

  test("breaking another entry is reported with that entry's name", () => {
    const beta = toolInputOf(catalog.tools[1]!);
    const issues = validateCatalogChange(catalog, {
      kind: "tool",
      slug: "beta",
      next: { ...beta, status: "sunset", successor: "alpha", statusNote: "Gone." },
    });
    expect(issues).toEqual([
      { path: [], message: 'tool "gamma": successor "beta" is itself sunset; point at an active tool' },
    ]);
  });

  test("deleting a capability that tools use, or a phase that capabilities use, is an issue", () => {
    expect(
      validateCatalogChange(catalog, { kind: "capability", slug: "experiment-tracking", next: null }).length,
    ).toBeGreaterThan(0);
    expect(validateCatalogChange(catalog, { kind: "phase", slug: "serving", next: null })).toEqual([
      { path: [], message: 'capability "model-serving": unknown phase "serving"' },
    ]);
  });
});
