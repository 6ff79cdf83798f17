import Link from "next/link";
import type { Route } from "next";
import { AuditTable } from "@/features/admin/audit-table";
import { RestoreButton } from "@/features/admin/restore-button";
import { entryVersions } from "@/server/repositories/catalog-repository";
import { INPUT_CLASS, PageHeader, PRIMARY_BUTTON, SECONDARY_BUTTON } from "@/features/admin/ui";
import { requirePageRole } from "@/server/auth/require-page-role";
import { auditFacets, listAuditEntries, type AuditFilter } from "@/server/repositories/audit-repository";

export const metadata = { title: "Audit log" };

const PAGE_SIZE = 30;
type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.trim() || undefined;

export default async function AuditPage({ searchParams }: Props) {
  await requirePageRole("editor", "/admin/audit");
  const params = await searchParams;
  const filter: AuditFilter = {
    entityType: one(params.type),
    action: one(params.action),
    actor: one(params.actor),
    q: one(params.q)?.slice(0, 100),
  };
  const page = Math.max(1, Number.parseInt(one(params.page) ?? "1", 10) || 1);
  const [{ entries, total }, facets, versions] = await Promise.all([
    listAuditEntries(filter, { offset: (page - 1) * PAGE_SIZE, limit: PAGE_SIZE }),
    auditFacets(),
    entryVersions(),
  ]);
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const pageHref = (n: number) => {
    const search = new URLSearchParams(
      Object.entries({
        ...filter,
        type: filter.entityType,
        entityType: undefined,
        page: n > 1 ? String(n) : undefined,
      }).filter((e): e is [string, string] => typeof e[1] === "string"),
    );
    return `/admin/audit${search.size > 0 ? `?${search.toString()}` : ""}` as Route;
  };
  const select = (id: string, label: string, values: string[], current?: string) => (
    <div>
      <label htmlFor={id} className="block text-xs font-medium text-ink-muted">
        {label}
      </label>
      <select id={id} name={id} defaultValue={current ?? ""} className={INPUT_CLASS}>
        <option value="">Any</option>
        {values.map((v) => (
          <option key={v} value={v}>
            {v}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <>
      <PageHeader
        title="Audit log"
        description="Every change to the catalog and to maintainer accounts: who, when, what, before and after. Records are append-only; nothing can edit or remove them."
      />
      <form
        method="get"
        role="search"
        aria-label="Filter the audit log"
        className="mb-4 grid gap-3 rounded-lg border border-line bg-surface-muted p-4 sm:grid-cols-2 lg:grid-cols-5"
      >
        <div>
          <label htmlFor="q" className="block text-xs font-medium text-ink-muted">
            Search summaries and ids
          </label>
          <input id="q" name="q" type="search" defaultValue={filter.q} className={INPUT_CLASS} />
        </div>
        {select("type", "Entry type", facets.entityTypes, filter.entityType)}
        {select("action", "Action", facets.actions, filter.action)}
        {select("actor", "Who", facets.actors, filter.actor)}
        <div className="flex items-end gap-2">
          <button type="submit" className={PRIMARY_BUTTON}>
            Filter
          </button>
          <Link href="/admin/audit" className={SECONDARY_BUTTON}>
            Reset
          </Link>
        </div>
      </form>
      <p className="text-sm text-ink-muted">
        {total} records · page {Math.min(page, pages)} of {pages}
      </p>
      <AuditTable
        entries={entries}
        actions={(entry) => {
          if (!["tool", "phase", "capability"].includes(entry.entityType)) return null;
          const snapshot = entry.action === "delete" ? entry.before : entry.after;
          const current = versions.get(`${entry.entityType}:${entry.entityId}`) ?? null;
          const isCurrent =
            current !== null &&
            typeof snapshot === "object" &&
            snapshot !== null &&
            (snapshot as { version?: unknown }).version === current;
          if (snapshot === null || isCurrent) return null;
          return (
            <RestoreButton
              auditId={entry.id}
              expectedVersion={current}
              label={entry.action === "delete" ? `Restore the deleted ${entry.entityType}` : "Restore this version"}
            />
          );
        }}
      />
      {pages > 1 ? (
        <nav aria-label="Pages" className="mt-4 flex gap-2">
          {page > 1 ? (
            <Link href={pageHref(page - 1)} className={SECONDARY_BUTTON}>
              Newer
            </Link>
          ) : null}
          {page < pages ? (
            <Link href={pageHref(page + 1)} className={SECONDARY_BUTTON}>
              Older
            </Link>
          ) : null}
        </nav>
      ) : null}
    </>
  );
}
