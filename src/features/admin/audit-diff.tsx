"use client";

import { useState, type SyntheticEvent } from "react";
import { auditDiffAction } from "./actions/audit-actions";
import { DiffView } from "./diff-view";

type Loaded = { before: unknown; after: unknown };

/** "Show what changed" for one audit record: the diff is fetched the first time it is opened. */
export function AuditDiff({ auditId }: { auditId: number }) {
  const [diff, setDiff] = useState<Loaded | null>(null);
  const [error, setError] = useState<string | null>(null);

  function onToggle(event: SyntheticEvent<HTMLDetailsElement>) {
    if (!event.currentTarget.open || diff) return;
    setError(null);
    auditDiffAction({ auditId })
      .then((result) => (result.ok ? setDiff(result.data) : setError(result.message)))
      .catch(() => setError("The changes could not be loaded. Try again."));
  }

  return (
    <details className="mt-2" onToggle={onToggle}>
      <summary className="cursor-pointer text-sm text-accent">Show what changed</summary>
      <div className="mt-2" aria-live="polite">
        {diff ? (
          <DiffView before={diff.before} after={diff.after} emptyText="Only bookkeeping changed." />
        ) : error ? (
          <p className="text-sm text-danger">{error}</p>
        ) : (
          <p className="text-sm text-ink-muted">Loading…</p>
        )}
      </div>
    </details>
  );
}
