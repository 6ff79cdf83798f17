"use client";

import { useId, useMemo, useRef, useState, type KeyboardEvent } from "react";
import { WIZARD_FIELDS } from "@/domain/assessment/answer-form";
import { matchTools, type PickerTool } from "./tool-matches";

export type { PickerTool } from "./tool-matches";

/** Matches listed under the finder; typing narrows them. */
const MAX_MATCHES = 12;
/** Matches listed by the server when the finder was submitted without JavaScript. */
const MAX_SERVER_MATCHES = 40;

type Props = {
  /** The form field (the question id) that carries the chosen slugs. */
  name: string;
  tools: PickerTool[];
  selected: string[];
  onChange: (next: string[]) => void;
  labelledBy: string;
  /** Text the finder was submitted with (no JavaScript): its matches are listed as checkboxes. */
  serverFilter?: string;
  /** The section the finder's "Find" button returns to. */
  section: string;
};

/**
 * Choose catalog tools. With JavaScript the finder is a combobox (WAI-ARIA 1.2, list autocomplete with automatic
 * selection): typing lists matches with the first highlighted, arrows move through them, Enter adds the highlighted
 * one (and never submits the questionnaire), Escape closes the list, then clears the text. Chosen tools are
 * checkboxes, so unticking removes one. Without JavaScript the same finder is a search box: "Find" (or Enter) asks the
 * server for the matches, listed as checkboxes to tick; every answer is kept on the way.
 */
