"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { describeValue } from "@/domain/admin/entry-diff";
import { applyImportAction, previewImportAction, type ImportPreview } from "./actions/import-actions";
import { Notice, PRIMARY_BUTTON, SECONDARY_BUTTON } from "./ui";

/** Upload a catalog file, see exactly what would change (dry run), then apply it in one transaction. */
export function ImportForm() {
  const router = useRouter();
  const [file, setFile] = useState<{ name: string; text: string } | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [problems, setProblems] = useState<string[]>([]);
  const [message, setMessage] = useState<{ tone: "ok" | "danger"; text: string } | null>(null);
  const [pending, startTransition] = useTransition();

  const reset = () => {
    setPreview(null);
    setProblems([]);
    setMessage(null);
  };

  const dryRun = () =>
    startTransition(async () => {
      if (!file) return;
      reset();
      const result = await previewImportAction({ yaml: file.text, fileName: file.name });
      if (result.ok) setPreview(result.data);
      else {
        setMessage({ tone: "danger", text: result.message });
        setProblems(Object.values(result.fieldErrors ?? {}).flat());
      }
    });

  const apply = () =>
    startTransition(async () => {
      if (!file || !preview) return;
      const result = await applyImportAction({
        yaml: file.text,
        fileName: file.name,
        expectedRevision: preview.revision,
      });
      setMessage({
        tone: result.ok ? "ok" : "danger",
        text: result.ok ? (result.message ?? "Imported.") : result.message,
      });
      setProblems(result.ok ? [] : Object.values(result.fieldErrors ?? {}).flat());
      setPreview(null);
      if (result.ok) router.refresh();
    });

  return (
    <div className="space-y-4">
      <div className="space-y-1">
        <label htmlFor="import-file" className="block text-sm font-medium">
          Catalog file (YAML, as exported)
        </label>
        <input
          id="import-file"
          type="file"
          accept=".yaml,.yml,application/yaml,text/yaml"
          className="block text-sm"
          onChange={(e) => {
            reset();
            const chosen = e.target.files?.[0];
            if (!chosen) return setFile(null);
            void chosen.text().then((text) => setFile({ name: chosen.name, text }));
          }}
        />
      </div>
      <div className="flex gap-2">
        <button type="button" className={SECONDARY_BUTTON} disabled={!file || pending} onClick={dryRun}>
          Dry run: show what would change
        </button>
        {preview ? (
          <button
            type="button"
            className={PRIMARY_BUTTON}
            disabled={pending || preview.counts.create + preview.counts.update === 0}
            onClick={apply}
          >
            Apply {preview.counts.create + preview.counts.update} changes
          </button>
        ) : null}
      </div>
      {message ? (
        <Notice tone={message.tone}>
          {message.text}
          {problems.length > 0 ? (
            <ul className="mt-2 list-disc space-y-0.5 pl-5 font-mono text-xs">
              {problems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          ) : null}
        </Notice>
      ) : null}
      {preview ? (
        <section aria-labelledby="preview-heading" className="rounded-lg border border-line p-4">
          <h3 id="preview-heading" className="font-semibold">
            Dry run: {preview.counts.create} to create, {preview.counts.update} to update, {preview.counts.unchanged}{" "}
            unchanged
          </h3>
          <p className="text-sm text-ink-muted">Nothing has been written yet.</p>
          <ul className="mt-3 space-y-2">
            {preview.entries.map((entry) => (
              <li key={`${entry.kind}-${entry.slug}`} className="text-sm">
                <span className={`font-semibold ${entry.action === "create" ? "text-ok" : "text-accent"}`}>
                  {entry.action}
                </span>{" "}
                {entry.kind} <code>{entry.slug}</code>
                {entry.changes.length > 0 ? (
                  <ul className="mt-1 ml-4 space-y-0.5 text-xs text-ink-muted">
                    {entry.changes.map((c) => (
                      <li key={c.field}>
                        <span className="font-mono">{c.field}</span>: {describeValue(c.before).slice(0, 120)} →{" "}
                        {describeValue(c.after).slice(0, 120)}
                      </li>
                    ))}
                  </ul>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
