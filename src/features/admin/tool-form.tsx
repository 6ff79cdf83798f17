"use client";

import { useRouter } from "next/navigation";
import type { Route } from "next";
import { useMemo, useState, useTransition, type FormEvent } from "react";

import type { ToolInput } from "@/domain/catalog/schema";
import {
  CLOUD_LABELS,
  CLOUDS,
  HOSTING_LABELS,
  HOSTING_OPTIONS,
  MATURITY_STAGES,
  PRICING_LABELS,
  PRICING_MODELS,
  RISK_KINDS,
  STAGE_NAMES,
  TEAM_SIZE_LABELS,
  TEAM_SIZES,
  TOOL_STATUSES,
} from "@/domain/catalog/vocabulary";
import { createToolAction, updateToolAction } from "./actions/tool-actions";
import { ConflictPanel, type ConflictInfo } from "./conflict-panel";
import { MarkdownPreview } from "./markdown-preview";
import { describedBy, FieldErrors, INPUT_CLASS, Notice, PRIMARY_BUTTON, SECONDARY_BUTTON } from "./ui";

export type PickerOption = { slug: string; name: string; group?: string; status?: string };

type Props = {
  mode: "create" | "edit";
  initial: ToolInput;
  version: number | null;
  capabilities: PickerOption[];
  tools: PickerOption[];
};

/** The form's own state: text as typed, lists as one item per line. */
type FormState = {
  slug: string;
  name: string;
  summary: string;
  description: string;
  homepage: string;
  repository: string;
  license: string;
  pricing: string;
  hosting: string[];
  clouds: string[];
  needsKubernetes: boolean;
  stages: number[];
  opsComplexity: string;
  learningCurve: string;
  teamSizes: string[];
  primary: string[];
  secondary: string[];
  integrations: string[];
  strengths: string;
  limitations: string;
  risks: { kind: string; note: string }[];
  status: string;
  successor: string;
  statusNote: string;
  lastReviewed: string;
  /** Fields this form does not edit yet: carried over unchanged so a save never drops them. */
  carried: Pick<ToolInput, "vendorSupport" | "relations" | "sources" | "reviewIntervalDays" | "freshness">;
};

function toState(tool: ToolInput): FormState {
  return {
    ...tool,
    repository: tool.repository ?? "",
    opsComplexity: String(tool.opsComplexity),
    learningCurve: String(tool.learningCurve),
    stages: [...tool.stages],
    primary: tool.capabilities.primary,
    secondary: tool.capabilities.secondary,
    strengths: tool.strengths.join("\n"),
    limitations: tool.limitations.join("\n"),
    risks: tool.risks.map((r) => ({ ...r })),
    successor: tool.successor ?? "",
    statusNote: tool.statusNote ?? "",
    carried: {
      vendorSupport: tool.vendorSupport,
      relations: tool.relations,
      sources: tool.sources,
      reviewIntervalDays: tool.reviewIntervalDays,
      freshness: tool.freshness,
    },
  };
}

const lines = (text: string) =>
  text
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean);
const orNull = (text: string) => (text.trim() === "" ? null : text.trim());

/** The raw input the server validates with ZToolInput (the same schema content/ and the API use). */
function toRaw(state: FormState) {
  return {
    slug: state.slug.trim(),
    name: state.name,
    summary: state.summary,
    description: state.description,
    homepage: state.homepage.trim(),
    repository: orNull(state.repository),
    license: state.license,
    pricing: state.pricing,
    hosting: state.hosting,
    clouds: state.clouds,
    needsKubernetes: state.needsKubernetes,
    stages: state.stages,
    opsComplexity: Number(state.opsComplexity),
    learningCurve: Number(state.learningCurve),
    teamSizes: state.teamSizes,
    capabilities: { primary: state.primary, secondary: state.secondary },
    integrations: state.integrations,
    strengths: lines(state.strengths),
    limitations: lines(state.limitations),
    risks: state.risks.filter((r) => r.note.trim() !== "").map((r) => ({ kind: r.kind, note: r.note.trim() })),
    status: state.status,
    successor: orNull(state.successor),
    statusNote: orNull(state.statusNote),
    lastReviewed: state.lastReviewed,
    ...state.carried,
  };
}

