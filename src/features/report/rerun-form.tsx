"use client";

import { useActionState } from "react";
import { rerunReportAction, type RerunState } from "./rerun-action";

/** One click: the same answers as a new assessment on today's catalog. A plain form; it works before scripts load. */
export function RerunForm({ assessmentId }: { assessmentId: string }) {
  const [state, action, pending] = useActionState<RerunState, FormData>(rerunReportAction, { error: null });
  return (
    <form action={action} className="mt-3 flex flex-wrap items-center gap-3">
      <input type="hidden" name="id" value={assessmentId} />
      <button
        type="submit"
        disabled={pending}
        className="rounded-md bg-accent px-4 py-2 text-sm font-semibold text-accent-ink hover:opacity-90 disabled:opacity-60"
      >
        {pending ? "Re-running…" : "Re-run with the same answers on today's catalog"}
      </button>
      {state.error ? (
        <p role="alert" className="text-sm text-danger">
          {state.error}
        </p>
      ) : null}
    </form>
  );
}
