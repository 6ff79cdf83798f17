import path from "node:path";
import { beforeAll, describe, expect, test } from "vitest";
import { ZToolInput, type ToolInput } from "../../src/domain/catalog/schema";
import {
  integrationPairs,
  validateCatalogReferences,
  type CatalogContent,
} from "../../src/domain/catalog/validate-catalog";
import { isRetiredStatus } from "../../src/domain/catalog/vocabulary";
import { loadCatalogContent } from "../../src/server/content/load-catalog-content";
import { COVERAGE_TOOLS, RETIRED_TOOLS } from "../fixtures/coverage-tools";

let content: CatalogContent;
let tools: ToolInput[];
let bySlug: Map<string, ToolInput>;

beforeAll(async () => {
  const loaded = await loadCatalogContent(path.resolve("content"));
  if (!loaded.ok)
    throw new Error(
      `content/ is invalid:\n${loaded.issues.map((i) => `${i.file} ${i.path.join(".")}: ${i.message}`).join("\n")}`,
    );
  content = loaded.value;
  tools = content.tools.map((t) => t.tool);
  bySlug = new Map(tools.map((t) => [t.slug, t]));
});

describe("the catalog in content/", () => {
  test("holds at least 150 tools and 300 distinct integration links", () => {
    expect(tools.length).toBeGreaterThanOrEqual(150);
    expect(integrationPairs(tools).length).toBeGreaterThanOrEqual(300);
  });

  test("covers every tool named in the coverage file", () => {
    const missing = Object.entries(COVERAGE_TOOLS)
      .filter(([, slug]) => !bySlug.has(slug))
      .map(([name]) => name);
    expect(missing).toEqual([]);
  });

  test.each(RETIRED_TOOLS)("%s is marked retired and points at %s, which is usable", (slug, successor) => {
    const tool = bySlug.get(slug);
    expect(tool && isRetiredStatus(tool.status)).toBe(true);
    expect(tool?.successor).toBe(successor);
    expect(bySlug.get(successor)?.status).toMatch(/^(active|maintenance)$/);
    expect(tool?.statusNote).toBeTruthy();
  });

  test("every phase has capabilities and every capability has at least one usable tool", () => {
    for (const { phase } of content.phases) {
      expect(
        content.capabilities.some((c) => c.capability.phase === phase.slug),
        phase.slug,
      ).toBe(true);
    }
    for (const { capability } of content.capabilities) {
      const usable = tools.filter(
        (t) =>
          !isRetiredStatus(t.status) &&
          (t.capabilities.primary.includes(capability.slug) || t.capabilities.secondary.includes(capability.slug)),
      );
      expect(usable.length, capability.slug).toBeGreaterThan(0);
    }
  });

  test("tools that need Kubernetes are not offered to stage-1 teams", () => {
    const offenders = tools.filter((t) => t.needsKubernetes && t.stages.includes(1)).map((t) => t.slug);
    expect(offenders).toEqual([]);
  });

  test("cloud-provider services name their cloud, not 'any'", () => {
    const offenders = tools.filter(
      (t) => t.hosting.length === 1 && t.hosting[0] === "cloud-service" && t.clouds.includes("any"),
    );
    expect(offenders.map((t) => t.slug)).toEqual([]);
  });

  test("every description is our own multi-sentence text, not a copy of the summary", () => {
    for (const tool of tools) {
      expect(tool.description.length, tool.slug).toBeGreaterThan(200);
      expect(tool.description.startsWith(tool.summary), tool.slug).toBe(false);
    }
  });
});

describe("content validation catches", () => {
  function sample(overrides: Record<string, unknown> = {}) {
    return {
      slug: "sample-tool",
      name: "Sample Tool",
      summary: "A sample.",
      description: "A sample tool used by the validation tests.",
      homepage: "https://example.com",
      license: "MIT",
      pricing: "open-source",
      hosting: ["self-hosted"],
      clouds: ["any"],
      needsKubernetes: false,
      stages: [1, 2],
      opsComplexity: 1,
      learningCurve: 1,
      teamSizes: ["small"],
      capabilities: { primary: ["testing"] },
      strengths: ["Small"],
      limitations: ["Fictional"],
      status: "active",
      lastReviewed: "2026-11-23",
      ...overrides,
    };
  }

  test.each([
    ["a missing required field", { summary: undefined }, "summary"],
    ["an unknown licence", { license: "GPL" }, "license"],
    ["an out-of-range rating", { opsComplexity: 6 }, "opsComplexity"],
    ["a sunset tool without successor", { status: "sunset", statusNote: "Gone." }, "successor"],
    ["a non-active tool without a note", { status: "maintenance" }, "statusNote"],
    ["an unknown field", { colour: "blue" }, ""],
    ["a bad slug", { slug: "Not A Slug" }, "slug"],
    ["an impossible date", { lastReviewed: "2026-02-30" }, "lastReviewed"],
  ])("%s", (_label, overrides, path) => {
    const result = ZToolInput.safeParse(sample(overrides));
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join("."))).toContain(path);
  });

  test("unknown capabilities, integration targets and successors, and duplicate slugs", () => {
    const base = ZToolInput.parse(sample());
    const broken: CatalogContent = {
      phases: [
        {
          file: "phases.yaml",
          index: 0,
          phase: { slug: "cicd", name: "CI", order: 1, description: "d", isOverlay: false },
        },
      ],
      capabilities: [
        {
          file: "capabilities.yaml",
          index: 0,
          capability: { slug: "testing", name: "Testing", phase: "cicd", description: "d", neededFromStage: 1, plan: null },
        },
      ],
      tools: [
        {
          file: "tools/a.yaml",
          index: 0,
          tool: { ...base, capabilities: { primary: ["teleportation"], secondary: [] } },
        },
        { file: "tools/a.yaml", index: 1, tool: { ...base, slug: "other", name: "Other", integrations: ["ghost"] } },
        {
          file: "tools/b.yaml",
          index: 0,
          tool: { ...base, slug: "other", name: "Other 2", status: "sunset", successor: "nowhere", statusNote: "x" },
        },
      ],
    };
    const messages = validateCatalogReferences(broken).map((i) => `${i.file} ${i.path.join(".")} ${i.message}`);
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^tools\/a\.yaml 0\.capabilities\.primary\.0 unknown capability "teleportation"/),
        expect.stringMatching(/^tools\/a\.yaml 1\.integrations\.0 unknown integration target "ghost"/),
        expect.stringMatching(/^tools\/b\.yaml 0\.slug duplicate tool slug "other"/),
        expect.stringMatching(/^tools\/b\.yaml 0\.successor unknown successor "nowhere"/),
      ]),
    );
  });
});
