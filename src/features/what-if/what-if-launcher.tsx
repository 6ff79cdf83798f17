"use client";

import dynamic from "next/dynamic";
import { useState } from "react";
import { useHydrated } from "@/components/use-hydrated";

/** The engine and catalog load only when someone opens the panel. */
const WhatIfPanel = dynamic(() => import("./what-if-panel").then((m) => m.WhatIfPanel), {
  ssr: false,
  loading: () => <p className="text-sm text-ink-muted">Loading the recommender…</p>,
});

export function WhatIfLauncher({ assessmentId }: { assessmentId: string }) {
  const [open, setOpen] = useState(false);
  const hydrated = useHydrated();
  if (!open) {
    return (
      <button
        type="button"
        onClick={() => setOpen(true)}
        disabled={!hydrated}
        className="rounded-md border border-accent px-4 py-2 text-sm font-semibold text-accent hover:bg-accent-soft"
      >
        What if…? Change an answer and see the stack change
      </button>
    );
  }
  return <WhatIfPanel assessmentId={assessmentId} onClose={() => setOpen(false)} />;
}
