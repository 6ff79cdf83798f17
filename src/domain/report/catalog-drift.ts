import { isRetiredStatus, type ToolStatus } from "../catalog/vocabulary";
import type { Recommendation } from "../recommender/types";

/**
 * A saved report keeps the facts of the tools it names (picks, their companions, the tools it replaces) as they were
 * when it was made. Comparing them with today's catalog tells the reader when a fact that matters has changed since:
 * a pick retired (sunset, deprecated, renamed), relicensed, given a successor, or removed from the catalog.
 */

/** What a report remembers of each tool it names. */
export type ToolFacts = { name: string; status: ToolStatus; license: string; successor: string | null };

/** Facts by tool slug. */
export type PickFacts = Record<string, ToolFacts>;

export type CatalogChangeKind = "retired" | "relicensed" | "replaced" | "removed";

export type CatalogChange = {
  slug: string;
  /** The name in the report. */
  name: string;
  kind: CatalogChangeKind;
  /** What changed, in words ("sunset since this report; its successor is Y"). */
  detail: string;
  /** The capabilities of the report this tool was picked for. */
  capabilities: string[];
  /** The successor today's catalog names, if any. */
  successor?: { slug: string; name: string };
};

/** The banner's content: the report's picks that today's catalog describes differently. */
export type CatalogNotice = { changes: CatalogChange[] };

/** Every tool slug a report names as a pick, a companion or a tool to replace. */
export function namedTools(recommendation: Recommendation): Map<string, string> {
  const names = new Map<string, string>();
  for (const item of recommendation.items) {
    if (item.pick) {
      names.set(item.pick.slug, item.pick.name);
      for (const companion of item.pick.companions) names.set(companion.slug, companion.name);
    }
    if (item.replaces) names.set(item.replaces.slug, item.replaces.name);
  }
  return names;
}

/** The facts to store with a report, read from the catalog it was made from. Tools missing there are skipped. */
export function pickFactsOf(
  recommendation: Recommendation,
  lookup: (slug: string) => ToolFacts | undefined,
): PickFacts {
  const facts: PickFacts = {};
  for (const slug of [...namedTools(recommendation).keys()].sort()) {
    const found = lookup(slug);
    if (found) facts[slug] = { ...found };
  }
  return facts;
}

const STATUS_WORDS: Partial<Record<ToolStatus, string>> = {
  sunset: "is being shut down (sunset)",
  deprecated: "is deprecated",
  renamed: "has been renamed",
};

/**
 * The changes since the report was made that touch its picks, or null when there are none. Tools the report only
 * replaces are checked too (a replacement's reason may have gone). Deterministic: sorted by name.
 */
export function detectCatalogDrift(
  recommendation: Recommendation,
  stored: PickFacts,
  lookup: (slug: string) => ToolFacts | undefined,
): CatalogNotice | null {
  const capabilitiesOf = new Map<string, string[]>();
  for (const item of recommendation.items) {
    const slugs = item.pick ? [item.pick.slug, ...item.pick.companions.map((c) => c.slug)] : [];
    for (const slug of slugs) capabilitiesOf.set(slug, [...(capabilitiesOf.get(slug) ?? []), item.capabilityName]);
  }
  const changes: CatalogChange[] = [];
  for (const [slug, before] of Object.entries(stored)) {
    if (!capabilitiesOf.has(slug)) continue; // a tool the report only replaces: its fate does not change the plan
    const now = lookup(slug);
    const base = { slug, name: before.name, capabilities: capabilitiesOf.get(slug) ?? [] };
    if (!now) {
      changes.push({ ...base, kind: "removed", detail: `${before.name} is no longer in the catalog.` });
      continue;
    }
    const successor =
      now.successor && now.successor !== before.successor
        ? { slug: now.successor, name: lookup(now.successor)?.name ?? now.successor }
        : undefined;
    if (isRetiredStatus(now.status) && !isRetiredStatus(before.status)) {
      const words = STATUS_WORDS[now.status] ?? `is now ${now.status}`;
      changes.push({
        ...base,
        kind: "retired",
        detail: `${before.name} ${words} since this report${successor ? `; the catalog names ${successor.name} as its successor` : ""}.`,
        ...(successor ? { successor } : {}),
      });
      continue;
    }
    if (now.license !== before.license) {
      changes.push({
        ...base,
        kind: "relicensed",
        detail: `${before.name} changed its licence from ${before.license} to ${now.license} since this report.`,
      });
      continue;
    }
    if (successor) {
      changes.push({
        ...base,
        kind: "replaced",
        detail: `The catalog now names ${successor.name} as the successor of ${before.name}.`,
        successor,
      });
    }
  }
  changes.sort((a, b) => a.name.localeCompare(b.name) || a.slug.localeCompare(b.slug));
  return changes.length > 0 ? { changes } : null;
}
