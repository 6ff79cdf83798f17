"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { restoreVersionAction } from "./actions/tool-actions";
import { SECONDARY_BUTTON } from "./ui";

/** Makes an audit record's version the current one (a new, audited change; a stale page gets a conflict). */
export function RestoreButton({
  auditId,
  expectedVersion,
  label,
}: {
  auditId: number;
  expectedVersion: number | null;
  label: string;
}) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const errors = (fieldErrors?: Record<string, string[]>) =>
    Object.entries(fieldErrors ?? {})
      .flatMap(([field, list]) => list.map((m) => (field ? `${field.replace(/^entry\./, "")}: ${m}` : m)))
      .join("; ");
  return (
    <div className="flex flex-wrap items-center gap-3">
      <button
        type="button"
        disabled={pending}
        className={SECONDARY_BUTTON}
        onClick={() =>
          startTransition(async () => {
            const result = await restoreVersionAction({ auditId, expectedVersion });
            setMessage(
              result.ok
                ? { ok: true, text: "Restored as a new version." }
                : {
                    ok: false,
                    text: [
                      result.code === "conflict"
                        ? "This entry changed since the page loaded; reload and try again."
                        : result.message,
                      errors(result.fieldErrors),
                    ]
                      .filter(Boolean)
                      .join(" "),
                  },
            );
            if (result.ok) router.refresh();
          })
        }
      >
        {pending ? "Restoring…" : label}
      </button>
      {message ? (
        <span role={message.ok ? "status" : "alert"} className={`text-sm ${message.ok ? "text-ok" : "text-danger"}`}>
          {message.text}
        </span>
      ) : null}
    </div>
  );
}
