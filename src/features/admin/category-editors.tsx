"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition, type FormEvent } from "react";
import type { Capability, Phase } from "@/domain/catalog/schema";
import { MATURITY_STAGES, STAGE_NAMES } from "@/domain/catalog/vocabulary";
import {
  deleteCapabilityAction,
  deletePhaseAction,
  saveCapabilityAction,
  savePhaseAction,
} from "./actions/category-actions";
import { describedBy, FieldErrors, INPUT_CLASS, Notice, DANGER_BUTTON, PRIMARY_BUTTON } from "./ui";

const text = (form: FormData, key: string) => {
  const value = form.get(key);
  return typeof value === "string" ? value : "";
};

type Result = {
  ok: boolean;
  message?: string;
  code?: string;
  fieldErrors?: Record<string, string[]>;
  conflict?: unknown;
};

function useEntrySave() {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [result, setResult] = useState<Result | null>(null);
  const run = (action: () => Promise<Result>) =>
    startTransition(async () => {
      const outcome = await action();
      setResult(outcome);
      if (outcome.ok) router.refresh();
    });
  return { pending, result, run };
}

function Outcome({ result }: { result: Result | null }) {
  if (!result) return null;
  if (result.ok) return <Notice tone="ok">{result.message ?? "Saved."}</Notice>;
  const conflict = result.conflict as
    { current?: Record<string, unknown> | null; lastChange?: { actorLabel: string } | null } | undefined;
  return (
    <Notice tone="danger">
      {result.message}
      {result.code === "conflict" && conflict?.current ? (
        <span>
          {" "}
          Their version:{" "}
          {Object.entries(conflict.current)
            .map(([k, v]) => `${k}: ${String(v)}`)
            .join(" · ")}
          {conflict.lastChange ? ` (saved by ${conflict.lastChange.actorLabel})` : ""}. Reload the page to edit it.
        </span>
      ) : null}
    </Notice>
  );
}

const fieldErrors = (result: Result | null, prefix: string, field: string) =>
  result?.fieldErrors?.[`${prefix}.${field}`];

function Text({
  id,
  label,
  name,
  defaultValue,
  errors,
  textarea,
  readOnly,
  type = "text",
}: {
  id: string;
  label: string;
  name: string;
  defaultValue?: string | number;
  errors?: string[];
  textarea?: boolean;
  readOnly?: boolean;
  type?: string;
}) {
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      {textarea ? (
        <textarea
          id={id}
          name={name}
          defaultValue={defaultValue}
          rows={3}
          className={INPUT_CLASS}
          {...describedBy(id, { errors })}
        />
      ) : (
        <input
          id={id}
          name={name}
          type={type}
          defaultValue={defaultValue}
          readOnly={readOnly}
          className={`${INPUT_CLASS} ${readOnly ? "bg-surface-muted" : ""}`}
          {...describedBy(id, { errors })}
        />
      )}
      <FieldErrors id={`${id}-error`} errors={errors} />
    </div>
  );
}

export function PhaseEditor({ phase, version }: { phase?: Phase; version?: number }) {
  const { pending, result, run } = useEntrySave();
  const id = phase ? `phase-${phase.slug}` : "phase-new";
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const next = {
      slug: text(form, "slug"),
      name: text(form, "name"),
      order: Number(form.get("order")),
      description: text(form, "description"),
      isOverlay: form.get("isOverlay") === "on",
    };
    run(() => savePhaseAction({ phase: next, expectedVersion: version }));
  };
  return (
    <form onSubmit={onSubmit} className="space-y-3" aria-label={phase ? `Edit phase ${phase.name}` : "New phase"}>
      <Outcome result={result} />
      <div className="grid gap-3 sm:grid-cols-3">
        <Text
          id={`${id}-name`}
          label="Name"
          name="name"
          defaultValue={phase?.name}
          errors={fieldErrors(result, "phase", "name")}
        />
        <Text
          id={`${id}-slug`}
          label="Slug"
          name="slug"
          defaultValue={phase?.slug}
          readOnly={Boolean(phase)}
          errors={fieldErrors(result, "phase", "slug")}
        />
        <Text
          id={`${id}-order`}
          label="Order"
          name="order"
          type="number"
          defaultValue={phase?.order}
          errors={fieldErrors(result, "phase", "order")}
        />
      </div>
      <Text
        id={`${id}-description`}
        label="Description"
        name="description"
        defaultValue={phase?.description}
        errors={fieldErrors(result, "phase", "description")}
        textarea
      />
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" name="isOverlay" defaultChecked={phase?.isOverlay} /> Overlay (cuts across the lifecycle,
        like LLMOps)
      </label>
      <div className="flex gap-2">
        <button type="submit" disabled={pending} className={PRIMARY_BUTTON}>
          {phase ? "Save phase" : "Add phase"}
        </button>
        {phase && version ? (
          <button
            type="button"
            disabled={pending}
            className={DANGER_BUTTON}
            onClick={() => run(() => deletePhaseAction({ slug: phase.slug, expectedVersion: version }))}
          >
            Delete
          </button>
        ) : null}
      </div>
    </form>
  );
}

