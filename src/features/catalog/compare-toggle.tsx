"use client";

import { useCompareSelection } from "./compare-selection";

export function CompareToggle({ slug, name }: { slug: string; name: string }) {
  const { selected, toggle, isFull } = useCompareSelection();
  const checked = selected.includes(slug);
  return (
    <label className="inline-flex cursor-pointer items-center gap-1.5 text-sm text-ink-muted">
      <input
        type="checkbox"
        className="h-4 w-4 accent-[var(--accent)]"
        checked={checked}
        disabled={!checked && isFull}
        onChange={() => toggle(slug)}
        aria-label={`Compare ${name}`}
      />
      Compare
    </label>
  );
}