export function ToolPicker({ name, tools, selected, onChange, labelledBy, serverFilter, section }: Props) {
  const byslug = useMemo(() => new Map(tools.map((t) => [t.slug, t])), [tools]);
  // Tools shown as checkboxes: the chosen ones, plus any unticked on this visit (so they can be ticked again).
  const [listed, setListed] = useState<string[]>(selected);
  const shown = [...listed, ...selected.filter((s) => !listed.includes(s))];
  const [text, setText] = useState(serverFilter ?? "");
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const [announcement, setAnnouncement] = useState("");
  const input = useRef<HTMLInputElement>(null);
  const id = useId();
  const inputId = `${id}-input`;
  const listId = `${id}-list`;
  const optionId = (index: number) => `${id}-option-${index}`;

  const chosen = new Set(selected);
  const matches = useMemo(() => matchTools(tools, text, new Set(selected), MAX_MATCHES), [tools, text, selected]);
  const serverMatches = useMemo(
    () => (serverFilter ? matchTools(tools, serverFilter, new Set(listed), MAX_SERVER_MATCHES) : ([] as PickerTool[])),
    [tools, serverFilter, listed],
  );
  const expanded = open && matches.length > 0;

  function add(tool: PickerTool) {
    onChange([...selected, tool.slug]);
    setListed((current) => (current.includes(tool.slug) ? current : [...current, tool.slug]));
    setText("");
    setOpen(false);
    setAnnouncement(`${tool.name} added; ${selected.length + 1} chosen.`);
    input.current?.focus();
  }

  function toggle(slug: string, checked: boolean) {
    onChange(checked ? [...selected, slug] : selected.filter((s) => s !== slug));
    setListed((current) => (current.includes(slug) ? current : [...current, slug]));
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    switch (event.key) {
      case "ArrowDown":
      case "ArrowUp": {
        event.preventDefault();
        if (matches.length === 0) return;
        const step = event.key === "ArrowDown" ? 1 : -1;
        if (!open) {
          setOpen(true);
          setActive(step === 1 ? 0 : matches.length - 1);
        } else setActive((current) => (current + step + matches.length) % matches.length);
        return;
      }
      case "Enter":
        // Enter in the finder picks a tool; it never submits the questionnaire.
        event.preventDefault();
        if (expanded) add(matches[Math.min(active, matches.length - 1)]!);
        return;
      case "Escape":
        if (expanded) {
          event.preventDefault();
          setOpen(false);
        } else if (text) {
          event.preventDefault();
          setText("");
        }
        return;
      case "Tab":
        setOpen(false);
        return;
    }
  }

  const checkbox = (slug: string, checked: boolean) => {
    const tool = byslug.get(slug);
    return (
      <li key={slug}>
        <label className="flex cursor-pointer items-center justify-between gap-3 rounded-md border border-line px-3 py-2 text-sm hover:bg-surface-muted has-[:checked]:border-accent has-[:checked]:bg-accent-soft">
          <span className="flex items-center gap-2">
            <input
              type="checkbox"
              name={name}
              value={slug}
              checked={checked}
              onChange={(e) => toggle(slug, e.target.checked)}
              className="h-4 w-4 accent-[var(--accent)]"
            />
            {tool?.name ?? slug}
          </span>
          <span className="text-xs text-ink-muted">{tool?.category}</span>
        </label>
      </li>
    );
  };

  return (
    <div>
      {shown.length > 0 ? (
        <ul aria-label="Tools you use" className="mb-4 grid gap-2 sm:grid-cols-2">
          {shown.map((slug) => checkbox(slug, chosen.has(slug)))}
        </ul>
      ) : (
        <p className="mb-4 text-sm text-ink-muted">No tools chosen yet.</p>
      )}
      <label htmlFor={inputId} className="text-sm font-medium">
        Find a tool
      </label>
      <div className="relative mt-1 flex gap-2">
        <input
          ref={input}
          id={inputId}
          type="text"
          name={WIZARD_FIELDS.toolFilter}
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={expanded}
          aria-controls={listId}
          aria-activedescendant={expanded ? optionId(Math.min(active, matches.length - 1)) : undefined}
          aria-describedby={labelledBy}
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            setOpen(true);
            setActive(0);
          }}
          onKeyDown={onKeyDown}
          onBlur={() => setOpen(false)}
          placeholder="Type a name, e.g. MLflow"
          autoComplete="off"
          spellCheck={false}
          className="w-full rounded-md border border-line bg-surface px-3 py-2 text-sm"
        />
        <button
          type="submit"
          name={WIZARD_FIELDS.to}
          value={section}
          onClick={() => {
            setOpen(true);
            input.current?.focus();
          }}
          className="rounded-md border border-line px-3 py-2 text-sm font-medium hover:bg-surface-muted"
        >
          Find
        </button>
        <ul
          id={listId}
          role="listbox"
          aria-label="Matching tools"
          hidden={!expanded}
          className="absolute top-full right-0 left-0 z-10 mt-1 max-h-80 overflow-y-auto rounded-md border border-line bg-surface-raised shadow-lg"
        >
          {expanded
            ? matches.map((tool, index) => (
                <li
                  key={tool.slug}
                  id={optionId(index)}
                  role="option"
                  aria-selected={index === active}
                  onMouseDown={(e) => e.preventDefault()}
                  onMouseMove={() => setActive(index)}
                  onClick={() => add(tool)}
                  className={`flex cursor-pointer items-center justify-between px-3 py-2 text-sm ${index === active ? "bg-accent-soft text-accent" : ""}`}
                >
                  <span>{tool.name}</span>
                  <span className="text-xs text-ink-muted">{tool.category}</span>
                </li>
              ))
            : null}
        </ul>
      </div>
      <p aria-live="polite" className="sr-only">
        {announcement}
      </p>
      {serverFilter ? (
        serverMatches.length === 0 ? (
          <p className="mt-3 text-sm text-ink-muted">No other catalog tool matches “{serverFilter}”.</p>
        ) : (
          <ul aria-label={`Tools matching “${serverFilter}”`} className="mt-3 grid gap-2 sm:grid-cols-2">
            {serverMatches.map((tool) => checkbox(tool.slug, chosen.has(tool.slug)))}
          </ul>
        )
      ) : null}
    </div>
  );
}
