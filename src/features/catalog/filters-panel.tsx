"use client";

import { useEffect, useRef, type ReactNode } from "react";

/**
 * Filters sit in a sidebar on wide screens and fold away on phones. Rendered open (so it works without
 * JavaScript); on narrow screens it folds once mounted.
 */
export function FiltersPanel({ children, activeCount }: { children: ReactNode; activeCount: number }) {
  const ref = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    if (ref.current && window.matchMedia("(max-width: 1023px)").matches) ref.current.open = false;
  }, []);
  return (
    <details ref={ref} open className="group">
      <summary className="cursor-pointer rounded-md border border-line px-3 py-2 text-sm font-semibold lg:hidden">
        Search and filters{activeCount > 0 ? ` (${activeCount} active)` : ""}
      </summary>
      <div className="mt-4 lg:mt-0">{children}</div>
    </details>
  );
}
