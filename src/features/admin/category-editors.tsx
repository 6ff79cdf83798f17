"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, useTransition, type FormEvent, type ReactNode } from "react";
import { PLAN_CONDITION_LABELS } from "@/domain/catalog/labels";
import type { Capability, CapabilityPlan, Phase } from "@/domain/catalog/schema";
import { slugFromName } from "@/domain/catalog/slug";
import { MATURITY_STAGES, PLAN_CONDITIONS, STAGE_NAMES } from "@/domain/catalog/vocabulary";
import {
  deleteCapabilityAction,
  deletePhaseAction,
  saveCapabilityAction,
  savePhaseAction,
} from "./actions/category-actions";
import { PickList } from "./tool-relation-fields";
import {
  describedBy,
  FieldErrors,
  focusFirstError,
  INPUT_CLASS,
  Notice,
  DANGER_BUTTON,
  PRIMARY_BUTTON,
  SECONDARY_BUTTON,
} from "./ui";

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

/** Runs a save; after a refusal, moves the focus to the form's first field with an error. */
function useEntrySave() {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [result, setResult] = useState<Result | null>(null);
  const [refusals, setRefusals] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (refusals > 0) focusFirstError(formRef.current);
  }, [refusals]);
  const run = (action: () => Promise<Result>) =>
    startTransition(async () => {
      const outcome = await action();
      setResult(outcome);
      if (outcome.ok) router.refresh();
      else setRefusals((n) => n + 1);
    });
  return { pending, result, run, formRef };
}

/** A new entry's slug follows its name until the maintainer edits the slug; an existing entry's slug never changes. */
function useNameAndSlug(initial?: { name: string; slug: string }) {
  const [name, setName] = useState(initial?.name ?? "");
  const [slug, setSlug] = useState(initial?.slug ?? "");
  const [isSlugEdited, setIsSlugEdited] = useState(Boolean(initial));
  return {
    name,
    slug,
    onName: (value: string) => {
      setName(value);
      if (!isSlugEdited) setSlug(slugFromName(value));
    },
    onSlug: (value: string) => {
      setIsSlugEdited(true);
      setSlug(value);
    },
  };
}

