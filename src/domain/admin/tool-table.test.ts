import { describe, expect, test } from "vitest";
import { makeTool } from "../../../tests/fixtures/catalog-builders";
import { reviewContextOf } from "../catalog/freshness";
import {
  parseToolTableQuery,
  queryToolTable,
  TOOL_TABLE_PAGE_SIZE,
  toolTableHref,
  type ToolTableRow,
} from "./tool-table";

const review = { today: "2026-11-23", context: reviewContextOf([]) };
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
      sources: null,
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
      queryToolTable(rows, parseToolTableQuery(params), review).rows.map((r) => r.tool.slug);
    expect(q({ q: "FLOW" })).toEqual(["kubeflow", "mlflow"]);
    expect(q({ status: "sunset" })).toEqual(["theano"]);
    expect(q({ capability: "model-registry" })).toEqual(["mlflow"]);
    expect(q({ review: "due" })).toEqual(["kubeflow"]);
  });

  test("due for review follows each entry's own interval: a paid tool after 90 days, open source after a year", () => {
    const rows = [
      row("paid-tool", { pricing: "paid", license: "proprietary", lastReviewed: "2026-08-01" }),
      row("oss-tool", { lastReviewed: "2026-08-01" }),
      row("pinned", { lastReviewed: "2026-08-01", reviewIntervalDays: 730, pricing: "paid", license: "proprietary" }),
    ];
    const due = queryToolTable(rows, parseToolTableQuery({ review: "due" }), review).rows.map((r) => r.tool.slug);
    expect(due).toEqual(["paid-tool"]);
  });

  test("sources=missing keeps entries where status, licence or pricing has no dated source", () => {
    const all = {
      url: "https://example.com",
      supports: ["status", "license", "pricing"] as const,
      checked: "2026-11-01",
    };
    const rows = [
      row("sourced", { sources: [{ ...all, supports: [...all.supports] }] }),
      row("half", { sources: [{ ...all, supports: ["license"] }] }),
      row("bare"),
    ];
    const query = parseToolTableQuery({ sources: "missing" });
    expect(queryToolTable(rows, query, review).rows.map((r) => r.tool.slug)).toEqual(["bare", "half"]);
    expect(toolTableHref(query, {})).toBe("/admin/tools?sources=missing");
  });

  test("sorts by last change and paginates, clamping the page to the last one", () => {
    const rows = Array.from({ length: TOOL_TABLE_PAGE_SIZE + 3 }, (_, i) =>
      row(`tool-${String(i).padStart(2, "0")}`, {}, `2026-10-${String((i % 28) + 1).padStart(2, "0")}T00:00:00Z`),
    );
    const changed = queryToolTable(rows, parseToolTableQuery({ sort: "changed-newest" }), review);
    expect(changed.rows[0]?.updatedAt).toBe("2026-10-28T00:00:00Z");
    const last = queryToolTable(rows, parseToolTableQuery({ page: "99" }), review);
    expect(last).toMatchObject({ total: TOOL_TABLE_PAGE_SIZE + 3, page: 2, pages: 2 });
    expect(last.rows).toHaveLength(3);
  });

  test("links keep the query and reset the page", () => {
    const query = parseToolTableQuery({ q: "ml", status: "active", page: "3" });
    expect(toolTableHref(query, { sort: "status" })).toBe("/admin/tools?q=ml&status=active&sort=status");
    expect(toolTableHref(query, { page: 2 })).toBe("/admin/tools?q=ml&status=active&page=2");
  });
});
