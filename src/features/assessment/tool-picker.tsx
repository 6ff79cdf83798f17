"use client";

import { useId, useMemo, useState } from "react";

export type PickerTool = { slug: string; name: string; category: string };

/** Maximum matches listed under the filter box; typing narrows the list. */
const MAX_MATCHES = 12;

/** Choose catalog tools by typing part of their name; chosen tools show as removable chips. */
export function ToolPicker({
  tools,
  selected,
  onChange,
  labelledBy,
}: {
  tools: PickerTool[];
  selected: string[];
  onChange: (next: string[]) => void;
  labelledBy: string;
}) {
  const [filter, setFilter] = useState("");
  const inputId = useId();
  const byslug = useMemo(() => new Map(tools.map((t) => [t.slug, t])), [tools]);
  const matches = useMemo(() => {
    const needle = filter.trim().toLowerCase();
    if (!needle) return [];
    return tools
      .filter((t) => !selected.includes(t.slug) && (t.name.toLowerCase().includes(needle) || t.slug.includes(needle)))
      .sort(
        (a, b) =>
          Number(!a.name.toLowerCase().startsWith(needle)) - Number(!b.name.toLowerCase().startsWith(needle)) ||
          a.name.localeCompare(b.name),
      )
      .slice(0, MAX_MATCHES);
  }, [filter, tools, selected]);

  return (
    <div>
      {selected.length > 0 ? (
        <ul aria-label="Tools you use" className="mb-3 flex flex-wrap gap-2">
          {selected.map((slug) => (
            <li key={slug}>
              <button
                type="button"
                onClick={() => onChange(selected.filter((s) => s !== slug))}
                className="inline-flex items-center gap-1 rounded-full border border-accent bg-accent-soft px-3 py-1 text-sm text-accent hover:opacity-80"
                aria-label={`Remove ${byslug.get(slug)?.name ?? slug}`}
              >
                {byslug.get(slug)?.name ?? slug} <span aria-hidden="true">×</span>
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="mb-3 text-sm text-ink-muted">No tools chosen yet.</p>
      )}
      <label htmlFor={inputId} className="text-sm font-medium">
        Find a tool
      </label>
      <input
        id={inputId}
        type="search"
        value={filter}
        onChange={(e) => setFilter(e.target.value)}
        placeholder="Type a name, e.g. Jenkins"
        autoComplete="off"
        aria-describedby={labelledBy}
        className="mt-1 w-full rounded-md border border-line bg-surface px-3 py-2 text-sm"
      />
      {filter.trim() ? (
        matches.length === 0 ? (
          <p className="mt-2 text-sm text-ink-muted">No catalog tool matches “{filter.trim()}”.</p>
        ) : (
          <ul aria-label="Matching tools" className="mt-2 divide-y divide-line rounded-md border border-line">
            {matches.map((tool) => (
              <li key={tool.slug}>
                <button
                  type="button"
                  onClick={() => {
                    onChange([...selected, tool.slug]);
                    setFilter("");
                  }}
                  className="flex w-full items-center justify-between px-3 py-2 text-left text-sm hover:bg-surface-muted"
                >
                  <span>Add {tool.name}</span>
                  <span className="text-xs text-ink-muted">{tool.category}</span>
                </button>
              </li>
            ))}
          </ul>
        )
      ) : null}
    </div>
  );
}