export function ToolForm({ mode, initial, version: initialVersion, capabilities, tools }: Props) {
  const router = useRouter();
  const [state, setState] = useState<FormState>(() => toState(initial));
  const [base, setBase] = useState<ToolInput>(initial);
  const [version, setVersion] = useState(initialVersion);
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [message, setMessage] = useState<{ tone: "ok" | "danger"; text: string } | null>(null);
  const [conflict, setConflict] = useState<ConflictInfo | null>(null);
  const [tab, setTab] = useState<"write" | "preview">("write");
  const [pending, startTransition] = useTransition();

  const set = <K extends keyof FormState>(key: K, value: FormState[K]) => setState((s) => ({ ...s, [key]: value }));
  const toggle = <T,>(list: T[], value: T) =>
    list.includes(value) ? list.filter((v) => v !== value) : [...list, value];
  const errorsFor = (field: string) =>
    Object.entries(errors)
      .filter(([key]) => key === `tool.${field}` || key.startsWith(`tool.${field}.`))
      .flatMap(([key, list]) =>
        list.map((m) => (key === `tool.${field}` ? m : `${key.slice(`tool.${field}.`.length)}: ${m}`)),
      );
  const a11y = (id: string, field: string, hint = false) => ({
    id,
    ...describedBy(id, { hint, errors: errorsFor(field) }),
  });

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    setMessage(null);
    startTransition(async () => {
      const tool = toRaw(state);
      const result =
        mode === "create"
          ? await createToolAction({ tool })
          : await updateToolAction({ slug: initial.slug, expectedVersion: version, tool });
      if (result.ok) {
        const saved = result.data;
        setErrors({});
        setConflict(null);
        if (mode === "create") {
          router.push(`/admin/tools/${saved.slug}?created=1` as Route);
          return;
        }
        const { version: savedVersion, ...savedInput } = saved;
        setVersion(savedVersion);
        setBase(savedInput);
        setState(toState(savedInput));
        setMessage({ tone: "ok", text: `Saved. ${saved.name} is now at version ${savedVersion}.` });
        router.refresh();
        return;
      }
      setErrors(result.fieldErrors ?? {});
      if (result.code === "conflict") setConflict(result.conflict as ConflictInfo);
      setMessage({ tone: "danger", text: result.message });
    });
  }

  const capabilityGroups = useMemo(() => {
    const groups = new Map<string, PickerOption[]>();
    for (const c of capabilities) groups.set(c.group ?? "", [...(groups.get(c.group ?? "") ?? []), c]);
    return [...groups];
  }, [capabilities]);
  const formErrors = errors[""] ?? [];

  return (
    <form
      onSubmit={onSubmit}
      className="space-y-8"
      noValidate
      aria-label={mode === "create" ? "New tool" : `Edit ${initial.name}`}
    >
      {message ? <Notice tone={message.tone}>{message.text}</Notice> : null}
      {formErrors.length > 0 ? (
        <Notice tone="danger" title="The catalog would not stay consistent">
          <ul className="list-disc pl-5">
            {formErrors.map((e) => (
              <li key={e}>{e}</li>
            ))}
          </ul>
        </Notice>
      ) : null}
      {conflict ? (
        <ConflictPanel
          conflict={conflict}
          base={base}
          mine={toRaw(state)}
          onLoadTheirs={() => {
            if (!conflict.current) return;
            const { version: theirVersion, ...theirs } = conflict.current;
            setBase(theirs);
            setState(toState(theirs));
            setVersion(theirVersion);
            setConflict(null);
            setMessage(null);
          }}
          onKeepMine={() => {
            if (!conflict.current) return;
            const { version: theirVersion, ...theirs } = conflict.current;
            setBase(theirs);
            setVersion(theirVersion);
            setConflict(null);
            setMessage({
              tone: "ok",
              text: "Your edits are kept on top of their version. Review them, then save again to replace theirs.",
            });
          }}
        />
      ) : null}

      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-2 text-lg font-semibold">Identity</legend>
        <TextField
          label="Name"
          field="name"
          value={state.name}
          onChange={(v) => set("name", v)}
          a11y={a11y("name", "name")}
          errors={errorsFor("name")}
        />
        <TextField
          label="Slug"
          field="slug"
          value={state.slug}
          onChange={(v) => set("slug", v)}
          a11y={a11y("slug", "slug", true)}
          errors={errorsFor("slug")}
          hint={
            mode === "edit"
              ? "Permanent: URLs and ids derive from it."
              : "lowercase-hyphenated, e.g. great-expectations; permanent once saved."
          }
          readOnly={mode === "edit"}
        />
        <div className="sm:col-span-2">
          <TextField
            label="Summary"
            field="summary"
            value={state.summary}
            onChange={(v) => set("summary", v)}
            a11y={a11y("summary", "summary", true)}
            errors={errorsFor("summary")}
            hint="One line, at most 160 characters."
          />
        </div>
        <div className="space-y-1 sm:col-span-2">
          <div className="flex items-center justify-between">
            <label htmlFor="description" className="text-sm font-medium">
              Description (Markdown)
            </label>
            <div role="tablist" aria-label="Description view" className="flex gap-1 text-sm">
              {(["write", "preview"] as const).map((t) => (
                <button
                  key={t}
                  type="button"
                  role="tab"
                  aria-selected={tab === t}
                  onClick={() => setTab(t)}
                  className={`rounded px-2 py-1 ${tab === t ? "bg-accent-soft text-accent" : "text-ink-muted hover:bg-surface-muted"}`}
                >
                  {t === "write" ? "Write" : "Preview"}
                </button>
              ))}
            </div>
          </div>
          {tab === "write" ? (
            <textarea
              {...a11y("description", "description")}
              rows={8}
              value={state.description}
              onChange={(e) => set("description", e.target.value)}
              className={INPUT_CLASS}
            />
          ) : (
            <div
              role="tabpanel"
              aria-label="Description preview"
              className="min-h-40 rounded-md border border-line bg-surface-raised p-3"
            >
              <MarkdownPreview source={state.description} />
            </div>
          )}
          <FieldErrors id="description-error" errors={errorsFor("description")} />
        </div>
        <TextField
          label="Homepage"
          field="homepage"
          type="url"
          value={state.homepage}
          onChange={(v) => set("homepage", v)}
          a11y={a11y("homepage", "homepage")}
          errors={errorsFor("homepage")}
        />
        <TextField
          label="Repository (empty when not open source)"
          field="repository"
          type="url"
          value={state.repository}
          onChange={(v) => set("repository", v)}
          a11y={a11y("repository", "repository")}
          errors={errorsFor("repository")}
        />
      </fieldset>

      <fieldset className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        <legend className="mb-2 text-lg font-semibold">Licence, hosting and fit</legend>
        <TextField
          label="Licence"
          field="license"
          value={state.license}
          onChange={(v) => set("license", v)}
          a11y={a11y("license", "license", true)}
          errors={errorsFor("license")}
          hint='SPDX id or expression, or "proprietary".'
        />
        <SelectField
          label="Pricing"
          id="pricing"
          value={state.pricing}
          onChange={(v) => set("pricing", v)}
          options={PRICING_MODELS.map((p) => [p, PRICING_LABELS[p]])}
          errors={errorsFor("pricing")}
          a11y={a11y("pricing", "pricing")}
        />
        <TextField
          label="Last reviewed"
          field="lastReviewed"
          type="date"
          value={state.lastReviewed}
          onChange={(v) => set("lastReviewed", v)}
          a11y={a11y("lastReviewed", "lastReviewed")}
          errors={errorsFor("lastReviewed")}
        />
        <CheckboxGroup
          legend="Hosting"
          name="hosting"
          options={HOSTING_OPTIONS.map((h) => [h, HOSTING_LABELS[h]])}
          selected={state.hosting}
          onToggle={(v) => set("hosting", toggle(state.hosting, v))}
          errors={errorsFor("hosting")}
        />
        <CheckboxGroup
          legend="Clouds"
          name="clouds"
          options={CLOUDS.map((c) => [c, CLOUD_LABELS[c]])}
          selected={state.clouds}
          onToggle={(v) => set("clouds", toggle(state.clouds, v))}
          errors={errorsFor("clouds")}
        />
        <CheckboxGroup
          legend="Team sizes"
          name="teamSizes"
          options={TEAM_SIZES.map((t) => [t, `${t} (${TEAM_SIZE_LABELS[t]})`])}
          selected={state.teamSizes}
          onToggle={(v) => set("teamSizes", toggle(state.teamSizes, v))}
          errors={errorsFor("teamSizes")}
        />
        <CheckboxGroup
          legend="Maturity stages"
          name="stages"
          options={MATURITY_STAGES.map((s) => [String(s), `${s} — ${STAGE_NAMES[s]}`])}
          selected={state.stages.map(String)}
          onToggle={(v) => set("stages", toggle(state.stages, Number(v)).sort())}
          errors={errorsFor("stages")}
        />
        <SelectField
          label="Ops complexity (1 nothing to run … 5 platform team)"
          id="opsComplexity"
          value={state.opsComplexity}
          onChange={(v) => set("opsComplexity", v)}
          options={[1, 2, 3, 4, 5].map((n) => [String(n), String(n)])}
          errors={errorsFor("opsComplexity")}
          a11y={a11y("opsComplexity", "opsComplexity")}
        />
        <SelectField
          label="Learning curve (1 minutes … 5 months)"
          id="learningCurve"
          value={state.learningCurve}
          onChange={(v) => set("learningCurve", v)}
          options={[1, 2, 3, 4, 5].map((n) => [String(n), String(n)])}
          errors={errorsFor("learningCurve")}
          a11y={a11y("learningCurve", "learningCurve")}
        />
        <label className="flex items-center gap-2 self-end text-sm">
          <input
            type="checkbox"
            checked={state.needsKubernetes}
            onChange={(e) => set("needsKubernetes", e.target.checked)}
          />{" "}
          Needs Kubernetes
        </label>
      </fieldset>

      <fieldset>
        <legend className="mb-2 text-lg font-semibold">Capabilities</legend>
        <p className="mb-3 text-sm text-ink-muted">
          Primary: what a team chooses it for. Secondary: what it can also do, less well.
        </p>
        <FieldErrors id="capabilities-error" errors={errorsFor("capabilities")} />
        <div className="grid gap-4 md:grid-cols-2 lg:grid-cols-3">
          {capabilityGroups.map(([group, options]) => (
            <div key={group} className="rounded-lg border border-line p-3">
              <p className="mb-2 text-xs font-semibold tracking-wide text-ink-muted uppercase">{group}</p>
              <ul className="space-y-1">
                {options.map((c) => {
                  const role = state.primary.includes(c.slug)
                    ? "primary"
                    : state.secondary.includes(c.slug)
                      ? "secondary"
                      : "";
                  return (
                    <li key={c.slug} className="flex items-center justify-between gap-2 text-sm">
                      <label htmlFor={`cap-${c.slug}`}>{c.name}</label>
                      <select
                        id={`cap-${c.slug}`}
                        value={role}
                        onChange={(e) => {
                          const next = e.target.value;
                          setState((s) => ({
                            ...s,
                            primary:
                              next === "primary"
                                ? [...s.primary.filter((x) => x !== c.slug), c.slug]
                                : s.primary.filter((x) => x !== c.slug),
                            secondary:
                              next === "secondary"
                                ? [...s.secondary.filter((x) => x !== c.slug), c.slug]
                                : s.secondary.filter((x) => x !== c.slug),
                          }));
                        }}
                        className="rounded border border-line bg-surface px-1 py-0.5 text-xs"
                      >
                        <option value="">—</option>
                        <option value="primary">Primary</option>
                        <option value="secondary">Secondary</option>
                      </select>
                    </li>
                  );
                })}
              </ul>
            </div>
          ))}
        </div>
      </fieldset>

      <IntegrationPicker
        tools={tools.filter((t) => t.slug !== state.slug)}
        selected={state.integrations}
        onChange={(v) => set("integrations", v)}
        errors={errorsFor("integrations")}
      />

      <fieldset className="grid gap-4 md:grid-cols-2">
        <legend className="mb-2 text-lg font-semibold">Strengths, limitations and risks</legend>
        <div className="space-y-1">
          <label htmlFor="strengths" className="text-sm font-medium">
            Strengths (one per line)
          </label>
          <textarea
            {...a11y("strengths", "strengths")}
            rows={4}
            value={state.strengths}
            onChange={(e) => set("strengths", e.target.value)}
            className={INPUT_CLASS}
          />
          <FieldErrors id="strengths-error" errors={errorsFor("strengths")} />
        </div>
        <div className="space-y-1">
          <label htmlFor="limitations" className="text-sm font-medium">
            Limitations (one per line)
          </label>
          <textarea
            {...a11y("limitations", "limitations")}
            rows={4}
            value={state.limitations}
            onChange={(e) => set("limitations", e.target.value)}
            className={INPUT_CLASS}
          />
          <FieldErrors id="limitations-error" errors={errorsFor("limitations")} />
        </div>
        <div className="space-y-2 md:col-span-2">
          <p className="text-sm font-medium">Risks</p>
          {state.risks.map((risk, i) => (
            <div key={i} className="flex flex-wrap items-start gap-2">
              <select
                aria-label={`Risk ${i + 1} kind`}
                value={risk.kind}
                onChange={(e) =>
                  set(
                    "risks",
                    state.risks.map((r, j) => (j === i ? { ...r, kind: e.target.value } : r)),
                  )
                }
                className="rounded-md border border-line bg-surface px-2 py-2 text-sm"
              >
                {RISK_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {k}
                  </option>
                ))}
              </select>
              <input
                aria-label={`Risk ${i + 1} note`}
                value={risk.note}
                onChange={(e) =>
                  set(
                    "risks",
                    state.risks.map((r, j) => (j === i ? { ...r, note: e.target.value } : r)),
                  )
                }
                className={`${INPUT_CLASS} flex-1`}
              />
              <button
                type="button"
                onClick={() =>
                  set(
                    "risks",
                    state.risks.filter((_, j) => j !== i),
                  )
                }
                className={SECONDARY_BUTTON}
              >
                Remove
              </button>
            </div>
          ))}
          <button
            type="button"
            onClick={() => set("risks", [...state.risks, { kind: RISK_KINDS[0], note: "" }])}
            className={SECONDARY_BUTTON}
          >
            Add a risk
          </button>
          <FieldErrors id="risks-error" errors={errorsFor("risks")} />
        </div>
      </fieldset>

      <fieldset className="grid gap-4 sm:grid-cols-3">
        <legend className="mb-2 text-lg font-semibold">Status</legend>
        <SelectField
          label="Status"
          id="status"
          value={state.status}
          onChange={(v) => set("status", v)}
          options={TOOL_STATUSES.map((s) => [s, s])}
          errors={errorsFor("status")}
          a11y={a11y("status", "status")}
        />
        <SelectField
          label="Successor (required unless active or maintenance)"
          id="successor"
          value={state.successor}
          onChange={(v) => set("successor", v)}
          options={[
            ["", "—"],
            ...tools.filter((t) => t.slug !== state.slug).map((t): [string, string] => [t.slug, t.name]),
          ]}
          errors={errorsFor("successor")}
          a11y={a11y("successor", "successor")}
        />
        <TextField
          label="Status note (required unless active)"
          field="statusNote"
          value={state.statusNote}
          onChange={(v) => set("statusNote", v)}
          a11y={a11y("statusNote", "statusNote")}
          errors={errorsFor("statusNote")}
        />
      </fieldset>

      <div className="flex flex-wrap gap-3 border-t border-line pt-6">
        <button type="submit" className={PRIMARY_BUTTON} disabled={pending}>
          {pending ? "Saving…" : mode === "create" ? "Create tool" : "Save changes"}
        </button>
        {version !== null ? (
          <span className="self-center text-sm text-ink-muted">Editing version {version}</span>
        ) : null}
      </div>
    </form>
  );
}

