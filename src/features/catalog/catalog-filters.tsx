"use client";

import Link from "next/link";
import { usePathname, useRouter } from "next/navigation";
import { useEffect, useOptimistic, useRef, useState, useTransition, type ReactNode } from "react";
import { QUERY_PARAM_NAMES, catalogQueryToSearch } from "@/domain/catalog/catalog-query-url";
import { KUBERNETES_FILTER_LABELS, LICENSE_FILTER_LABELS, SORT_LABELS, STATUS_LABELS } from "@/domain/catalog/labels";
import {
  EMPTY_QUERY,
  FACET_VALUES,
  SORT_ORDERS,
  type CatalogQuery,
  type FacetCounts,
  type FacetName,
} from "@/domain/catalog/search-query";
import { CLOUD_LABELS, HOSTING_LABELS, PRICING_LABELS, STAGE_NAMES } from "@/domain/catalog/vocabulary";

/** How long typing must pause before the search runs. */
const SEARCH_DEBOUNCE_MS = 180;

type Option = { value: string; label: string };
type Props = {
  query: CatalogQuery;
  facets: FacetCounts;
  phases: Option[];
  capabilityGroups: { phase: Option; capabilities: Option[] }[];
};

/**
 * The catalog's search box, facets and sort. Every change rewrites the URL (so any view can be shared) and the page
 * re-renders on the server. The same controls are a plain GET form with an "Apply filters" button, so they work
 * before and without JavaScript; once React runs, a change applies at once.
 */
