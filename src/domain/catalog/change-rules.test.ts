import { describe, expect, test } from "vitest";
import { makeCatalog, makeTool } from "../../../tests/fixtures/catalog-builders";
import { toolInputOf } from "../admin/snapshots";
import { newEntryId, refuseSave, seedOutcome, toolAuditAction, toolAuditSummary, toolReferences } from "./change-rules";

const input = { slug: "mlflow", name: "MLflow" };

describe("catalog change rules", () => {
  test.each([
    [
      "a create over an existing slug",
      { mode: "create", input, action: "create" },
      { slug: "mlflow", version: 3 },
      "exists",
    ],
    [
      "an update of something missing",
      { mode: "update", slug: "mlflow", expectedVersion: 3, input, action: "update" },
      undefined,
      "not_found",
    ],
    [
      "a stale version",
      { mode: "update", slug: "mlflow", expectedVersion: 2, input, action: "update" },
      { slug: "mlflow", version: 3 },
      "conflict",
    ],
    [
      "a changed slug",
      { mode: "update", slug: "mlflow", expectedVersion: 3, input: { ...input, slug: "ml-flow" }, action: "update" },
      { slug: "mlflow", version: 3 },
      "invalid",
    ],
  ] as const)("refuses %s", (_name, request, existing, reason) => {
    expect(refuseSave("tool", request, existing)?.reason).toBe(reason);
  });

  test("lets a create of a new slug and an update at the current version go ahead", () => {
    expect(refuseSave("phase", { mode: "create", input, action: "create" }, undefined)).toBeNull();
    expect(
      refuseSave(
        "phase",
        { mode: "update", slug: "mlflow", expectedVersion: 3, input, action: "restore" },
        {
          slug: "mlflow",
          version: 3,
        },
      ),
    ).toBeNull();
  });

  test("slugs are permanent: the refusal names the slug field", () => {
    const refusal = refuseSave(
      "tool",
      { mode: "update", slug: "mlflow", expectedVersion: 1, input: { ...input, slug: "other" }, action: "update" },
      { slug: "mlflow", version: 1 },
    );
    expect(refusal).toEqual({
      reason: "invalid",
      issues: [{ path: ["slug"], message: "cannot change: slugs are permanent (URLs and ids derive from them)" }],
    });
  });

  test("an update that takes an active tool to a retired status is a retirement; anything else keeps its action", () => {
    expect(toolAuditAction("update", { status: "active" }, { status: "deprecated" })).toBe("retire");
    expect(toolAuditAction("update", { status: "deprecated" }, { status: "sunset" })).toBe("update");
    expect(toolAuditAction("restore", { status: "active" }, { status: "deprecated" })).toBe("restore");
    expect(toolAuditAction("update", { status: "active" }, { status: "active" })).toBe("update");
  });

  test("audit summaries say what happened", () => {
    const tool = {
      ...toolInputOf(makeTool({ slug: "a", name: "Alpha" })),
      status: "deprecated" as const,
      successor: "b",
    };
    expect(toolAuditSummary("retire", tool, ["status"])).toBe("Retired tool Alpha (deprecated, use b)");
    expect(toolAuditSummary("update", tool, ["summary", "license"])).toBe("Updated tool Alpha (summary, license)");
    expect(toolAuditSummary("create", tool, [])).toBe("Created tool Alpha");
  });

  test("a new id is the slug, unless an older row holds it", () => {
    expect(newEntryId("x", new Set())).toBe("x");
    expect(newEntryId("x", new Set(["x", "x-2"]))).toBe("x-3");
  });

  test("a tool that integrates with others or is named as a successor is referenced", () => {
    const catalog = makeCatalog([
      makeTool({ slug: "a", integrations: ["b"] }),
      makeTool({ slug: "b", integrations: ["a"] }),
      makeTool({ slug: "c", status: "deprecated", successor: "b" }),
    ]);
    expect(toolReferences(catalog, "b")).toEqual(["integrates with a", "named as successor by c"]);
    expect(toolReferences(catalog, "c")).toEqual([]);
  });

  test.each([
    [undefined, false, false, "created"],
    [undefined, false, true, "deleted"],
    [{ version: 2, seededVersion: 2 }, true, false, "unchanged"],
    [{ version: 2, seededVersion: 2 }, false, false, "updated"],
    [{ version: 3, seededVersion: 2 }, false, false, "kept"],
  ] as const)("the seed with %j (unchanged %s, deleted %s) → %s", (existing, isUnchanged, deleted, outcome) => {
    expect(seedOutcome(existing, isUnchanged, deleted)).toBe(outcome);
  });
});
