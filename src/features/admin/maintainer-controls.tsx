"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition, type FormEvent } from "react";
import { ROLE_LABELS, ROLES } from "@/domain/auth/roles";
import {
  changeOwnPasswordAction,
  changeRoleAction,
  createMaintainerAction,
  resetPasswordAction,
  setDisabledAction,
} from "./actions/maintainer-actions";
import { describedBy, FieldErrors, INPUT_CLASS, Notice, DANGER_BUTTON, PRIMARY_BUTTON, SECONDARY_BUTTON } from "./ui";

type Outcome = { ok: boolean; message?: string; fieldErrors?: Record<string, string[]>; data?: unknown };

function OneTimePassword({ data }: { data: unknown }) {
  const credentials = data as { email?: string; password?: string } | null;
  if (!credentials?.password) return null;
  return (
    <div className="mt-2 rounded-md border border-line bg-surface p-3 text-sm">
      Password for <strong>{credentials.email}</strong>, shown once — hand it over securely:{" "}
      <code className="rounded bg-surface-muted px-1.5 py-0.5 font-mono" aria-label="One-time password">
        {credentials.password}
      </code>
    </div>
  );
}

export function CreateMaintainerForm() {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    startTransition(async () => {
      const result = await createMaintainerAction({
        email: data.get("email"),
        name: data.get("name"),
        role: data.get("role"),
      });
      setOutcome(result);
      if (result.ok) {
        form.reset();
        router.refresh();
      }
    });
  };
  const errors = (field: string) => outcome?.fieldErrors?.[field];
  return (
    <form onSubmit={onSubmit} className="space-y-3" aria-label="Add a maintainer">
      {outcome ? (
        <Notice tone={outcome.ok ? "ok" : "danger"}>
          {outcome.message}
          {outcome.ok ? <OneTimePassword data={outcome.data} /> : null}
        </Notice>
      ) : null}
      <div className="grid gap-3 sm:grid-cols-3">
        <div className="space-y-1">
          <label htmlFor="new-email" className="block text-sm font-medium">
            Email
          </label>
          <input
            id="new-email"
            name="email"
            type="email"
            className={INPUT_CLASS}
            {...describedBy("new-email", { errors: errors("email") })}
          />
          <FieldErrors id="new-email-error" errors={errors("email")} />
        </div>
        <div className="space-y-1">
          <label htmlFor="new-name" className="block text-sm font-medium">
            Name
          </label>
          <input
            id="new-name"
            name="name"
            className={INPUT_CLASS}
            {...describedBy("new-name", { errors: errors("name") })}
          />
          <FieldErrors id="new-name-error" errors={errors("name")} />
        </div>
        <div className="space-y-1">
          <label htmlFor="new-role" className="block text-sm font-medium">
            Role
          </label>
          <select id="new-role" name="role" defaultValue="editor" className={INPUT_CLASS}>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {ROLE_LABELS[r]}
              </option>
            ))}
          </select>
        </div>
      </div>
      <button type="submit" disabled={pending} className={PRIMARY_BUTTON}>
        Create account
      </button>
    </form>
  );
}

export function MaintainerRowControls({
  id,
  email,
  role,
  disabled,
  isSelf,
}: {
  id: string;
  email: string;
  role: string;
  disabled: boolean;
  isSelf: boolean;
}) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const run = (action: () => Promise<Outcome>) =>
    startTransition(async () => {
      const result = await action();
      setOutcome(result);
      if (result.ok) router.refresh();
    });
  if (isSelf) return <span className="text-sm text-ink-muted">This is you</span>;
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-center gap-2">
        <label htmlFor={`role-${id}`} className="sr-only">
          Role of {email}
        </label>
        <select
          id={`role-${id}`}
          defaultValue={role}
          disabled={pending}
          onChange={(e) => run(() => changeRoleAction({ id, role: e.target.value }))}
          className="rounded-md border border-line bg-surface px-2 py-1.5 text-sm"
        >
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {r}
            </option>
          ))}
        </select>
        <button
          type="button"
          disabled={pending}
          className={disabled ? SECONDARY_BUTTON : DANGER_BUTTON}
          onClick={() => run(() => setDisabledAction({ id, disabled: disabled ? "false" : "true" }))}
        >
          {disabled ? `Enable ${email}` : `Disable ${email}`}
        </button>
        <button
          type="button"
          disabled={pending}
          className={SECONDARY_BUTTON}
          onClick={() => run(() => resetPasswordAction({ id }))}
        >
          Reset password
        </button>
      </div>
      {outcome ? (
        <p role={outcome.ok ? "status" : "alert"} className={`text-sm ${outcome.ok ? "text-ok" : "text-danger"}`}>
          {outcome.message}
        </p>
      ) : null}
      {outcome?.ok ? <OneTimePassword data={outcome.data} /> : null}
    </div>
  );
}

export function ChangePasswordForm() {
  const [pending, startTransition] = useTransition();
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    startTransition(async () => {
      const result = await changeOwnPasswordAction({
        currentPassword: data.get("currentPassword"),
        newPassword: data.get("newPassword"),
        confirmPassword: data.get("confirmPassword"),
      });
      setOutcome(result);
      // Every session ended: a full page load leaves nothing of the admin in the router's cache.
      if (result.ok) window.location.replace("/admin/sign-in?changed=1");
    });
  };
  const field = (name: string, label: string, autoComplete: string) => (
    <div className="space-y-1">
      <label htmlFor={name} className="block text-sm font-medium">
        {label}
      </label>
      <input
        id={name}
        name={name}
        type="password"
        autoComplete={autoComplete}
        className={INPUT_CLASS}
        {...describedBy(name, { errors: outcome?.fieldErrors?.[name] })}
      />
      <FieldErrors id={`${name}-error`} errors={outcome?.fieldErrors?.[name]} />
    </div>
  );
  return (
    <form onSubmit={onSubmit} className="max-w-md space-y-3" aria-label="Change your password">
      {outcome && !outcome.ok ? <Notice tone="danger">{outcome.message}</Notice> : null}
      {field("currentPassword", "Current password", "current-password")}
      {field("newPassword", "New password (12 characters or more)", "new-password")}
      {field("confirmPassword", "New password again", "new-password")}
      <button type="submit" disabled={pending} className={PRIMARY_BUTTON}>
        Change password and sign out everywhere
      </button>
    </form>
  );
}
