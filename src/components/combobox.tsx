"use client";

import { useId, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from "react";
import { compareNames } from "@/domain/catalog/compare-names";

export type ComboboxOption = {
  value: string;
  label: string;
  /** A second line under the label (e.g. what the tool is for). */
  detail?: string;
  /** Other words that find this option, matched after the label (e.g. its capabilities). */
  keywords?: string;
};

/** Options listed at once; typing narrows the list. */
const MAX_SHOWN = 8;

const fold = (text: string) =>
  text
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "");

/**
 * Options that match the typed text, best first: names that start with it, then names with a word that starts with
 * it, then names that contain it, then options whose keywords contain it. Alphabetical (case-insensitive) within each.
 */
export function filterOptions(options: ComboboxOption[], text: string): ComboboxOption[] {
  const needle = fold(text.trim());
  if (!needle) return [...options].sort((a, b) => compareNames(a.label, b.label));
  const rank = (option: ComboboxOption) => {
    const label = fold(option.label);
    if (label.startsWith(needle)) return 0;
    if (label.split(/[^a-z0-9]+/).some((word) => word.startsWith(needle))) return 1;
    if (label.includes(needle) || option.value.includes(needle)) return 2;
    if (option.keywords && fold(option.keywords).includes(needle)) return 3;
    return -1;
  };
  return options
    .map((option) => ({ option, rank: rank(option) }))
    .filter((r) => r.rank >= 0)
    .sort((a, b) => a.rank - b.rank || compareNames(a.option.label, b.option.label))
    .map((r) => r.option);
}

type Props = {
  /** The visible label of the text box. */
  label: ReactNode;
  options: ComboboxOption[];
  onSelect: (option: ComboboxOption) => void;
  /** Submitted with the surrounding form when there is no JavaScript yet (the server resolves the typed text). */
  name?: string;
  placeholder?: string;
  /** Extra classes for the wrapper (width). */
  className?: string;
  inputClassName?: string;
  /** Id of an element that describes the box further. */
  describedBy?: string;
  /** The field this box fills has an error (shown by the caller, and named in `describedBy`). */
  invalid?: boolean;
};

/**
 * A text box with a list of matching options, following the WAI-ARIA combobox pattern (list autocomplete): typing
 * filters and highlights the first match, ArrowDown/ArrowUp move through the matches, Enter picks the highlighted one
 * (and never submits the surrounding form while a list is open), Escape closes the list or clears the box.
 */
export function Combobox({
  label,
  options,
  onSelect,
  name,
  placeholder,
  className,
  inputClassName,
  describedBy,
  invalid,
}: Props) {
  const id = useId();
  const inputId = `${id}-input`;
  const listId = `${id}-list`;
  const [text, setText] = useState("");
  const [isOpen, setIsOpen] = useState(false);
  const [active, setActive] = useState(0);
  const inputRef = useRef<HTMLInputElement>(null);

  const matches = useMemo(() => filterOptions(options, text), [options, text]);
  const shown = matches.slice(0, MAX_SHOWN);
  const activeOption = isOpen ? shown[active] : undefined;

  function choose(option: ComboboxOption) {
    onSelect(option);
    setText("");
    setIsOpen(false);
    setActive(0);
    inputRef.current?.focus();
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    switch (event.key) {
      case "ArrowDown":
        event.preventDefault();
        if (!isOpen) setIsOpen(true);
        else setActive((i) => (shown.length === 0 ? 0 : (i + 1) % shown.length));
        break;
      case "ArrowUp":
        event.preventDefault();
        if (!isOpen) setIsOpen(true);
        setActive((i) => (shown.length === 0 ? 0 : (i - 1 + shown.length) % shown.length));
        break;
      case "Enter":
        if (isOpen) {
          event.preventDefault();
          if (activeOption) choose(activeOption);
        } else if (text.trim()) {
          event.preventDefault();
          setIsOpen(true);
        }
        break;
      case "Escape":
        if (isOpen) {
          event.preventDefault();
          setIsOpen(false);
        } else if (text) {
          event.preventDefault();
          setText("");
        }
        break;
      case "Tab":
        setIsOpen(false);
        break;
    }
  }

  const status = !isOpen
    ? ""
    : shown.length === 0
      ? "No matches."
      : matches.length > shown.length
        ? `${matches.length} matches, first ${shown.length} shown; keep typing to narrow them.`
        : `${matches.length} ${matches.length === 1 ? "match" : "matches"}.`;

  return (
    <div className={`relative ${className ?? ""}`}>
      <label htmlFor={inputId} className="block text-sm font-semibold">
        {label}
      </label>
      <input
        ref={inputRef}
        id={inputId}
        name={name}
        type="text"
        role="combobox"
        aria-expanded={isOpen}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={activeOption ? `${id}-option-${activeOption.value}` : undefined}
        aria-describedby={describedBy}
        aria-invalid={invalid || undefined}
        autoComplete="off"
        spellCheck={false}
        value={text}
        placeholder={placeholder}
        onChange={(event) => {
          setText(event.target.value);
          setActive(0);
          setIsOpen(event.target.value.trim() !== "");
        }}
        onKeyDown={onKeyDown}
        onBlur={() => setIsOpen(false)}
        className={`mt-1 w-full rounded-md border border-line bg-surface px-3 py-2 text-sm placeholder:text-ink-muted ${inputClassName ?? ""}`}
      />
      <ul
        id={listId}
        role="listbox"
        aria-label="Matches"
        hidden={!isOpen || shown.length === 0}
        className="absolute z-20 mt-1 max-h-80 w-full overflow-y-auto rounded-md border border-line bg-surface-raised py-1 shadow-lg"
      >
        {shown.map((option, i) => (
          <li
            key={option.value}
            id={`${id}-option-${option.value}`}
            role="option"
            aria-selected={i === active}
            // Keep the focus in the text box; the click picks the option.
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => choose(option)}
            onMouseMove={() => setActive(i)}
            className={`cursor-pointer px-3 py-1.5 text-sm ${i === active ? "bg-accent-soft text-ink" : ""}`}
          >
            <span className="block font-medium">{option.label}</span>
            {option.detail ? <span className="block text-xs text-ink-muted">{option.detail}</span> : null}
          </li>
        ))}
      </ul>
      {isOpen && shown.length === 0 ? (
        <p className="absolute z-20 mt-1 w-full rounded-md border border-line bg-surface-raised px-3 py-2 text-sm text-ink-muted shadow-lg">
          Nothing matches “{text.trim()}”.
        </p>
      ) : null}
      <p role="status" aria-live="polite" className="sr-only">
        {status}
      </p>
    </div>
  );
}
