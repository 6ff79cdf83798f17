import Link from "next/link";
import type { Route } from "next";
import type { ReactNode } from "react";
import { isRecord } from "@/domain/admin/entry-diff";
import type { AuditEntry } from "@/server/repositories/audit-repository";
import { AuditDiff } from "./audit-diff";

const ACTION_TONES: Record<string, string> = {
  create: "bg-ok-soft text-ok",
  restore: "bg-ok-soft text-ok",
  update: "bg-accent-soft text-accent",
  import: "bg-accent-soft text-accent",
  retire: "bg-warn-soft text-warn",
  disable: "bg-warn-soft text-warn",
  delete: "bg-danger-soft text-danger",
};

export function formatTime(date: Date): string {
  return date.toISOString().replace("T", " ").slice(0, 16) + " UTC";
}

function entityLink(entry: AuditEntry): ReactNode {
  const snapshot = isRecord(entry.after) ? entry.after : isRecord(entry.before) ? entry.before : null;
  const slug = typeof snapshot?.slug === "string" ? snapshot.slug : null;
  if (entry.entityType === "tool" && slug) {
    return (
      <Link href={`/admin/tools/${slug}/history` as Route} className="hover:underline">
        tool {slug}
      </Link>
    );
  }
  const email = typeof snapshot?.email === "string" ? snapshot.email : null;
  return `${entry.entityType} ${slug ?? email ?? entry.entityId}`;
}

/** Audit records, newest first, each with the diff of its before and after. `actions` renders per-entry controls. */
export function AuditTable({
  entries,
  compact = false,
  actions,
}: {
  entries: AuditEntry[];
  compact?: boolean;
  actions?: (entry: AuditEntry) => ReactNode;
}) {
  if (entries.length === 0) return <p className="mt-3 text-sm text-ink-muted">No audit records match.</p>;
  return (
    <ol className="mt-3 divide-y divide-line rounded-lg border border-line" aria-label="Audit records">
      {entries.map((entry) => (
        <li key={entry.id} className="px-4 py-3">
          <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1 text-sm">
            <span
              className={`rounded px-1.5 py-0.5 text-xs font-semibold ${ACTION_TONES[entry.action] ?? "bg-surface-muted text-ink-muted"}`}
            >
              {entry.action}
            </span>
            <span className="font-medium">{entry.summary}</span>
            <span className="text-ink-muted">
              {entityLink(entry)} · by {entry.actorLabel} ·{" "}
              <time dateTime={entry.createdAt.toISOString()}>{formatTime(entry.createdAt)}</time> · #{entry.id}
            </span>
          </div>
          {!compact && (entry.before !== null || entry.after !== null) ? <AuditDiff auditId={entry.id} /> : null}
          {actions ? <div className="mt-2">{actions(entry)}</div> : null}
        </li>
      ))}
    </ol>
  );
}