function TextField({
  label,
  field,
  value,
  onChange,
  a11y,
  errors,
  hint,
  type = "text",
  readOnly,
}: {
  label: string;
  field: string;
  value: string;
  onChange: (value: string) => void;
  a11y: Record<string, unknown> & { id: string };
  errors: string[];
  hint?: string;
  type?: string;
  readOnly?: boolean;
}) {
  return (
    <div className="space-y-1">
      <label htmlFor={a11y.id} className="block text-sm font-medium">
        {label}
      </label>
      {hint ? (
        <p id={`${a11y.id}-hint`} className="text-xs text-ink-muted">
          {hint}
        </p>
      ) : null}
      <input
        {...a11y}
        name={field}
        type={type}
        value={value}
        readOnly={readOnly}
        onChange={(e) => onChange(e.target.value)}
        className={`${INPUT_CLASS} ${readOnly ? "bg-surface-muted" : ""}`}
      />
      <FieldErrors id={`${a11y.id}-error`} errors={errors} />
    </div>
  );
}

function SelectField({
  label,
  id,
  value,
  onChange,
  options,
  errors,
  a11y,
}: {
  label: string;
  id: string;
  value: string;
  onChange: (value: string) => void;
  options: [string, string][];
  errors: string[];
  a11y: Record<string, unknown>;
}) {
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      <select {...a11y} id={id} value={value} onChange={(e) => onChange(e.target.value)} className={INPUT_CLASS}>
        {options.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
      <FieldErrors id={`${id}-error`} errors={errors} />
    </div>
  );
}

