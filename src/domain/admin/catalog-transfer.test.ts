import { describe, expect, test } from "vitest";
import { makeCatalog, makeTool } from "../../../tests/fixtures/catalog-builders";
import { catalogToBundle, planImport, toolFileGroups } from "./catalog-transfer";
import { toolInputOf, toolInputFromSnapshot } from "./snapshots";

const catalog = makeCatalog([
  makeTool({ slug: "alpha", integrations: ["beta", "gamma"] }),
  makeTool({ slug: "beta", integrations: ["alpha"] }),
  makeTool({ slug: "gamma", integrations: ["alpha"], capabilities: { primary: ["model-serving"], secondary: [] } }),
]);
const located = (tools: ReturnType<typeof toolInputOf>[]) => ({
  phases: [],
  capabilities: [],
  tools: tools.map((tool, index) => ({ file: "f.yaml tools", index, tool })),
});

describe("planImport", () => {
  test("the catalog's own export plans no change", () => {
    const bundle = catalogToBundle(catalog);
    const plan = planImport(catalog, located(bundle.tools));
    expect(plan.issues).toEqual([]);
    expect(plan.tools.every((t) => t.action === "unchanged")).toBe(true);
  });

  test("a tool in the file declares all its integrations; its partners follow, others keep theirs", () => {
    const alpha = { ...toolInputOf(catalog.tools[0]!), integrations: ["beta"] };
    const plan = planImport(catalog, located([alpha]));
    expect(plan.tools).toEqual([
      expect.objectContaining({
        slug: "alpha",
        action: "update",
        changes: [{ field: "integrations", before: ["beta", "gamma"], after: ["beta"] }],
      }),
    ]);
    expect(plan.partners.get("gamma")).toEqual([]);
    expect(plan.partners.has("beta")).toBe(false);
  });

  test("either side of a pair may declare it", () => {
    const delta = { ...toolInputOf(makeTool({ slug: "delta" })), integrations: ["beta"] };
    const plan = planImport(catalog, located([delta]));
    expect(plan.tools[0]).toMatchObject({ slug: "delta", action: "create", next: { integrations: ["beta"] } });
    expect(plan.partners.get("beta")).toEqual(["alpha", "delta"]);
  });

  test("references to entries that exist neither in the catalog nor in the file are issues located in the file", () => {
    const broken = { ...toolInputOf(makeTool({ slug: "delta" })), integrations: ["nowhere"] };
    expect(planImport(catalog, located([broken])).issues).toEqual([
      { file: "f.yaml tools", path: [0, "integrations", 0], message: 'unknown integration target "nowhere"' },
    ]);
  });

  test("tools are grouped into files by the phase of their first primary capability", () => {
    expect([...toolFileGroups(catalog)].map(([file, tools]) => [file, tools.map((t) => t.slug)])).toEqual([
      ["experimentation.yaml", ["alpha", "beta"]],
      ["serving.yaml", ["gamma"]],
    ]);
  });
});

describe("toolInputFromSnapshot", () => {
  test("reads the seed's column-shaped records; integrations are unknown there", () => {
    const seedShape = {
      slug: "x",
      name: "X",
      isOpenSource: true,
      lastReviewed: "2026-01-02T00:00:00.000Z",
      capabilityLinks: [
        { slug: "a", role: "primary" },
        { slug: "b", role: "secondary" },
      ],
      successorSlug: null,
    };
    expect(toolInputFromSnapshot(seedShape)).toEqual({
      raw: {
        slug: "x",
        name: "X",
        lastReviewed: "2026-01-02",
        capabilities: { primary: ["a"], secondary: ["b"] },
        successor: null,
      },
      hasIntegrations: false,
    });
  });

  test("reads maintainers' content-shaped records as they are, without the version", () => {
    const snapshot = { ...toolInputOf(catalog.tools[0]!), version: 4 };
    const converted = toolInputFromSnapshot(snapshot);
    expect(converted?.hasIntegrations).toBe(true);
    expect(converted?.raw).toEqual(toolInputOf(catalog.tools[0]!));
    expect(toolInputFromSnapshot(null)).toBeNull();
  });
});