export function CatalogFilters({ query: serverQuery, facets, phases, capabilityGroups }: Props) {
  // Controls reflect a change at once; the results follow when the server answers.
  const [query, setOptimisticQuery] = useOptimistic(serverQuery);
  const router = useRouter();
  const pathname = usePathname();
  const [isPending, startTransition] = useTransition();
  const [text, setText] = useState(query.text);
  const lastSubmitted = useRef(query.text);
  /** Whether the current history entry was made by typing: further typing updates it instead of adding one. */
  const isTypingEntry = useRef(false);
  // Back and Forward bring another query from the server: the search box follows it.
  const [shownServerText, setShownServerText] = useState(serverQuery.text);
  if (serverQuery.text !== shownServerText) {
    setShownServerText(serverQuery.text);
    setText(serverQuery.text);
  }
  useEffect(() => {
    lastSubmitted.current = serverQuery.text;
  }, [serverQuery.text]);

  /**
   * Every filter or sort change is a history entry, so Back undoes it. Typing adds one entry for the search and then
   * updates it, so Back does not replay every pause in typing.
   */
  function navigate(next: CatalogQuery, cause: "filter" | "typing" = "filter") {
    const href = `${pathname}${catalogQueryToSearch(next)}` as "/catalog";
    const replace = cause === "typing" && isTypingEntry.current;
    isTypingEntry.current = cause === "typing";
    startTransition(() => {
      setOptimisticQuery(next);
      if (replace) router.replace(href, { scroll: false });
      else router.push(href, { scroll: false });
    });
  }

  useEffect(() => {
    if (text === lastSubmitted.current) return;
    const timer = setTimeout(() => {
      lastSubmitted.current = text;
      navigate({ ...query, text }, "typing");
    }, SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only typing triggers this; query is read fresh
  }, [text]);

  function toggle(facet: FacetName, value: string) {
    const current = (query[facet] as (string | number)[]).map(String);
    const nextValues = current.includes(value) ? current.filter((v) => v !== value) : [...current, value];
    navigate({ ...query, text, [facet]: facet === "stages" ? nextValues.map(Number) : nextValues });
  }

  const isChecked = (facet: FacetName, value: string) =>
    (query[facet] as (string | number)[]).map(String).includes(value);
  const activeCount = (Object.keys(FACET_VALUES) as FacetName[])
    .concat(["phases", "capabilities"])
    .reduce((n, f) => n + query[f].length, 0);

  function group(facet: FacetName, title: string, options: Option[], extra?: ReactNode) {
    const visible = options.filter((o) => (facets[facet][o.value] ?? 0) > 0 || isChecked(facet, o.value));
    if (visible.length === 0) return null;
    return (
      <fieldset className="border-t border-line pt-3">
        <legend className="text-sm font-semibold">{title}</legend>
        {extra}
        <ul className="mt-2 space-y-1">
          {visible.map((o) => (
            <li key={o.value}>
              <label className="flex cursor-pointer items-center justify-between gap-2 rounded px-1 py-0.5 text-sm hover:bg-surface-muted">
                <span className="flex items-center gap-2">
                  <input
                    type="checkbox"
                    name={QUERY_PARAM_NAMES[facet]}
                    value={o.value}
                    checked={isChecked(facet, o.value)}
                    onChange={() => toggle(facet, o.value)}
                    className="h-4 w-4 accent-[var(--accent)]"
                  />
                  {o.label}
                </span>
                <span className="text-xs text-ink-muted tabular-nums">{facets[facet][o.value] ?? 0}</span>
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
    );
  }

  return (
    <form
      method="get"
      action="/catalog"
      role="search"
      aria-label="Filter the catalog"
      onSubmit={(event) => {
        event.preventDefault();
        lastSubmitted.current = text;
        navigate({ ...query, text }, "typing");
      }}
      className="space-y-3"
      aria-busy={isPending}
    >
      <div>
        <label htmlFor="catalog-search" className="text-sm font-semibold">
          Search
        </label>
        <input
          id="catalog-search"
          type="search"
          name="q"
          value={text}
          onChange={(e) => setText(e.target.value)}
          placeholder="Name, capability or keyword"
          autoComplete="off"
          className="mt-1 w-full rounded-md border border-line bg-surface px-3 py-2 text-sm placeholder:text-ink-muted"
        />
      </div>
      <div className="flex items-center justify-between gap-2">
        <label htmlFor="catalog-sort" className="text-sm font-semibold">
          Sort
        </label>
        <select
          id="catalog-sort"
          name="sort"
          value={query.sort}
          onChange={(e) => navigate({ ...query, text, sort: e.target.value as CatalogQuery["sort"] })}
          className="rounded-md border border-line bg-surface px-2 py-1.5 text-sm"
        >
          {SORT_ORDERS.map((s) => (
            <option key={s} value={s}>
              {SORT_LABELS[s]}
            </option>
          ))}
        </select>
      </div>
      {activeCount > 0 || query.text ? (
        <Link
          href="/catalog"
          scroll={false}
          onClick={(event) => {
            event.preventDefault();
            setText("");
            lastSubmitted.current = "";
            navigate({ ...EMPTY_QUERY, sort: query.sort });
          }}
          className="block text-sm font-medium text-accent hover:underline"
        >
          Clear all filters
        </Link>
      ) : null}
      <button type="submit" className="rounded-md bg-accent px-3 py-1.5 text-sm font-semibold text-accent-ink">
        Apply filters
      </button>
      {group("phases", "Lifecycle phase", phases)}
      {group(
        "stages",
        "Maturity stage",
        FACET_VALUES.stages.map((s) => ({ value: String(s), label: `${s} · ${STAGE_NAMES[s]}` })),
      )}
      {group(
        "licenses",
        "Licence",
        FACET_VALUES.licenses.map((v) => ({ value: v, label: LICENSE_FILTER_LABELS[v] })),
      )}
      {group(
        "pricing",
        "Pricing",
        FACET_VALUES.pricing.map((v) => ({ value: v, label: PRICING_LABELS[v] })),
      )}
      {group(
        "hosting",
        "Hosting",
        FACET_VALUES.hosting.map((v) => ({ value: v, label: HOSTING_LABELS[v] })),
      )}
      {group(
        "clouds",
        "Runs on",
        FACET_VALUES.clouds.map((v) => ({ value: v, label: CLOUD_LABELS[v] })),
      )}
      {group(
        "kubernetes",
        "Kubernetes",
        FACET_VALUES.kubernetes.map((v) => ({ value: v, label: KUBERNETES_FILTER_LABELS[v] })),
      )}
      {group(
        "statuses",
        "Status",
        FACET_VALUES.statuses.map((v) => ({ value: v, label: STATUS_LABELS[v] })),
      )}
      <details className="border-t border-line pt-3" open={query.capabilities.length > 0}>
        <summary className="cursor-pointer text-sm font-semibold">Capability</summary>
        <div className="mt-2 max-h-96 space-y-3 overflow-y-auto pr-1">
          {capabilityGroups.map(({ phase, capabilities }) => (
            <div key={phase.value}>{group("capabilities", phase.label, capabilities)}</div>
          ))}
        </div>
      </details>
    </form>
  );
}
