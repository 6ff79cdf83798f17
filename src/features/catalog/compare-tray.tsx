"use client";

import Link from "next/link";
import { MAX_COMPARE, useCompareSelection } from "./compare-selection";

/** A bar that appears once tools are ticked, linking to the side-by-side view. */
export function CompareTray({ names }: { names: Record<string, string> }) {
  const { selected, clear } = useCompareSelection();
  if (selected.length === 0) return null;
  const href = `/compare?tools=${selected.join(",")}`;
  return (
    <div
      role="region"
      aria-label="Compare selection"
      className="sticky bottom-4 z-20 mx-auto mt-6 flex max-w-3xl flex-wrap items-center justify-between gap-3 rounded-lg border border-line bg-surface-raised p-3 shadow-lg"
    >
      <p className="text-sm">
        <strong>{selected.length}</strong> of {MAX_COMPARE} selected: {selected.map((s) => names[s] ?? s).join(", ")}
      </p>
      <div className="flex gap-2">
        <button
          type="button"
          onClick={clear}
          className="rounded-md border border-line px-3 py-1.5 text-sm hover:bg-surface-muted"
        >
          Clear
        </button>
        {selected.length >= 2 ? (
          <Link
            href={href}
            className="rounded-md bg-accent px-3 py-1.5 text-sm font-semibold text-accent-ink hover:opacity-90"
          >
            Compare {selected.length} tools
          </Link>
        ) : (
          <span className="rounded-md px-3 py-1.5 text-sm text-ink-muted">Pick at least 2</span>
        )}
      </div>
    </div>
  );
}
