import type { Metadata } from "next";
import Link from "next/link";
import { catalogQueryToSearch, parseCatalogQuery, type RawParams } from "@/domain/catalog/catalog-query";
import { dayOf, outOfDateSlugs, reviewContextOf } from "@/domain/catalog/freshness";
import { searchCatalog } from "@/domain/catalog/search";
import { CatalogFilters } from "@/features/catalog/catalog-filters";
import { CompareTray } from "@/features/catalog/compare-tray";
import { FiltersPanel } from "@/features/catalog/filters-panel";
import { ToolCard } from "@/features/catalog/tool-card";
import { getCatalogSnapshot } from "@/server/catalog/catalog-snapshot";

export const metadata: Metadata = {
  title: "Catalog",
  description:
    "Every MLOps tool we track, with licences, hosting, cloud fit, maturity stages, integrations and status.",
};

/** Tools per page: enough to scan, few enough that the page renders and hydrates fast on a phone. */
const PAGE_SIZE = 24;

export default async function CatalogPage({ searchParams }: { searchParams: Promise<RawParams> }) {
  const [params, snapshot] = await Promise.all([searchParams, getCatalogSnapshot()]);
  const query = parseCatalogQuery(params);
  const result = searchCatalog(snapshot.index, query);
  const pages = Math.max(1, Math.ceil(result.total / PAGE_SIZE));
  const requested = Number(Array.isArray(params.page) ? params.page[0] : params.page);
  const page = Number.isInteger(requested) && requested >= 1 ? Math.min(requested, pages) : 1;
  const shown = result.tools.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
  const pageHref = (n: number) => {
    const search = catalogQueryToSearch(query);
    return `/catalog${search}${n > 1 ? `${search ? "&" : "?"}page=${n}` : ""}`;
  };
  const { catalog, capabilitiesBySlug } = snapshot;
  const outOfDate = outOfDateSlugs(shown, dayOf(new Date()), reviewContextOf(catalog.capabilities));
  const phases = catalog.phases.map((p) => ({ value: p.slug, label: p.name }));
  const capabilityGroups = catalog.phases.map((p) => ({
    phase: { value: p.slug, label: p.name },
    capabilities: catalog.capabilities.filter((c) => c.phase === p.slug).map((c) => ({ value: c.slug, label: c.name })),
  }));
  const activeFilters =
    query.phases.length +
    query.capabilities.length +
    query.licenses.length +
    query.pricing.length +
    query.hosting.length +
    query.clouds.length +
    query.kubernetes.length +
    query.stages.length +
    query.statuses.length;
  const names = Object.fromEntries(catalog.tools.map((t) => [t.slug, t.name]));

  return (
    <div className="page-width py-10">
      <h1 className="text-3xl font-bold tracking-tight">Tool catalog</h1>
      <p className="mt-2 max-w-3xl text-ink-muted">
        {catalog.tools.length} MLOps tools with their licence, hosting, cloud fit, maturity stages, integrations and
        status. Dead and renamed tools stay listed with their successors, so you can check what a blog post recommended.
      </p>
      <div className="mt-8 grid gap-8 lg:grid-cols-[17rem_1fr]">
        <aside aria-label="Filters">
          <FiltersPanel activeCount={activeFilters}>
            <CatalogFilters query={query} facets={result.facets} phases={phases} capabilityGroups={capabilityGroups} />
          </FiltersPanel>
        </aside>
        <section aria-labelledby="results-heading">
          <h2 id="results-heading" className="text-sm font-medium text-ink-muted" aria-live="polite">
            {result.total === 1 ? "1 tool" : `${result.total} tools`}
            {query.text ? ` matching “${query.text}”` : ""}
            {pages > 1 ? ` · showing ${(page - 1) * PAGE_SIZE + 1}–${Math.min(result.total, page * PAGE_SIZE)}` : ""}
          </h2>
          {result.total === 0 ? (
            <p className="mt-6 rounded-lg border border-dashed border-line p-8 text-center text-ink-muted">
              No tool matches all of these filters. Remove a filter or try a broader search.
            </p>
          ) : (
            <ul className="mt-4 grid gap-4 sm:grid-cols-2 xl:grid-cols-3">
              {shown.map((tool) => (
                <ToolCard
                  key={tool.slug}
                  tool={tool}
                  capabilities={capabilitiesBySlug}
                  isOutOfDate={outOfDate.has(tool.slug)}
                />
              ))}
            </ul>
          )}
          {pages > 1 ? (
            <nav aria-label="Pages" className="mt-6 flex items-center justify-between gap-3 text-sm">
              {page > 1 ? (
                <Link
                  href={pageHref(page - 1)}
                  className="rounded-md border border-line px-3 py-1.5 hover:bg-surface-muted"
                >
                  ← Previous
                </Link>
              ) : (
                <span />
              )}
              <span className="text-ink-muted">
                Page {page} of {pages}
              </span>
              {page < pages ? (
                <Link
                  href={pageHref(page + 1)}
                  className="rounded-md border border-line px-3 py-1.5 hover:bg-surface-muted"
                >
                  Next →
                </Link>
              ) : (
                <span />
              )}
            </nav>
          ) : null}
          <CompareTray names={names} />
        </section>
      </div>
    </div>
  );
}
