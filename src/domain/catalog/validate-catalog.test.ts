import { describe, expect, test } from "vitest";
import { ZToolInput, type ToolInput } from "./schema";
import { validateCatalogReferences, type CatalogContent } from "./validate-catalog";
import type { ToolStatus } from "./vocabulary";

function tool(slug: string, status: ToolStatus, successor: string | null = null): ToolInput {
  return ZToolInput.parse({
    slug,
    name: slug,
    summary: "A sample.",
    description: "A sample tool used by the successor tests.",
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
    status,
    successor,
    statusNote: status === "active" ? null : "What happened.",
    lastReviewed: "2026-12-03",
  });
}

function catalogOf(...tools: ToolInput[]): CatalogContent {
  return {
    phases: [
      {
        file: "phases.yaml",
        index: 0,
        phase: { slug: "ci", name: "CI", order: 1, description: "d", isOverlay: false },
      },
    ],
    capabilities: [
      {
        file: "capabilities.yaml",
        index: 0,
        capability: { slug: "testing", name: "Testing", phase: "ci", description: "d", neededFromStage: 1, plan: null },
      },
    ],
    tools: tools.map((t, index) => ({ file: "tools/a.yaml", index, tool: t })),
  };
}

const successorIssues = (content: CatalogContent) =>
  validateCatalogReferences(content).filter((issue) => issue.path.includes("successor"));

describe("a retired tool's successor", () => {
  test("may be an active tool", () => {
    expect(successorIssues(catalogOf(tool("old", "sunset", "new"), tool("new", "active")))).toEqual([]);
  });

  test.each<ToolStatus>(["maintenance", "sunset", "deprecated", "renamed"])(
    "may not be a tool in %s (docs/catalog-content.md: the successor is itself active)",
    (status) => {
      const successor = tool("new", status, status === "maintenance" ? null : "newest");
      const issues = successorIssues(catalogOf(tool("old", "sunset", "new"), successor, tool("newest", "active")));
      expect(issues).toEqual([
        {
          file: "tools/a.yaml",
          path: [0, "successor"],
          message: `successor "new" is itself ${status}; point at an active tool`,
        },
      ]);
    },
  );

  test("must exist in the catalog", () => {
    expect(successorIssues(catalogOf(tool("old", "deprecated", "nowhere")))).toEqual([
      { file: "tools/a.yaml", path: [0, "successor"], message: 'unknown successor "nowhere"' },
    ]);
  });
});
