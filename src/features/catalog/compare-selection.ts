"use client";

import { useSyncExternalStore } from "react";

/** The tools a visitor ticked for comparison, shared by every card on the page and kept for the browser session. */
export const MAX_COMPARE = 4;
const KEY = "compare-selection";
const listeners = new Set<() => void>();
let memory: string[] = [];

function read(): string[] {
  try {
    const stored = sessionStorage.getItem(KEY);
    const parsed: unknown = stored ? JSON.parse(stored) : [];
    return Array.isArray(parsed) ? parsed.filter((s): s is string => typeof s === "string").slice(0, MAX_COMPARE) : [];
  } catch {
    return memory;
  }
}

let snapshot: string[] | null = null;
function getSnapshot(): string[] {
  snapshot ??= read();
  return snapshot;
}

const EMPTY: string[] = [];

function write(next: string[]) {
  memory = next;
  snapshot = next;
  try {
    sessionStorage.setItem(KEY, JSON.stringify(next));
  } catch {
    // storage unavailable: keep it in memory for this page
  }
  for (const listener of listeners) listener();
}

export function useCompareSelection() {
  const selected = useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    getSnapshot,
    () => EMPTY,
  );
  return {
    selected,
    isFull: selected.length >= MAX_COMPARE,
    toggle: (slug: string) => {
      const current = getSnapshot();
      if (current.includes(slug)) write(current.filter((s) => s !== slug));
      else if (current.length < MAX_COMPARE) write([...current, slug]);
    },
    clear: () => write([]),
  };
}
