import type { Capability, Phase, ToolInput } from "./schema";
import type { Catalog } from "./types";
import { validateCatalogReferences, type CatalogContent, type ContentIssue } from "./validate-catalog";

/**
 * Whole-catalog rules for one maintainer change, so that admin edits obey exactly what content/ obeys
 * (validate-catalog.ts): known capabilities, phases, integration targets and successors, usable successors,
 * unique slugs and names. The change is applied to the catalog as it is now, and every rule is checked again.
 */

export type EntryIssue = { path: (string | number)[]; message: string };

export type CatalogChange =
  | { kind: "tool"; slug: string; next: ToolInput | null }
  | { kind: "capability"; slug: string; next: Capability | null }
  | { kind: "phase"; slug: string; next: Phase | null };

const FILES = { phase: "phases", capability: "capabilities", tool: "tools" } as const;

/** The catalog in content form. `integrations` of each tool list every partner (symmetric), which content allows. */
export function catalogAsContent(catalog: Catalog): CatalogContent {
  return {
    phases: catalog.phases.map((phase, index) => ({ file: FILES.phase, index, phase })),
    capabilities: catalog.capabilities.map((capability, index) => ({ file: FILES.capability, index, capability })),
    tools: catalog.tools.map((tool, index) => ({ file: FILES.tool, index, tool })),
  };
}

/** Removes the entry `slug` from the list and appends `next` (the changed entry comes last, so duplicate checks name it). */
function replaceLast<T extends { slug: string }>(list: T[], slug: string, next: T | null): T[] {
  return [...list.filter((entry) => entry.slug !== slug), ...(next ? [next] : [])];
}

/**
 * Issues the change would cause. Issues on the changed entry keep their field path; issues it causes on other entries
 * (a tool that names a deleted tool as its successor, say) have an empty path and name that entry.
 */
export function validateCatalogChange(catalog: Catalog, change: CatalogChange): EntryIssue[] {
  const next: Catalog = {
    phases:
      change.kind === "phase"
        ? replaceLast(catalog.phases, change.slug, change.next ? { ...change.next, id: "" } : null)
        : catalog.phases,
    capabilities:
      change.kind === "capability"
        ? replaceLast(catalog.capabilities, change.slug, change.next ? { ...change.next, id: "" } : null)
        : catalog.capabilities,
    tools:
      change.kind === "tool"
        ? replaceLast(
            catalog.tools,
            change.slug,
            change.next ? { ...change.next, id: "", isOpenSource: false, version: 0 } : null,
          )
        : catalog.tools,
  };
  const content = catalogAsContent(next);
  const changedSlug = change.next?.slug ?? null;
  return validateCatalogReferences(content).map((issue) => toEntryIssue(issue, content, change.kind, changedSlug));
}

function toEntryIssue(
  issue: ContentIssue,
  content: CatalogContent,
  kind: CatalogChange["kind"],
  changedSlug: string | null,
): EntryIssue {
  const [index, ...rest] = issue.path;
  const entry =
    issue.file === FILES.tool
      ? { kind: "tool", slug: content.tools[Number(index)]?.tool.slug }
      : issue.file === FILES.capability
        ? { kind: "capability", slug: content.capabilities[Number(index)]?.capability.slug }
        : { kind: "phase", slug: content.phases[Number(index)]?.phase.slug };
  if (entry.kind === kind && entry.slug === changedSlug) return { path: rest, message: issue.message };
  return { path: [], message: `${entry.kind} "${entry.slug ?? "?"}": ${issue.message}` };
}
