import type { ReactNode } from "react";

/**
 * Filters sit in a sidebar on wide screens and fold away on phones. A plain <details>: closed as served, so a phone
 * shows the results first; on wide screens a style rule keeps its content visible (globals.css). No script, no
 * layout shift when the page hydrates.
 */
export function FiltersPanel({ children, activeCount }: { children: ReactNode; activeCount: number }) {
  return (
    <details className="filters-panel group">
      <summary className="cursor-pointer rounded-md border border-line px-3 py-2 text-sm font-semibold">
        Search and filters{activeCount > 0 ? ` (${activeCount} active)` : ""}
      </summary>
      <div className="mt-4 lg:mt-0">{children}</div>
    </details>
  );
}
