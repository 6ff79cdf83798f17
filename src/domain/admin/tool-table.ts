import type { CatalogTool } from "../catalog/types";
import { TOOL_STATUSES, type ToolStatus } from "../catalog/vocabulary";
import { isOutOfDate, undatedFacts, type ReviewContext } from "../catalog/freshness";

/** The admin tool table: search, filters, sort and pagination over the catalog, from URL parameters. Pure. */

export const TOOL_TABLE_SORTS = ["name", "status", "reviewed-oldest", "reviewed-newest", "changed-newest"] as const;
export type ToolTableSort = (typeof TOOL_TABLE_SORTS)[number];
export const TOOL_TABLE_SORT_LABELS: Record<ToolTableSort, string> = {
  name: "Name (A–Z)",
  status: "Status",
  "reviewed-oldest": "Review date, oldest first",
  "reviewed-newest": "Review date, newest first",
  "changed-newest": "Last changed, newest first",
};
export const TOOL_TABLE_PAGE_SIZE = 25;

export type ToolTableRow = { tool: CatalogTool; updatedAt: string; isAdminEdited: boolean };
export type ToolTableQuery = {
  q: string;
  status: ToolStatus | null;
  capability: string | null;
  review: "due" | null;
  /** "missing": entries where status, licence or pricing has no dated source. */
  sources: "missing" | null;
  sort: ToolTableSort;
  page: number;
};

type Params = Record<string, string | string[] | undefined>;
const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value)?.trim() ?? "";

/** Unknown or malformed parameters fall back to their defaults: the table always renders. */
export function parseToolTableQuery(params: Params): ToolTableQuery {
  const status = one(params.status);
  const sort = one(params.sort);
  const page = Number.parseInt(one(params.page), 10);
  return {
    q: one(params.q).slice(0, 100),
    status: (TOOL_STATUSES as readonly string[]).includes(status) ? (status as ToolStatus) : null,
    capability: one(params.capability) || null,
    review: one(params.review) === "due" ? "due" : null,
    sources: one(params.sources) === "missing" ? "missing" : null,
    sort: (TOOL_TABLE_SORTS as readonly string[]).includes(sort) ? (sort as ToolTableSort) : "name",
    page: Number.isFinite(page) && page >= 1 ? page : 1,
  };
}

/** `review`: today (YYYY-MM-DD) and the catalog context, for "due for review" (each entry's own interval). */
export function queryToolTable(
  rows: ToolTableRow[],
  query: ToolTableQuery,
  review: { today: string; context: ReviewContext },
) {
  const needle = query.q.toLowerCase();
  const filtered = rows.filter(({ tool }) => {
    if (needle && !`${tool.name} ${tool.slug} ${tool.summary}`.toLowerCase().includes(needle)) return false;
    if (query.status && tool.status !== query.status) return false;
    if (query.capability && ![...tool.capabilities.primary, ...tool.capabilities.secondary].includes(query.capability))
      return false;
    if (query.review === "due" && !isOutOfDate(tool, review.today, review.context)) return false;
    if (query.sources === "missing" && undatedFacts(tool).length === 0) return false;
    return true;
  });
  const byName = (a: ToolTableRow, b: ToolTableRow) => a.tool.name.localeCompare(b.tool.name);
  const sorters: Record<ToolTableSort, (a: ToolTableRow, b: ToolTableRow) => number> = {
    name: byName,
    status: (a, b) => TOOL_STATUSES.indexOf(a.tool.status) - TOOL_STATUSES.indexOf(b.tool.status) || byName(a, b),
    "reviewed-oldest": (a, b) => a.tool.lastReviewed.localeCompare(b.tool.lastReviewed) || byName(a, b),
    "reviewed-newest": (a, b) => b.tool.lastReviewed.localeCompare(a.tool.lastReviewed) || byName(a, b),
    "changed-newest": (a, b) => b.updatedAt.localeCompare(a.updatedAt) || byName(a, b),
  };
  const sorted = [...filtered].sort(sorters[query.sort]);
  const pages = Math.max(1, Math.ceil(sorted.length / TOOL_TABLE_PAGE_SIZE));
  const page = Math.min(query.page, pages);
  return {
    total: sorted.length,
    page,
    pages,
    rows: sorted.slice((page - 1) * TOOL_TABLE_PAGE_SIZE, page * TOOL_TABLE_PAGE_SIZE),
  };
}

/** The URL of the table with some parameters changed (page resets unless given). */
export function toolTableHref(query: ToolTableQuery, change: Partial<ToolTableQuery>): string {
  const next = { ...query, page: 1, ...change };
  const params = new URLSearchParams();
  if (next.q) params.set("q", next.q);
  if (next.status) params.set("status", next.status);
  if (next.capability) params.set("capability", next.capability);
  if (next.review) params.set("review", next.review);
  if (next.sources) params.set("sources", next.sources);
  if (next.sort !== "name") params.set("sort", next.sort);
  if (next.page > 1) params.set("page", String(next.page));
  const search = params.toString();
  return `/admin/tools${search ? `?${search}` : ""}`;
}
