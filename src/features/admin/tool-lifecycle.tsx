"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { deleteToolAction, retireToolAction } from "./actions/tool-actions";
import type { PickerOption } from "./tool-form";
import { FieldErrors, INPUT_CLASS, Notice, DANGER_BUTTON, SECONDARY_BUTTON } from "./ui";

const RETIRE_STATUSES = [
  ["sunset", "Sunset — no longer developed or offered"],
  ["deprecated", "Deprecated — its makers recommend something else"],
  ["renamed", "Renamed — lives on under another name"],
  ["maintenance", "Maintenance only — fixes, no new features"],
] as const;

/** Retire (a status change, kept for history and links) or delete (only when nothing references the tool). */
export function ToolLifecycle({
  slug,
  name,
  version,
  references,
  successors,
}: {
  slug: string;
  name: string;
  version: number;
  references: string[];
  successors: PickerOption[];
}) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<{ tone: "ok" | "danger"; text: string } | null>(null);
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [status, setStatus] = useState<string>("sunset");
  const [successor, setSuccessor] = useState("");
  const [note, setNote] = useState("");
  const [confirming, setConfirming] = useState(false);

  const retire = () =>
    startTransition(async () => {
      const result = await retireToolAction({ slug, expectedVersion: version, status, successor, statusNote: note });
      setErrors(result.ok ? {} : (result.fieldErrors ?? {}));
      const label = RETIRE_STATUSES.find(([value]) => value === status)?.[1].split(" — ")[0] ?? status;
      setMessage({
        tone: result.ok ? "ok" : "danger",
        text: result.ok
          ? `${name} is now marked “${label}”. The form above shows the new version; its public page says so.`
          : result.message,
      });
      if (result.ok) {
        setNote("");
        setSuccessor("");
        router.refresh();
      }
    });

  const remove = () =>
    startTransition(async () => {
      const result = await deleteToolAction({ slug, expectedVersion: version });
      if (result.ok) {
        router.push("/admin/tools");
        router.refresh();
        return;
      }
      setConfirming(false);
      setMessage({ tone: "danger", text: result.message });
    });

  const errorsOf = (field: string) => [...(errors[field] ?? []), ...(errors[`retire.${field}`] ?? [])];

  return (
    <section aria-labelledby="lifecycle-heading" className="mt-12 space-y-6 rounded-lg border border-line p-5">
      <h2 id="lifecycle-heading" className="text-lg font-semibold">
        Retire or delete
      </h2>
      <div className="grid gap-4 md:grid-cols-3">
        <div className="space-y-1">
          <label htmlFor="retire-status" className="block text-sm font-medium">
            New status
          </label>
          <select id="retire-status" value={status} onChange={(e) => setStatus(e.target.value)} className={INPUT_CLASS}>
            {RETIRE_STATUSES.map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
          <FieldErrors id="retire-status-error" errors={errorsOf("status")} />
        </div>
        <div className="space-y-1">
          <label htmlFor="retire-successor" className="block text-sm font-medium">
            Use instead (successor)
          </label>
          <select
            id="retire-successor"
            value={successor}
            onChange={(e) => setSuccessor(e.target.value)}
            className={INPUT_CLASS}
          >
            <option value="">—</option>
            {successors.map((t) => (
              <option key={t.slug} value={t.slug}>
                {t.name}
              </option>
            ))}
          </select>
          <FieldErrors id="retire-successor-error" errors={errorsOf("successor")} />
        </div>
        <div className="space-y-1">
          <label htmlFor="retire-note" className="block text-sm font-medium">
            What happened, and when
          </label>
          <input id="retire-note" value={note} onChange={(e) => setNote(e.target.value)} className={INPUT_CLASS} />
          <FieldErrors id="retire-note-error" errors={errorsOf("statusNote")} />
        </div>
      </div>
      <button type="button" onClick={retire} disabled={pending} className={SECONDARY_BUTTON}>
        Retire {name}
      </button>
      {message ? <Notice tone={message.tone}>{message.text}</Notice> : null}

      <div className="border-t border-line pt-4">
        {references.length > 0 ? (
          <p className="text-sm text-ink-muted">
            Cannot be deleted while referenced ({references.join("; ")}). Retire it instead, or remove those links
            first.
          </p>
        ) : confirming ? (
          <div className="flex flex-wrap items-center gap-3">
            <span className="text-sm">
              Delete {name} for good? The audit log keeps its last version, which can be restored.
            </span>
            <button type="button" onClick={remove} disabled={pending} className={DANGER_BUTTON}>
              Yes, delete {name}
            </button>
            <button type="button" onClick={() => setConfirming(false)} className={SECONDARY_BUTTON}>
              Cancel
            </button>
          </div>
        ) : (
          <button type="button" onClick={() => setConfirming(true)} className={DANGER_BUTTON}>
            Delete {name}
          </button>
        )}
      </div>
    </section>
  );
}
