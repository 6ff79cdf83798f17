"use client";

import { Combobox, type ComboboxOption } from "@/components/combobox";
import type { PickerOption } from "./tool-form";
import { FieldErrors, SECONDARY_BUTTON } from "./ui";

/** The form's copy of a tool's relations: slugs, with "" for "not part of a platform". */
export type RelationsState = { requires: string[][]; implies: string[]; companions: string[]; partOf: string };

/** The errors of a field (and of what it contains, unless `exact`). */
export type ErrorsAt = (field: string, exact?: boolean) => string[];

const optionsOf = (tools: PickerOption[], exclude: string[]): ComboboxOption[] =>
  tools
    .filter((t) => !exclude.includes(t.slug))
    .map((t) => ({
      value: t.slug,
      label: t.name,
      detail: [t.group, t.status && t.status !== "active" ? t.status : null].filter(Boolean).join(" · ") || undefined,
    }));

/** Chosen entries (tools, capabilities) as removable chips, and a searchable box to add one. */
export function PickList({
  id,
  label,
  hint,
  tools,
  selected,
  onChange,
  errors,
  exclude,
}: {
  id: string;
  label: string;
  hint: string;
  tools: PickerOption[];
  selected: string[];
  onChange: (next: string[]) => void;
  errors: string[];
  exclude: string[];
}) {
  const names = new Map(tools.map((t) => [t.slug, t.name]));
  return (
    <fieldset className="space-y-2" aria-describedby={`${id}-hint`}>
      <legend className="text-sm font-medium">{label}</legend>
      <p id={`${id}-hint`} className="text-xs text-ink-muted">
        {hint}
      </p>
      <ul aria-label={label} className="flex flex-wrap gap-2">
        {selected.length === 0 ? <li className="text-sm text-ink-muted">None.</li> : null}
        {selected.map((slug) => (
          <li
            key={slug}
            className="inline-flex items-center gap-1 rounded-full border border-line bg-surface-muted px-2 py-0.5 text-sm"
          >
            {names.get(slug) ?? slug}
            <button
              type="button"
              onClick={() => onChange(selected.filter((s) => s !== slug))}
              aria-label={`Remove ${names.get(slug) ?? slug} from “${label}”`}
              className="rounded px-1 text-ink-muted hover:text-danger"
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      <Combobox
        label={<span className="font-normal">Add to “{label}”</span>}
        options={optionsOf(tools, [...exclude, ...selected])}
        onSelect={(option) => onChange([...selected, option.value])}
        placeholder="Type a name"
        className="max-w-md"
        invalid={errors.length > 0}
        describedBy={errors.length > 0 ? `${id}-error` : undefined}
      />
      <FieldErrors id={`${id}-error`} errors={errors} />
    </fieldset>
  );
}

/**
 * How the tool relates to other catalog entries, as the recommender reads them: what it needs in the stack (one of
 * each group), what using it implies the team has, what travels with it, and the platform it is part of.
 */
export function RelationFields({
  slug,
  tools,
  value,
  onChange,
  errorsAt,
}: {
  slug: string;
  tools: PickerOption[];
  value: RelationsState;
  onChange: (next: RelationsState) => void;
  errorsAt: ErrorsAt;
}) {
  const set = <K extends keyof RelationsState>(key: K, next: RelationsState[K]) => onChange({ ...value, [key]: next });
  const names = new Map(tools.map((t) => [t.slug, t.name]));
  const own = errorsAt("relations", true);
  return (
    <fieldset className="space-y-5">
      <legend className="mb-2 text-lg font-semibold">Relations to other tools</legend>
      <p className="text-sm text-ink-muted">
        What the recommender keeps together. Every tool named here must be in the catalog, and none may be this tool.
      </p>
      <FieldErrors id="relations-error" errors={own} />

      <fieldset className="space-y-3" data-field="relations.requires">
        <legend className="text-sm font-medium">Requires</legend>
        <p className="text-xs text-ink-muted">
          Each group is one need: the stack must hold one of its tools (Kibana needs Elasticsearch or OpenSearch).
        </p>
        {value.requires.map((group, g) => (
          <div key={g} className="rounded-md border border-line p-3">
            <PickList
              id={`requires-${g}`}
              label={`Needs one of (group ${g + 1})`}
              hint={
                group.length === 0
                  ? "Add the tools that can meet this need."
                  : `Needs ${group.map((s) => names.get(s) ?? s).join(" or ")}.`
              }
              tools={tools}
              selected={group}
              onChange={(next) =>
                set(
                  "requires",
                  value.requires.map((old, i) => (i === g ? next : old)),
                )
              }
              errors={errorsAt(`relations.requires.${g}`)}
              exclude={[slug]}
            />
            <button
              type="button"
              className={`${SECONDARY_BUTTON} mt-2`}
              onClick={() =>
                set(
                  "requires",
                  value.requires.filter((_, i) => i !== g),
                )
              }
            >
              Remove group {g + 1}
            </button>
          </div>
        ))}
        <button
          type="button"
          className={SECONDARY_BUTTON}
          onClick={() => set("requires", [...value.requires, []])}
          disabled={value.requires.length >= 6}
        >
          Add a requirement
        </button>
        <FieldErrors id="relations-requires-error" errors={errorsAt("relations.requires", true)} />
      </fieldset>

      <div className="grid gap-5 md:grid-cols-2">
        <PickList
          id="implies"
          label="Implies"
          hint="Using this tool means the team has these (GitHub Actions implies GitHub)."
          tools={tools}
          selected={value.implies}
          onChange={(next) => set("implies", next)}
          errors={errorsAt("relations.implies")}
          exclude={[slug]}
        />
        <PickList
          id="companions"
          label="Companions"
          hint="Tools that travel with it; they are never each other's runner-up (Prometheus and Grafana)."
          tools={tools}
          selected={value.companions}
          onChange={(next) => set("companions", next)}
          errors={errorsAt("relations.companions")}
          exclude={[slug]}
        />
      </div>

      <div className="space-y-1" data-field="relations.partOf">
        <p className="text-sm font-medium" id="part-of-label">
          Part of a platform
        </p>
        {value.partOf ? (
          <p className="flex items-center gap-2 text-sm">
            <span>
              Part of <strong>{names.get(value.partOf) ?? value.partOf}</strong>
            </span>
            <button type="button" className={SECONDARY_BUTTON} onClick={() => set("partOf", "")}>
              Not part of a platform
            </button>
          </p>
        ) : (
          <Combobox
            label={<span className="font-normal">The platform it belongs to (SageMaker Pipelines → SageMaker)</span>}
            options={optionsOf(tools, [slug])}
            onSelect={(option) => set("partOf", option.value)}
            placeholder="None — type a platform's name"
            className="max-w-md"
            invalid={errorsAt("relations.partOf").length > 0}
            describedBy={errorsAt("relations.partOf").length > 0 ? "part-of-error" : undefined}
          />
        )}
        <FieldErrors id="part-of-error" errors={errorsAt("relations.partOf")} />
      </div>
    </fieldset>
  );
}
