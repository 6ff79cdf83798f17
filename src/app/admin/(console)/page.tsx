import Link from "next/link";
import type { Route } from "next";
import {
  archivedButUsable,
  countByStatus,
  entriesLackingSources,
  retiredButStillIntegrated,
} from "@/domain/admin/dashboard";
import { dayOf, entriesDueForReview, reviewContextOf } from "@/domain/catalog/freshness";
import { SOURCE_FACT_LABELS, STATUS_LABELS } from "@/domain/catalog/labels";
import { TOOL_STATUSES } from "@/domain/catalog/vocabulary";
import { AuditTable } from "@/features/admin/audit-table";
import { PageHeader } from "@/features/admin/ui";
import { requirePageRole } from "@/server/auth/require-page-role";
import { getCatalogSnapshot } from "@/server/catalog/catalog-snapshot";
import { listAuditEntries } from "@/server/repositories/audit-repository";
import { countMaintainers } from "@/server/repositories/maintainer-repository";

export const metadata = { title: "Dashboard" };

const SHOWN = 8;

export default async function AdminDashboard() {
  await requirePageRole("editor", "/admin");
  const today = dayOf(new Date());
  const [{ catalog }, recent, maintainers] = await Promise.all([
    getCatalogSnapshot(),
    listAuditEntries({}, { offset: 0, limit: SHOWN }),
    countMaintainers(),
  ]);
  const due = entriesDueForReview(catalog.tools, today, reviewContextOf(catalog.capabilities));
  const unsourced = entriesLackingSources(catalog.tools);
  const archived = archivedButUsable(catalog.tools);
  const retired = retiredButStillIntegrated(catalog.tools);
  const statuses = countByStatus(catalog.tools);
  const integrations = catalog.tools.reduce((sum, t) => sum + t.integrations.length, 0) / 2;

  return (
    <>
      <PageHeader
        title="Dashboard"
        description="What the catalog holds, what changed lately, and what needs a maintainer's attention."
        actions={
          <Link
            href="/admin/tools/new"
            className="rounded-md bg-accent px-4 py-2 text-sm font-semibold text-accent-ink hover:opacity-90"
          >
            Add a tool
          </Link>
        }
      />
      <section aria-labelledby="counts-heading">
        <h2 id="counts-heading" className="sr-only">
          Counts
        </h2>
        <dl className="grid grid-cols-2 gap-4 sm:grid-cols-4">
          {[
            ["Tools", catalog.tools.length],
            ["Capabilities", catalog.capabilities.length],
            ["Phases", catalog.phases.length],
            ["Integrations", integrations],
            ["Due for review", due.length],
            ["Missing a dated source", unsourced.length],
            ["Archived repositories", archived.length],
            ["Active maintainers", maintainers.active],
          ].map(([label, value]) => (
            <div key={label} className="rounded-lg border border-line bg-surface-raised p-4">
              <dt className="text-xs text-ink-muted">{label}</dt>
              <dd className="mt-1 text-2xl font-bold">{value}</dd>
            </div>
          ))}
        </dl>
        <p className="mt-3 text-sm text-ink-muted">
          {TOOL_STATUSES.map((s) => `${STATUS_LABELS[s]}: ${statuses[s]}`).join(" · ")}
        </p>
      </section>

      <div className="mt-10 grid gap-10 lg:grid-cols-2">
        <section aria-labelledby="due-heading">
          <h2 id="due-heading" className="text-lg font-semibold">
            Due for review ({due.length})
          </h2>
          <p className="mt-1 text-sm text-ink-muted">
            Past their review interval: 90 days for LLMOps, commercial and at-risk entries, a year for open source.
            Users see “may be out of date” on these.
          </p>
          {due.length === 0 ? (
            <p className="mt-2 text-sm text-ink-muted">Every entry is within its review interval.</p>
          ) : (
            <ul className="mt-3 divide-y divide-line rounded-lg border border-line">
              {due.slice(0, SHOWN).map(({ tool, review }) => (
                <li key={tool.slug} className="flex flex-wrap items-baseline justify-between gap-x-3 px-4 py-2 text-sm">
                  <Link href={`/admin/tools/${tool.slug}` as Route} className="font-medium hover:underline">
                    {tool.name}
                  </Link>
                  <span className="text-ink-muted">
                    due {review.dueOn} · every {review.days} days ({review.reason})
                  </span>
                </li>
              ))}
            </ul>
          )}
          {due.length > SHOWN ? (
            <Link href="/admin/tools?review=due" className="mt-2 inline-block text-sm text-accent hover:underline">
              All {due.length} entries due for review
            </Link>
          ) : null}
        </section>

        <section aria-labelledby="unsourced-heading">
          <h2 id="unsourced-heading" className="text-lg font-semibold">
            Missing a dated source ({unsourced.length})
          </h2>
          <p className="mt-1 text-sm text-ink-muted">
            Status, licence and pricing each need a source with the day it was checked.
          </p>
          {unsourced.length === 0 ? (
            <p className="mt-2 text-sm text-ink-muted">Every entry has a dated source for all three.</p>
          ) : (
            <ul className="mt-3 divide-y divide-line rounded-lg border border-line">
              {unsourced.slice(0, SHOWN).map(({ tool, missing }) => (
                <li key={tool.slug} className="flex flex-wrap items-baseline justify-between gap-x-3 px-4 py-2 text-sm">
                  <Link href={`/admin/tools/${tool.slug}` as Route} className="font-medium hover:underline">
                    {tool.name}
                  </Link>
                  <span className="text-ink-muted">
                    no source for {missing.map((f) => SOURCE_FACT_LABELS[f].toLowerCase()).join(", ")}
                  </span>
                </li>
              ))}
            </ul>
          )}
          {unsourced.length > SHOWN ? (
            <Link href="/admin/tools?sources=missing" className="mt-2 inline-block text-sm text-accent hover:underline">
              All {unsourced.length} entries missing a source
            </Link>
          ) : null}
        </section>

        <section aria-labelledby="archived-heading">
          <h2 id="archived-heading" className="text-lg font-semibold">
            Archived repositories ({archived.length})
          </h2>
          <p className="mt-1 text-sm text-ink-muted">
            <code>npm run catalog:refresh</code> found the repository archived, yet the entry is still usable: check its
            status with a source.
          </p>
          {archived.length === 0 ? (
            <p className="mt-2 text-sm text-ink-muted">None.</p>
          ) : (
            <ul className="mt-3 divide-y divide-line rounded-lg border border-line">
              {archived.slice(0, SHOWN).map((tool) => (
                <li key={tool.slug} className="flex flex-wrap items-baseline justify-between gap-x-3 px-4 py-2 text-sm">
                  <Link href={`/admin/tools/${tool.slug}` as Route} className="font-medium hover:underline">
                    {tool.name}
                  </Link>
                  <span className="text-ink-muted">
                    {STATUS_LABELS[tool.status].toLowerCase()} · checked {tool.freshness?.checked}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </section>

        <section aria-labelledby="retired-heading">
          <h2 id="retired-heading" className="text-lg font-semibold">
            Retired but still integrated ({retired.length})
          </h2>
          <p className="mt-1 text-sm text-ink-muted">
            Sunset, deprecated or renamed tools that other entries still list as integrations.
          </p>
          {retired.length === 0 ? (
            <p className="mt-2 text-sm text-ink-muted">None.</p>
          ) : (
            <ul className="mt-3 divide-y divide-line rounded-lg border border-line">
              {retired.slice(0, SHOWN).map((tool) => (
                <li key={tool.slug} className="px-4 py-2 text-sm">
                  <Link href={`/admin/tools/${tool.slug}` as Route} className="font-medium hover:underline">
                    {tool.name}
                  </Link>{" "}
                  <span className="text-ink-muted">
                    ({STATUS_LABELS[tool.status].toLowerCase()}) — linked from {tool.integrations.join(", ")}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>

      <section aria-labelledby="recent-heading" className="mt-10">
        <div className="flex items-baseline justify-between">
          <h2 id="recent-heading" className="text-lg font-semibold">
            Recent changes
          </h2>
          <Link href="/admin/audit" className="text-sm text-accent hover:underline">
            Full audit log
          </Link>
        </div>
        <AuditTable entries={recent.entries} compact />
      </section>
    </>
  );
}
