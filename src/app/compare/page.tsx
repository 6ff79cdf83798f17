import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { compareTools, MAX_COMPARED_TOOLS, parseCompareParam, resolveAddedTool } from "@/domain/catalog/compare";
import { EMPTY_QUERY, searchCatalog } from "@/domain/catalog/search";
import { AddToolPicker } from "@/features/catalog/add-tool-picker";
import { getCatalogSnapshot } from "@/server/catalog/catalog-snapshot";

export const metadata: Metadata = {
  title: "Compare tools",
  description: "Two to four MLOps tools side by side on every structured fact, with the differences highlighted.",
};

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function ComparePage({ searchParams }: { searchParams: SearchParams }) {
  const [params, snapshot] = await Promise.all([searchParams, getCatalogSnapshot()]);
  const typed = (Array.isArray(params.add) ? params.add.join(" ") : (params.add ?? "")).slice(0, 200);
  const added = resolveAddedTool(
    typed,
    snapshot.catalog,
    (text) => searchCatalog(snapshot.index, { ...EMPTY_QUERY, text }).tools,
  );
  const requested = parseCompareParam(params.tools, added?.slug);
  const comparison = compareTools(requested, snapshot.catalog);
  const { tools, rows, unknown, dropped } = comparison;
  const capabilityName = (slug: string) => snapshot.capabilitiesBySlug.get(slug)?.name ?? slug;
  const options = snapshot.catalog.tools
    .filter((t) => !tools.some((c) => c.slug === t.slug))
    .map((t) => ({
      value: t.slug,
      label: t.name,
      detail: t.capabilities.primary.map(capabilityName).join(", "),
      keywords: [...t.capabilities.primary, ...t.capabilities.secondary].map(capabilityName).join(" "),
    }));
  const hrefWithout = (slug: string) =>
    `/compare?tools=${tools
      .filter((t) => t.slug !== slug)
      .map((t) => t.slug)
      .join(",")}`;

  return (
    <div className="page-width py-10">
      <nav aria-label="Breadcrumb" className="text-sm text-ink-muted">
        <Link href="/catalog" className="hover:underline">
          Catalog
        </Link>{" "}
        / <span aria-current="page">Compare</span>
      </nav>
      <h1 className="mt-2 text-3xl font-bold tracking-tight">Compare tools</h1>
      <p className="mt-2 text-ink-muted">
        Up to {MAX_COMPARED_TOOLS} tools side by side. Rows where the tools differ are highlighted.
      </p>

      {unknown.length > 0 ? (
        <p role="alert" className="mt-4 rounded-md border border-warn bg-warn-soft p-3 text-sm">
          Not in the catalog: {unknown.join(", ")}.
        </p>
      ) : null}
      {dropped.length > 0 ? (
        <p role="alert" className="mt-4 rounded-md border border-warn bg-warn-soft p-3 text-sm">
          Only {MAX_COMPARED_TOOLS} tools fit side by side; left out: {dropped.join(", ")}.
        </p>
      ) : null}

      {typed.trim() && !added ? (
        <p role="alert" className="mt-4 rounded-md border border-warn bg-warn-soft p-3 text-sm">
          No catalog tool matches “{typed.trim()}”.
        </p>
      ) : null}

      {tools.length < MAX_COMPARED_TOOLS ? (
        <div className="mt-6">
          <AddToolPicker compared={tools.map((t) => t.slug)} options={options} />
        </div>
      ) : null}

      {tools.length < 2 ? (
        <p className="mt-8 rounded-lg border border-dashed border-line p-8 text-center text-ink-muted">
          Pick at least two tools to compare — add them here, or tick “Compare” on tools in the{" "}
          <Link href="/catalog" className="text-accent underline">
            catalog
          </Link>
          .
        </p>
      ) : (
        <div className="mt-8 overflow-x-auto">
          <table className="w-full min-w-[40rem] table-fixed border-collapse text-sm">
            <caption className="sr-only">Comparison of {tools.map((t) => t.name).join(", ")}</caption>
            <thead>
              <tr>
                <th scope="col" className="w-40 border-b border-line p-2 text-left align-bottom text-ink-muted">
                  Fact
                </th>
                {tools.map((t) => (
                  <th key={t.slug} scope="col" className="border-b border-line p-2 text-left align-bottom">
                    <Link href={`/catalog/${t.slug}`} className="text-base font-semibold hover:underline">
                      {t.name}
                    </Link>
                    <Link
                      href={hrefWithout(t.slug) as `/compare?tools=${string}`}
                      className="ml-2 text-xs font-normal text-ink-muted hover:underline"
                      aria-label={`Remove ${t.name} from the comparison`}
                    >
                      remove
                    </Link>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr
                  key={row.label}
                  className={row.differs ? "bg-accent-soft/60" : undefined}
                  data-differs={row.differs || undefined}
                >
                  <th scope="row" className="border-b border-line p-2 text-left align-top font-medium text-ink-muted">
                    {row.label}
                    {row.differs ? <span className="sr-only"> (differs)</span> : null}
                  </th>
                  {row.cells.map((cell, i) => (
                    <td key={tools[i]?.slug ?? i} className="border-b border-line p-2 align-top">
                      {renderCell(cell)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

function renderCell(cell: string[]): ReactNode {
  if (cell.length === 0) return <span className="text-ink-muted">—</span>;
  if (cell.length === 1) return cell[0];
  return (
    <ul className="list-disc space-y-0.5 pl-4">
      {cell.map((v) => (
        <li key={v}>{v}</li>
      ))}
    </ul>
  );
}