/** The buttons under an entry's form, with the outcome of the last save right beside them. */
function Actions({ result, children }: { result: Result | null; children: ReactNode }) {
  return (
    // Kept at the bottom of the screen while the form is in view, so that a long plan's save and its outcome stay
    // where the maintainer is.
    <div className="sticky bottom-0 z-10 space-y-2 border-t border-line bg-surface/95 py-2 backdrop-blur">
      <div className="flex flex-wrap gap-2">{children}</div>
      <Outcome result={result} />
    </div>
  );
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
  value,
  onChange,
  errors,
  textarea,
  readOnly,
  type = "text",
}: {
  id: string;
  label: string;
  name: string;
  defaultValue?: string | number;
  /** Controlled instead of `defaultValue`. */
  value?: string;
  onChange?: (value: string) => void;
  errors?: string[];
  textarea?: boolean;
  readOnly?: boolean;
  type?: string;
}) {
  const control =
    value === undefined
      ? { defaultValue }
      : { value, onChange: (e: { target: { value: string } }) => onChange?.(e.target.value) };
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      {textarea ? (
        <textarea id={id} name={name} {...control} rows={3} className={INPUT_CLASS} {...describedBy(id, { errors })} />
      ) : (
        <input
          id={id}
          name={name}
          type={type}
          {...control}
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
  const { pending, result, run, formRef } = useEntrySave();
  const names = useNameAndSlug(phase);
  const id = phase ? `phase-${phase.slug}` : "phase-new";
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const next = {
      slug: names.slug,
      name: names.name,
      order: Number(form.get("order")),
      description: text(form, "description"),
      isOverlay: form.get("isOverlay") === "on",
    };
    run(() => savePhaseAction({ phase: next, expectedVersion: version }));
  };
  return (
    <form
      ref={formRef}
      onSubmit={onSubmit}
      noValidate
      className="space-y-3"
      aria-label={phase ? `Edit phase ${phase.name}` : "New phase"}
    >
      <div className="grid gap-3 sm:grid-cols-3">
        <Text
          id={`${id}-name`}
          label="Name"
          name="name"
          value={names.name}
          onChange={names.onName}
          errors={fieldErrors(result, "phase", "name")}
        />
        <Text
          id={`${id}-slug`}
          label="Slug"
          name="slug"
          value={names.slug}
          onChange={names.onSlug}
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
      <Actions result={result}>
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
      </Actions>
    </form>
  );
}

/** The form's copy of a capability plan: text as typed. */
type PlanState = {
  trigger: string;
  critical: boolean;
  priority: string;
  dimension: string;
  appliesWhen: string[];
  pulls: { when: string; to: string; reason: string }[];
  couplings: string[];
};

const planState = (plan: CapabilityPlan): PlanState => ({
  trigger: plan.trigger,
  critical: plan.critical,
  priority: String(plan.priority),
  dimension: plan.dimension ?? "",
  appliesWhen: [...plan.appliesWhen],
  pulls: plan.pulls.map((p) => ({ when: p.when, to: String(p.to), reason: p.reason })),
  couplings: [...plan.couplings],
});

const EMPTY_PLAN: PlanState = {
  trigger: "",
  critical: false,
  priority: "5",
  dimension: "",
  appliesWhen: [],
  pulls: [],
  couplings: [],
};

/** The plan as the schema reads it; numbers typed as text go through as numbers, so that bad ones are named. */
const planInput = (plan: PlanState) => ({
  trigger: plan.trigger,
  critical: plan.critical,
  priority: Number(plan.priority),
  dimension: plan.dimension === "" ? null : plan.dimension,
  appliesWhen: plan.appliesWhen,
  pulls: plan.pulls.map((p) => ({ when: p.when, to: p.to === "now" ? "now" : Number(p.to), reason: p.reason })),
  couplings: plan.couplings,
});

export function CapabilityEditor({
  capability,
  version,
  phases,
  capabilities,
  dimensions,
}: {
  capability?: Capability;
  version?: number;
  phases: { slug: string; name: string }[];
  /** Every capability, for couplings. */
  capabilities: { slug: string; name: string }[];
  /** The questionnaire's dimensions, for the plan's urgency. */
  dimensions: { slug: string; name: string }[];
}) {
  const { pending, result, run, formRef } = useEntrySave();
  const names = useNameAndSlug(capability);
  const [plan, setPlan] = useState<PlanState | null>(capability?.plan ? planState(capability.plan) : null);
  const id = capability ? `cap-${capability.slug}` : "cap-new";
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const next = {
      slug: names.slug,
      name: names.name,
      phase: text(form, "phase"),
      description: text(form, "description"),
      neededFromStage: Number(form.get("neededFromStage")),
      plan: plan ? planInput(plan) : null,
    };
    run(() => saveCapabilityAction({ capability: next, expectedVersion: version }));
  };
  return (
    <form
      ref={formRef}
      onSubmit={onSubmit}
      noValidate
      className="space-y-3"
      aria-label={capability ? `Edit capability ${capability.name}` : "New capability"}
    >
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <Text
          id={`${id}-name`}
          label="Name"
          name="name"
          value={names.name}
          onChange={names.onName}
          errors={fieldErrors(result, "capability", "name")}
        />
        <Text
          id={`${id}-slug`}
          label="Slug"
          name="slug"
          value={names.slug}
          onChange={names.onSlug}
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
          <FieldErrors id={`${id}-stage-error`} errors={fieldErrors(result, "capability", "neededFromStage")} />
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
      <PlanFields
        id={id}
        slug={names.slug}
        plan={plan}
        onChange={setPlan}
        capabilities={capabilities}
        dimensions={dimensions}
        errors={(field) => fieldErrors(result, "capability", `plan${field ? `.${field}` : ""}`) ?? []}
      />
      <Actions result={result}>
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
      </Actions>
    </form>
  );
}

