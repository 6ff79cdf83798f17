import { dayOf, reviewContextOf } from "@/domain/catalog/freshness";
import Link from "next/link";
import type { Route } from "next";
import { STATUS_LABELS } from "@/domain/catalog/labels";
import { TOOL_STATUSES } from "@/domain/catalog/vocabulary";
import {
  parseToolTableQuery,
  queryToolTable,
  TOOL_TABLE_SORT_LABELS,
  TOOL_TABLE_SORTS,
  toolTableHref,
} from "@/domain/admin/tool-table";
import { ToolStatusBadge } from "@/features/admin/tool-status-badge";
import { INPUT_CLASS, PageHeader, PRIMARY_BUTTON, SECONDARY_BUTTON } from "@/features/admin/ui";
import { requirePageRole } from "@/server/auth/require-page-role";
import { getCatalogSnapshot } from "@/server/catalog/catalog-snapshot";
import { toolBookkeeping } from "@/server/repositories/catalog-repository";

export const metadata = { title: "Tools" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AdminToolsPage({ searchParams }: Props) {
  await requirePageRole("editor", "/admin/tools");
  const query = parseToolTableQuery(await searchParams);
  const [{ catalog, capabilitiesBySlug }, bookkeeping] = await Promise.all([getCatalogSnapshot(), toolBookkeeping()]);
  const rows = catalog.tools.map((tool) => {
    const extra = bookkeeping.get(tool.slug);
    return {
      tool,
      updatedAt: extra?.updatedAt.toISOString() ?? "",
      isAdminEdited: extra ? extra.seededVersion !== tool.version : false,
    };
  });
  const result = queryToolTable(rows, query, {
    today: dayOf(new Date()),
    context: reviewContextOf(catalog.capabilities),
  });

  return (
    <>
      <PageHeader
        title="Tools"
        description={`${catalog.tools.length} entries. Retire a tool that others still reference; delete only what nothing references.`}
        actions={
          <Link href="/admin/tools/new" className={PRIMARY_BUTTON}>
            Add a tool
          </Link>
        }
      />
      <form
        method="get"
        className="mb-4 grid gap-3 rounded-lg border border-line bg-surface-muted p-4 sm:grid-cols-2 lg:grid-cols-6"
        role="search"
        aria-label="Filter tools"
      >
        <div className="lg:col-span-2">
          <label htmlFor="q" className="block text-xs font-medium text-ink-muted">
            Search
          </label>
          <input
            id="q"
            name="q"
            type="search"
            defaultValue={query.q}
            placeholder="Name, slug or summary"
            className={INPUT_CLASS}
          />
        </div>
        <div>
          <label htmlFor="status" className="block text-xs font-medium text-ink-muted">
            Status
          </label>
          <select id="status" name="status" defaultValue={query.status ?? ""} className={INPUT_CLASS}>
            <option value="">Any</option>
            {TOOL_STATUSES.map((s) => (
              <option key={s} value={s}>
                {STATUS_LABELS[s]}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="capability" className="block text-xs font-medium text-ink-muted">
            Capability
          </label>
          <select id="capability" name="capability" defaultValue={query.capability ?? ""} className={INPUT_CLASS}>
            <option value="">Any</option>
            {catalog.capabilities.map((c) => (
              <option key={c.slug} value={c.slug}>
                {c.name}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="sort" className="block text-xs font-medium text-ink-muted">
            Sort by
          </label>
          <select id="sort" name="sort" defaultValue={query.sort} className={INPUT_CLASS}>
            {TOOL_TABLE_SORTS.map((s) => (
              <option key={s} value={s}>
                {TOOL_TABLE_SORT_LABELS[s]}
              </option>
            ))}
          </select>
        </div>
        <div className="flex flex-col justify-end gap-1">
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" name="review" value="due" defaultChecked={query.review === "due"} /> Due for review
          </label>
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" name="sources" value="missing" defaultChecked={query.sources === "missing"} />{" "}
            Missing sources
          </label>
        </div>
        <div className="flex gap-2 sm:col-span-2 lg:col-span-6">
          <button type="submit" className={PRIMARY_BUTTON}>
            Apply
          </button>
          <Link href="/admin/tools" className={SECONDARY_BUTTON}>
            Reset
          </Link>
        </div>
      </form>

      <p className="mb-2 text-sm text-ink-muted" aria-live="polite">
        {result.total} {result.total === 1 ? "tool" : "tools"} match · page {result.page} of {result.pages}
      </p>
      <div className="overflow-x-auto rounded-lg border border-line">
        <table className="w-full border-collapse text-left text-sm">
          <caption className="sr-only">Catalog tools</caption>
          <thead className="bg-surface-muted text-xs text-ink-muted">
            <tr>
              <th scope="col" className="px-3 py-2 font-medium">
                Name
              </th>
              <th scope="col" className="px-3 py-2 font-medium">
                Status
              </th>
              <th scope="col" className="px-3 py-2 font-medium">
                Primary capabilities
              </th>
              <th scope="col" className="px-3 py-2 font-medium">
                Reviewed
              </th>
              <th scope="col" className="px-3 py-2 font-medium">
                Changed
              </th>
              <th scope="col" className="px-3 py-2 font-medium">
                Version
              </th>
              <th scope="col" className="px-3 py-2 font-medium">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {result.rows.map(({ tool, updatedAt, isAdminEdited }) => (
              <tr key={tool.slug} className="border-t border-line align-top">
                <td className="px-3 py-2">
                  <Link href={`/admin/tools/${tool.slug}` as Route} className="font-medium hover:underline">
                    {tool.name}
                  </Link>
                  <div className="font-mono text-xs text-ink-muted">{tool.slug}</div>
                </td>
                <td className="px-3 py-2">
                  <ToolStatusBadge status={tool.status} />
                </td>
                <td className="px-3 py-2 text-ink-muted">
                  {tool.capabilities.primary.map((c) => capabilitiesBySlug.get(c)?.name ?? c).join(", ")}
                </td>
                <td className="px-3 py-2 whitespace-nowrap">{tool.lastReviewed}</td>
                <td className="px-3 py-2 whitespace-nowrap text-ink-muted">{updatedAt.slice(0, 10)}</td>
                <td className="px-3 py-2">
                  {tool.version}
                  {isAdminEdited ? <span className="ml-1 text-xs text-ink-muted">(edited)</span> : null}
                </td>
                <td className="px-3 py-2 whitespace-nowrap">
                  <Link
                    href={`/admin/tools/${tool.slug}` as Route}
                    className="text-accent hover:underline"
                    aria-label={`Edit ${tool.name}`}
                  >
                    Edit
                  </Link>{" "}
                  ·{" "}
                  <Link
                    href={`/admin/tools/${tool.slug}/history` as Route}
                    className="text-accent hover:underline"
                    aria-label={`History of ${tool.name}`}
                  >
                    History
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {result.pages > 1 ? (
        <nav aria-label="Pages" className="mt-4 flex items-center gap-2 text-sm">
          {result.page > 1 ? (
            <Link href={toolTableHref(query, { page: result.page - 1 })} className={SECONDARY_BUTTON}>
              Previous
            </Link>
          ) : null}
          <span className="text-ink-muted">
            Page {result.page} of {result.pages}
          </span>
          {result.page < result.pages ? (
            <Link href={toolTableHref(query, { page: result.page + 1 })} className={SECONDARY_BUTTON}>
              Next
            </Link>
          ) : null}
        </nav>
      ) : null}
    </>
  );
}