export function CapabilityEditor({
  capability,
  version,
  phases,
}: {
  capability?: Capability;
  version?: number;
  phases: { slug: string; name: string }[];
}) {
  const { pending, result, run } = useEntrySave();
  const id = capability ? `cap-${capability.slug}` : "cap-new";
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const next = {
      slug: text(form, "slug"),
      name: text(form, "name"),
      phase: text(form, "phase"),
      description: text(form, "description"),
      neededFromStage: Number(form.get("neededFromStage")),
      // Not editable here yet: carried over unchanged so a save never drops it.
      plan: capability?.plan ?? null,
    };
    run(() => saveCapabilityAction({ capability: next, expectedVersion: version }));
  };
  return (
    <form
      onSubmit={onSubmit}
      className="space-y-3"
      aria-label={capability ? `Edit capability ${capability.name}` : "New capability"}
    >
      <Outcome result={result} />
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <Text
          id={`${id}-name`}
          label="Name"
          name="name"
          defaultValue={capability?.name}
          errors={fieldErrors(result, "capability", "name")}
        />
        <Text
          id={`${id}-slug`}
          label="Slug"
          name="slug"
          defaultValue={capability?.slug}
          readOnly={Boolean(capability)}
          errors={fieldErrors(result, "capability", "slug")}
        />
        <div className="space-y-1">
          <label htmlFor={`${id}-phase`} className="block text-sm font-medium">
            Phase
          </label>
          <select id={`${id}-phase`} name="phase" defaultValue={capability?.phase} className={INPUT_CLASS}>
            {phases.map((p) => (
              <option key={p.slug} value={p.slug}>
                {p.name}
              </option>
            ))}
          </select>
          <FieldErrors id={`${id}-phase-error`} errors={fieldErrors(result, "capability", "phase")} />
        </div>
        <div className="space-y-1">
          <label htmlFor={`${id}-stage`} className="block text-sm font-medium">
            Needed from stage
          </label>
          <select
            id={`${id}-stage`}
            name="neededFromStage"
            defaultValue={capability?.neededFromStage ?? 1}
            className={INPUT_CLASS}
          >
            {MATURITY_STAGES.map((s) => (
              <option key={s} value={s}>
                {s} — {STAGE_NAMES[s]}
              </option>
            ))}
          </select>
        </div>
      </div>
      <Text
        id={`${id}-description`}
        label="Description"
        name="description"
        defaultValue={capability?.description}
        errors={fieldErrors(result, "capability", "description")}
        textarea
      />
      <div className="flex gap-2">
        <button type="submit" disabled={pending} className={PRIMARY_BUTTON}>
          {capability ? "Save capability" : "Add capability"}
        </button>
        {capability && version ? (
          <button
            type="button"
            disabled={pending}
            className={DANGER_BUTTON}
            onClick={() => run(() => deleteCapabilityAction({ slug: capability.slug, expectedVersion: version }))}
          >
            Delete
          </button>
        ) : null}
      </div>
    </form>
  );
}
