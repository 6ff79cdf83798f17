import type { ReactNode } from "react";

/** Small building blocks shared by the admin pages, so forms look and behave the same everywhere. */

export const INPUT_CLASS =
  "w-full rounded-md border border-line bg-surface px-3 py-2 text-sm text-ink shadow-sm focus:border-accent focus:outline-none aria-[invalid=true]:border-danger";
export const BUTTON_CLASS =
  "inline-flex items-center justify-center gap-2 rounded-md px-4 py-2 text-sm font-semibold disabled:cursor-not-allowed disabled:opacity-60";
export const PRIMARY_BUTTON = `${BUTTON_CLASS} bg-accent text-accent-ink hover:opacity-90`;
export const SECONDARY_BUTTON = `${BUTTON_CLASS} border border-line bg-surface hover:bg-surface-muted`;
export const DANGER_BUTTON = `${BUTTON_CLASS} border border-danger bg-surface text-danger hover:bg-danger-soft`;

export function PageHeader({
  title,
  description,
  actions,
}: {
  title: string;
  description?: ReactNode;
  actions?: ReactNode;
}) {
  return (
    <header className="mb-6 flex flex-wrap items-end justify-between gap-4">
      <div>
        <h1 className="text-2xl font-bold tracking-tight">{title}</h1>
        {description ? <p className="mt-1 max-w-3xl text-sm text-ink-muted">{description}</p> : null}
      </div>
      {actions ? <div className="flex flex-wrap gap-2">{actions}</div> : null}
    </header>
  );
}

export function Notice({
  tone,
  children,
  title,
  id,
}: {
  tone: "ok" | "danger" | "warn" | "info";
  children: ReactNode;
  title?: string;
  /** Set when the page moves the focus to the notice. */
  id?: string;
}) {
  const tones = {
    ok: "border-ok bg-ok-soft",
    danger: "border-danger bg-danger-soft",
    warn: "border-warn bg-warn-soft",
    info: "border-line bg-surface-muted",
  } as const;
  return (
    <div
      id={id}
      tabIndex={id ? -1 : undefined}
      role={tone === "danger" ? "alert" : "status"}
      className={`rounded-lg border p-4 text-sm ${tones[tone]}`}
    >
      {title ? <p className="font-semibold">{title}</p> : null}
      <div className={title ? "mt-1" : undefined}>{children}</div>
    </div>
  );
}

/** A labelled field with its hint and its errors, wired for assistive technology. */
export function Field({
  id,
  label,
  hint,
  errors,
  children,
}: {
  id: string;
  label: string;
  hint?: ReactNode;
  errors?: string[];
  children: ReactNode;
}) {
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      {hint ? (
        <p id={`${id}-hint`} className="text-xs text-ink-muted">
          {hint}
        </p>
      ) : null}
      {children}
      <FieldErrors id={`${id}-error`} errors={errors} />
    </div>
  );
}

export function FieldErrors({ id, errors }: { id: string; errors?: string[] }) {
  if (!errors || errors.length === 0) return null;
  return (
    <ul id={id} data-field-error="" className="space-y-0.5 text-sm text-danger">
      {errors.map((error) => (
        <li key={error}>{error}</li>
      ))}
    </ul>
  );
}

/** aria attributes for an input with a hint and maybe errors. */
export function describedBy(id: string, { hint, errors }: { hint?: boolean; errors?: string[] }) {
  const ids = [hint ? `${id}-hint` : null, errors && errors.length > 0 ? `${id}-error` : null].filter(Boolean);
  return {
    "aria-describedby": ids.length > 0 ? ids.join(" ") : undefined,
    "aria-invalid": errors && errors.length > 0 ? true : undefined,
  };
}

/**
 * After a refused save: moves the focus (and so the view) to the first field with an error, in the order the form
 * shows them. A group's error (a list of checkboxes, a picker) focuses the group's first control. Returns whether a
 * field was found.
 */
export function focusFirstError(form: HTMLFormElement | null): boolean {
  const first = form?.querySelector<HTMLElement>('[aria-invalid="true"], [data-field-error]');
  if (!first) return false;
  const target = first.hasAttribute("data-field-error")
    ? (first
        .closest("fieldset, [data-field]")
        ?.querySelector<HTMLElement>("input:not([type=hidden]), select, textarea, button") ?? first)
    : first;
  target.focus();
  target.scrollIntoView({ block: "center" });
  return true;
}

/**
 * The bar under a long form: its submit button and the outcome of the last save, kept at the bottom of the screen so
 * that both stay where the maintainer is. The outcome is a live region, read out when it changes.
 */
export function FormActions({
  children,
  message,
}: {
  children: ReactNode;
  message: { tone: "ok" | "danger"; text: string } | null;
}) {
  return (
    <div className="sticky bottom-0 z-10 -mx-4 flex flex-wrap items-center gap-3 border-t border-line bg-surface/95 px-4 py-3 backdrop-blur sm:-mx-6 sm:px-6">
      {children}
      {/* Both regions are always there, so that screen readers announce a message as it appears. */}
      <p role="status" className="min-w-0 flex-1 text-sm font-medium text-ok empty:hidden">
        {message?.tone === "ok" ? message.text : null}
      </p>
      <p role="alert" className="min-w-0 flex-1 text-sm font-medium text-danger empty:hidden">
        {message?.tone === "danger" ? message.text : null}
      </p>
    </div>
  );
}
