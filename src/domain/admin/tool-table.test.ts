import { describe, expect, test } from "vitest";
import { makeTool } from "../../../tests/fixtures/catalog-builders";
import {
  parseToolTableQuery,
  queryToolTable,
  TOOL_TABLE_PAGE_SIZE,
  toolTableHref,
  type ToolTableRow,
} from "./tool-table";

const now = new Date("2026-11-23T00:00:00Z");
const row = (
  slug: string,
  extra: Parameters<typeof makeTool>[0] extends infer T ? Partial<T> : never = {},
  updatedAt = "2026-11-01T00:00:00Z",
): ToolTableRow => ({
  tool: makeTool({ slug, ...extra }),
  updatedAt,
  isAdminEdited: false,
});

describe("admin tool table", () => {
  test("malformed parameters fall back to defaults", () => {
    expect(parseToolTableQuery({ status: "gone", sort: "random", page: "-3" })).toEqual({
      q: "",
      status: null,
      capability: null,
      review: null,
      sort: "name",
      page: 1,
    });
  });

  test("searches name, slug and summary, filters by status, capability and review due date", () => {
    const rows = [
      row("mlflow", { capabilities: { primary: ["experiment-tracking"], secondary: ["model-registry"] } }),
      row("kubeflow", { capabilities: { primary: ["orchestration"], secondary: [] }, lastReviewed: "2025-01-01" }),
      row("theano", { status: "sunset", successor: "pytorch", statusNote: "ended" }),
    ];
    const q = (params: Record<string, string>) =>
      queryToolTable(rows, parseToolTableQuery(params), now).rows.map((r) => r.tool.slug);
    expect(q({ q: "FLOW" })).toEqual(["kubeflow", "mlflow"]);
    expect(q({ status: "sunset" })).toEqual(["theano"]);
    expect(q({ capability: "model-registry" })).toEqual(["mlflow"]);
    expect(q({ review: "due" })).toEqual(["kubeflow"]);
  });

  test("sorts by last change and paginates, clamping the page to the last one", () => {
    const rows = Array.from({ length: TOOL_TABLE_PAGE_SIZE + 3 }, (_, i) =>
      row(`tool-${String(i).padStart(2, "0")}`, {}, `2026-10-${String((i % 28) + 1).padStart(2, "0")}T00:00:00Z`),
    );
    const changed = queryToolTable(rows, parseToolTableQuery({ sort: "changed-newest" }), now);
    expect(changed.rows[0]?.updatedAt).toBe("2026-10-28T00:00:00Z");
    const last = queryToolTable(rows, parseToolTableQuery({ page: "99" }), now);
    expect(last).toMatchObject({ total: TOOL_TABLE_PAGE_SIZE + 3, page: 2, pages: 2 });
    expect(last.rows).toHaveLength(3);
  });

  test("links keep the query and reset the page", () => {
    const query = parseToolTableQuery({ q: "ml", status: "active", page: "3" });
    expect(toolTableHref(query, { sort: "status" })).toBe("/admin/tools?q=ml&status=active&sort=status");
    expect(toolTableHref(query, { page: 2 })).toBe("/admin/tools?q=ml&status=active&page=2");
  });
});
