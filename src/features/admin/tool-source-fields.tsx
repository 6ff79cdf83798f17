"use client";

import type { Freshness } from "@/domain/catalog/schema";
import { SOURCE_FACT_LABELS } from "@/domain/catalog/labels";
import { SOURCE_FACTS } from "@/domain/catalog/vocabulary";
import type { ErrorsAt } from "./tool-relation-fields";
import { describedBy, FieldErrors, INPUT_CLASS, SECONDARY_BUTTON } from "./ui";

/** The form's copy of one source: text as typed. */
export type SourceState = { url: string; supports: string[]; checked: string; note: string };

export const MAX_SOURCES = 12;

/**
 * Where the entry's facts come from, and how it is kept current: dated sources (status, licence and pricing each need
 * one), vendor support, the review interval, and what `npm run catalog:refresh` last read (shown, not edited).
 */
export function SourceFields({
  sources,
  onSourcesChange,
  vendorSupport,
  onVendorSupportChange,
  reviewIntervalDays,
  onReviewIntervalChange,
  freshness,
  errorsAt,
}: {
  sources: SourceState[];
  onSourcesChange: (next: SourceState[]) => void;
  vendorSupport: boolean;
  onVendorSupportChange: (next: boolean) => void;
  reviewIntervalDays: string;
  onReviewIntervalChange: (next: string) => void;
  freshness: Freshness | null;
  errorsAt: ErrorsAt;
}) {
  const update = (i: number, change: Partial<SourceState>) =>
    onSourcesChange(sources.map((s, j) => (j === i ? { ...s, ...change } : s)));
  const intervalErrors = errorsAt("reviewIntervalDays");
  return (
    <fieldset className="space-y-5">
      <legend className="mb-2 text-lg font-semibold">Sources and upkeep</legend>
      <p className="text-sm text-ink-muted">
        Each source is a page that says the facts it supports, and the day someone checked it said so. Status, licence
        and pricing each need at least one.
      </p>
      <FieldErrors id="sources-error" errors={errorsAt("sources", true)} />
      <ol className="space-y-3" aria-label="Sources">
        {sources.map((source, i) => {
          const id = `source-${i}`;
          const at = (field: string) => errorsAt(`sources.${i}.${field}`);
          return (
            <li key={i} className="rounded-md border border-line p-3">
              <fieldset className="grid gap-3 md:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
                <legend className="sr-only">Source {i + 1}</legend>
                <div className="space-y-1">
                  <label htmlFor={`${id}-url`} className="block text-sm font-medium">
                    Source {i + 1}: address
                  </label>
                  <input
                    id={`${id}-url`}
                    type="url"
                    value={source.url}
                    onChange={(e) => update(i, { url: e.target.value })}
                    placeholder="https://…"
                    className={INPUT_CLASS}
                    {...describedBy(`${id}-url`, { errors: at("url") })}
                  />
                  <FieldErrors id={`${id}-url-error`} errors={at("url")} />
                </div>
                <div className="space-y-1">
                  <label htmlFor={`${id}-checked`} className="block text-sm font-medium">
                    Source {i + 1}: checked on
                  </label>
                  <input
                    id={`${id}-checked`}
                    type="date"
                    value={source.checked}
                    onChange={(e) => update(i, { checked: e.target.value })}
                    className={INPUT_CLASS}
                    {...describedBy(`${id}-checked`, { errors: at("checked") })}
                  />
                  <FieldErrors id={`${id}-checked-error`} errors={at("checked")} />
                </div>
                <fieldset className="space-y-1 md:col-span-2">
                  <legend className="text-sm font-medium">Source {i + 1}: what it supports</legend>
                  <div className="flex flex-wrap gap-x-4 gap-y-1">
                    {SOURCE_FACTS.map((fact) => (
                      <label key={fact} className="flex items-center gap-1.5 text-sm">
                        <input
                          type="checkbox"
                          checked={source.supports.includes(fact)}
                          onChange={() =>
                            update(i, {
                              supports: source.supports.includes(fact)
                                ? source.supports.filter((f) => f !== fact)
                                : SOURCE_FACTS.filter((f) => f === fact || source.supports.includes(f)),
                            })
                          }
                        />
                        {SOURCE_FACT_LABELS[fact]}
                      </label>
                    ))}
                  </div>
                  <FieldErrors id={`${id}-supports-error`} errors={at("supports")} />
                </fieldset>
                <div className="space-y-1 md:col-span-2">
                  <label htmlFor={`${id}-note`} className="block text-sm font-medium">
                    Source {i + 1}: note (optional)
                  </label>
                  <input
                    id={`${id}-note`}
                    value={source.note}
                    onChange={(e) => update(i, { note: e.target.value })}
                    className={INPUT_CLASS}
                    {...describedBy(`${id}-note`, { errors: at("note") })}
                  />
                  <FieldErrors id={`${id}-note-error`} errors={at("note")} />
                </div>
              </fieldset>
              <button
                type="button"
                className={`${SECONDARY_BUTTON} mt-2`}
                onClick={() => onSourcesChange(sources.filter((_, j) => j !== i))}
              >
                Remove source {i + 1}
              </button>
            </li>
          );
        })}
      </ol>
      <button
        type="button"
        className={SECONDARY_BUTTON}
        disabled={sources.length >= MAX_SOURCES}
        onClick={() =>
          // A new source is checked today, unless the maintainer says otherwise.
          onSourcesChange([
            ...sources,
            { url: "", supports: [], checked: new Date().toISOString().slice(0, 10), note: "" },
          ])
        }
      >
        Add a source
      </button>

      <div className="grid gap-4 md:grid-cols-2">
        <label className="flex items-start gap-2 text-sm">
          <input
            type="checkbox"
            checked={vendorSupport}
            onChange={(e) => onVendorSupportChange(e.target.checked)}
            className="mt-0.5"
          />
          <span>
            <span className="font-medium">Vendor support</span>
            <span className="block text-xs text-ink-muted">
              A company sells support or an enterprise subscription for it (for a cloud service: its provider).
            </span>
          </span>
        </label>
        <div className="space-y-1">
          <label htmlFor="reviewIntervalDays" className="block text-sm font-medium">
            Review every (days)
          </label>
          <p id="reviewIntervalDays-hint" className="text-xs text-ink-muted">
            30–730. Empty: by how fast such facts change (90 days for LLMOps tools, a year for stable open source).
          </p>
          <input
            id="reviewIntervalDays"
            type="number"
            inputMode="numeric"
            min={30}
            max={730}
            value={reviewIntervalDays}
            onChange={(e) => onReviewIntervalChange(e.target.value)}
            className={`${INPUT_CLASS} max-w-40`}
            {...describedBy("reviewIntervalDays", { hint: true, errors: intervalErrors })}
          />
          <FieldErrors id="reviewIntervalDays-error" errors={intervalErrors} />
        </div>
      </div>
      <div className="text-sm">
        <p className="font-medium">From its repository</p>
        <p className="text-ink-muted">
          {freshness
            ? [
                `Checked ${freshness.checked}`,
                freshness.latestRelease
                  ? `latest release ${freshness.latestRelease.version} (${freshness.latestRelease.date})`
                  : "no release found",
                freshness.lastActivity ? `last push ${freshness.lastActivity}` : null,
                freshness.archived ? "archived" : null,
              ]
                .filter(Boolean)
                .join(" · ") + ". Written by npm run catalog:refresh, not here."
            : "Not read yet: npm run catalog:refresh fills this in for tools with a repository."}
        </p>
      </div>
    </fieldset>
  );
}
