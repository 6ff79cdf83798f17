"use client";

import { describeValue, diffEntries } from "@/domain/admin/entry-diff";
import type { ToolSnapshot } from "@/domain/admin/snapshots";
import type { ToolInput } from "@/domain/catalog/schema";
import { Notice, PRIMARY_BUTTON, SECONDARY_BUTTON } from "./ui";

export type ConflictInfo = {
  current: ToolSnapshot | null;
  lastChange: { actorLabel: string; createdAt: string | Date; summary: string } | null;
};

/**
 * Shown when a save was refused because someone saved the entry first. Lists what they changed (from the version this
 * form started from to theirs) and where that collides with this form's edits. Nothing has been overwritten.
 */
export function ConflictPanel({
  conflict,
  base,
  mine,
  onLoadTheirs,
  onKeepMine,
}: {
  conflict: ConflictInfo;
  base: ToolInput;
  mine: Record<string, unknown>;
  onLoadTheirs: () => void;
  onKeepMine: () => void;
}) {
  const theirs = conflict.current;
  const theirChanges = theirs ? diffEntries(base, theirs) : [];
  const myChanges = new Set(diffEntries(base as Record<string, unknown>, mine).map((c) => c.field));
  const when = conflict.lastChange
    ? new Date(conflict.lastChange.createdAt).toISOString().replace("T", " ").slice(0, 16)
    : null;
  return (
    <section aria-labelledby="conflict-heading" className="rounded-lg border-2 border-warn bg-warn-soft p-4">
      <h2 id="conflict-heading" tabIndex={-1} className="text-lg font-semibold">
        Edit conflict: this tool changed while you were editing
      </h2>
      <p className="mt-1 text-sm">
        {conflict.lastChange
          ? `${conflict.lastChange.actorLabel} saved version ${theirs?.version ?? "?"} at ${when} UTC (${conflict.lastChange.summary}). `
          : "The tool was changed or deleted by someone else. "}
        Your save was not applied and their change was not overwritten.
      </p>
      {theirs ? (
        <table className="mt-3 w-full table-fixed text-left text-sm">
          <caption className="sr-only">What they changed</caption>
          <thead className="text-xs text-ink-muted">
            <tr>
              <th scope="col" className="w-40 py-1">
                Field
              </th>
              <th scope="col" className="py-1">
                When you opened it
              </th>
              <th scope="col" className="py-1">
                Their version
              </th>
            </tr>
          </thead>
          <tbody>
            {theirChanges.map((c) => (
              <tr key={c.field} className="border-t border-warn/40 align-top">
                <th scope="row" className="py-1 font-mono text-xs">
                  {c.field}
                  {myChanges.has(c.field) ? (
                    <span className="ml-1 font-sans font-semibold text-danger">(you changed it too)</span>
                  ) : null}
                </th>
                <td className="py-1 whitespace-pre-wrap">{describeValue(c.before)}</td>
                <td className="py-1 whitespace-pre-wrap">{describeValue(c.after)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <Notice tone="danger">The tool no longer exists.</Notice>
      )}
      {theirs ? (
        <div className="mt-4 flex flex-wrap gap-2">
          <button type="button" onClick={onLoadTheirs} className={PRIMARY_BUTTON}>
            Load their version (discard my edits)
          </button>
          <button type="button" onClick={onKeepMine} className={SECONDARY_BUTTON}>
            Keep my edits on top of theirs
          </button>
        </div>
      ) : null}
    </section>
  );
}