function CheckboxGroup({
  legend,
  name,
  options,
  selected,
  onToggle,
  errors,
}: {
  legend: string;
  name: string;
  options: [string, string][];
  selected: string[];
  onToggle: (value: string) => void;
  errors: string[];
}) {
  return (
    <fieldset className="space-y-1">
      <legend className="text-sm font-medium">{legend}</legend>
      {options.map(([value, text]) => (
        <label key={value} className="flex items-center gap-2 text-sm">
          <input
            type="checkbox"
            name={name}
            value={value}
            checked={selected.includes(value)}
            onChange={() => onToggle(value)}
          />{" "}
          {text}
        </label>
      ))}
      <FieldErrors id={`${name}-error`} errors={errors} />
    </fieldset>
  );
}

/** Search the catalog and add tools this one integrates with natively; each added tool can be removed again. */
function IntegrationPicker({
  tools,
  selected,
  onChange,
  errors,
}: {
  tools: PickerOption[];
  selected: string[];
  onChange: (value: string[]) => void;
  errors: string[];
}) {
  const [filter, setFilter] = useState("");
  const byslug = new Map(tools.map((t) => [t.slug, t]));
  const needle = filter.trim().toLowerCase();
  const matches = needle
    ? tools
        .filter((t) => !selected.includes(t.slug) && `${t.name} ${t.slug}`.toLowerCase().includes(needle))
        .slice(0, 8)
    : [];
  return (
    <fieldset>
      <legend className="mb-2 text-lg font-semibold">Integrations</legend>
      <p className="mb-2 text-sm text-ink-muted">
        Only real, native integrations. Integration is symmetric: the other tool lists this one too.
      </p>
      <ul aria-label="Selected integrations" className="mb-3 flex flex-wrap gap-2">
        {selected.length === 0 ? <li className="text-sm text-ink-muted">None yet.</li> : null}
        {selected.map((slug) => (
          <li
            key={slug}
            className="inline-flex items-center gap-1 rounded-full border border-line bg-surface-muted px-2 py-0.5 text-sm"
          >
            {byslug.get(slug)?.name ?? slug}
            <button
              type="button"
              onClick={() => onChange(selected.filter((s) => s !== slug))}
              aria-label={`Remove integration with ${byslug.get(slug)?.name ?? slug}`}
              className="rounded px-1 text-ink-muted hover:text-danger"
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      <label htmlFor="integration-search" className="block text-sm font-medium">
        Add an integration
      </label>
      <input
        id="integration-search"
        type="search"
        value={filter}
        onChange={(e) => setFilter(e.target.value)}
        placeholder="Type a tool name"
        className={`${INPUT_CLASS} max-w-md`}
        autoComplete="off"
      />
      {matches.length > 0 ? (
        <ul aria-label="Matching tools" className="mt-2 max-w-md divide-y divide-line rounded-md border border-line">
          {matches.map((t) => (
            <li key={t.slug} className="flex items-center justify-between px-3 py-1.5 text-sm">
              <span>
                {t.name}{" "}
                <span className="text-xs text-ink-muted">
                  {t.status && t.status !== "active" ? `(${t.status})` : ""}
                </span>
              </span>
              <button
                type="button"
                onClick={() => {
                  onChange([...selected, t.slug].sort());
                  setFilter("");
                }}
                className="text-accent hover:underline"
                aria-label={`Add integration with ${t.name}`}
              >
                Add
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <FieldErrors id="integrations-error" errors={errors} />
    </fieldset>
  );
}