/**
 * How the recommender plans the capability: when it becomes worth its cost, how urgent it is, which answers pull it
 * earlier, and which picks it must work with. No plan: context the engine never fills (databases, languages).
 */
function PlanFields({
  id,
  slug,
  plan,
  onChange,
  capabilities,
  dimensions,
  errors,
}: {
  id: string;
  slug: string;
  plan: PlanState | null;
  onChange: (next: PlanState | null) => void;
  capabilities: { slug: string; name: string }[];
  dimensions: { slug: string; name: string }[];
  /** Errors of `plan.<field>` ("" for the plan itself). */
  errors: (field: string) => string[];
}) {
  const [kept, setKept] = useState<PlanState>(plan ?? EMPTY_PLAN);
  const set = <K extends keyof PlanState>(key: K, value: PlanState[K]) => plan && onChange({ ...plan, [key]: value });
  const toggle = (list: string[], value: string) =>
    list.includes(value) ? list.filter((v) => v !== value) : [...list, value];
  const box = "h-4 w-4 accent-[var(--accent)]";
  return (
    <fieldset className="space-y-3 rounded-md border border-line p-3">
      <legend className="px-1 text-sm font-semibold">Recommender plan</legend>
      <label className="flex items-center gap-2 text-sm">
        <input
          type="checkbox"
          className={box}
          checked={plan !== null}
          onChange={(e) => {
            if (e.target.checked) onChange(kept);
            else {
              if (plan) setKept(plan);
              onChange(null);
            }
          }}
        />
        The recommender fills this capability (unticked: context it never picks a tool for, like databases)
      </label>
      <FieldErrors id={`${id}-plan-error`} errors={errors("")} />
      {plan ? (
        <>
          <Text
            id={`${id}-trigger`}
            label="Trigger: adopt it …"
            name="trigger"
            value={plan.trigger}
            onChange={(v) => set("trigger", v)}
            errors={errors("trigger")}
          />
          <div className="grid gap-3 sm:grid-cols-3">
            <Text
              id={`${id}-priority`}
              label="Priority (1–10, highest first when now is cut)"
              name="priority"
              type="number"
              value={plan.priority}
              onChange={(v) => set("priority", v)}
              errors={errors("priority")}
            />
            <div className="space-y-1">
              <label htmlFor={`${id}-dimension`} className="block text-sm font-medium">
                Urgent when this area is weak
              </label>
              <select
                id={`${id}-dimension`}
                value={plan.dimension}
                onChange={(e) => set("dimension", e.target.value)}
                className={INPUT_CLASS}
                {...describedBy(`${id}-dimension`, { errors: errors("dimension") })}
              >
                <option value="">— none</option>
                {dimensions.map((d) => (
                  <option key={d.slug} value={d.slug}>
                    {d.name}
                  </option>
                ))}
              </select>
              <FieldErrors id={`${id}-dimension-error`} errors={errors("dimension")} />
            </div>
            <label className="flex items-start gap-2 self-end text-sm">
              <input
                type="checkbox"
                className={`mt-0.5 ${box}`}
                checked={plan.critical}
                onChange={(e) => set("critical", e.target.checked)}
              />
              <span>
                Critical slot
                <span className="block text-xs text-ink-muted">
                  Only a tool built for it fills it, or one already in the stack for its main job.
                </span>
              </span>
            </label>
          </div>

          <fieldset className="space-y-1">
            <legend className="text-sm font-medium">Applies only when (all of these hold)</legend>
            <div className="grid gap-x-4 gap-y-1 sm:grid-cols-2 lg:grid-cols-3">
              {PLAN_CONDITIONS.map((c) => (
                <label key={c} className="flex items-center gap-2 text-sm">
                  <input
                    type="checkbox"
                    className={box}
                    checked={plan.appliesWhen.includes(c)}
                    onChange={() => set("appliesWhen", toggle(plan.appliesWhen, c))}
                  />
                  {PLAN_CONDITION_LABELS[c]}
                </label>
              ))}
            </div>
            <FieldErrors id={`${id}-applies-error`} errors={errors("appliesWhen")} />
          </fieldset>

          <fieldset className="space-y-2">
            <legend className="text-sm font-medium">Pulled earlier when</legend>
            {plan.pulls.map((pull, i) => {
              const pullId = `${id}-pull-${i}`;
              const update = (change: Partial<PlanState["pulls"][number]>) =>
                set(
                  "pulls",
                  plan.pulls.map((p, j) => (j === i ? { ...p, ...change } : p)),
                );
              const at = (field: string) => errors(`pulls.${i}.${field}`);
              return (
                <div
                  key={i}
                  className="grid gap-2 rounded-md border border-line p-2 sm:grid-cols-[12rem_9rem_1fr_auto]"
                >
                  <div className="space-y-1">
                    <label htmlFor={`${pullId}-when`} className="block text-xs font-medium">
                      Pull {i + 1}: when
                    </label>
                    <select
                      id={`${pullId}-when`}
                      value={pull.when}
                      onChange={(e) => update({ when: e.target.value })}
                      className={INPUT_CLASS}
                      {...describedBy(`${pullId}-when`, { errors: at("when") })}
                    >
                      {PLAN_CONDITIONS.map((c) => (
                        <option key={c} value={c}>
                          {PLAN_CONDITION_LABELS[c]}
                        </option>
                      ))}
                    </select>
                    <FieldErrors id={`${pullId}-when-error`} errors={at("when")} />
                  </div>
                  <div className="space-y-1">
                    <label htmlFor={`${pullId}-to`} className="block text-xs font-medium">
                      Pull {i + 1}: to
                    </label>
                    <select
                      id={`${pullId}-to`}
                      value={pull.to}
                      onChange={(e) => update({ to: e.target.value })}
                      className={INPUT_CLASS}
                      {...describedBy(`${pullId}-to`, { errors: at("to") })}
                    >
                      <option value="now">Now</option>
                      {MATURITY_STAGES.map((s) => (
                        <option key={s} value={String(s)}>
                          Stage {s} at the latest
                        </option>
                      ))}
                    </select>
                    <FieldErrors id={`${pullId}-to-error`} errors={at("to")} />
                  </div>
                  <Text
                    id={`${pullId}-reason`}
                    label={`Pull ${i + 1}: why, in the team's terms`}
                    name={`pull-${i}-reason`}
                    value={pull.reason}
                    onChange={(v) => update({ reason: v })}
                    errors={at("reason")}
                  />
                  <button
                    type="button"
                    className={`${SECONDARY_BUTTON} self-end`}
                    onClick={() =>
                      set(
                        "pulls",
                        plan.pulls.filter((_, j) => j !== i),
                      )
                    }
                  >
                    Remove pull {i + 1}
                  </button>
                </div>
              );
            })}
            <button
              type="button"
              className={SECONDARY_BUTTON}
              disabled={plan.pulls.length >= 12}
              onClick={() => set("pulls", [...plan.pulls, { when: PLAN_CONDITIONS[0], to: "now", reason: "" }])}
            >
              Add a pull
            </button>
            <FieldErrors id={`${id}-pulls-error`} errors={errors("pulls")} />
          </fieldset>

          <PickList
            id={`${id}-couplings`}
            label="Coupled with"
            hint="Capabilities whose picks this one's pick must work with (CI with the code host)."
            tools={capabilities}
            selected={plan.couplings}
            onChange={(next) => set("couplings", next)}
            errors={errors("couplings")}
            exclude={[slug]}
          />
        </>
      ) : null}
    </fieldset>
  );
}
