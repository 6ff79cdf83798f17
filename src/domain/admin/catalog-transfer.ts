import type { Capability, Phase, ToolInput } from "../catalog/schema";
import type { Catalog, CatalogTool } from "../catalog/types";
import {
  validateCatalogReferences,
  type CatalogContent,
  type ContentIssue,
  type LocatedCapability,
  type LocatedPhase,
  type LocatedTool,
} from "../catalog/validate-catalog";
import { diffEntries, type FieldChange } from "./entry-diff";
import { capabilityInputOf, phaseInputOf, toolInputOf } from "./snapshots";

/**
 * Export and import of the catalog in the content/ format. Export writes what content/ holds (phases, capabilities,
 * tools, each entry exactly as ZPhase / ZCapability / ZToolInput describe it). Import compares a validated file with
 * the catalog as it is and plans every change; nothing is written unless the whole file is valid against the catalog
 * it would produce.
 */

export type CatalogBundle = { phases: Phase[]; capabilities: Capability[]; tools: ToolInput[] };

/** The whole catalog in content order: phases by order, capabilities in catalog order, tools by slug. */
export function catalogToBundle(catalog: Catalog): CatalogBundle {
  return {
    phases: [...catalog.phases].sort((a, b) => a.order - b.order).map(phaseInputOf),
    capabilities: catalog.capabilities.map(capabilityInputOf),
    tools: [...catalog.tools].sort((a, b) => a.slug.localeCompare(b.slug)).map(toolInputOf),
  };
}

/** content/tools/ groups tools in files for humans; an export groups them by the phase of their first primary capability. */
export function toolFileGroups(catalog: Catalog): Map<string, ToolInput[]> {
  const phaseOf = new Map(catalog.capabilities.map((c) => [c.slug, c.phase]));
  const groups = new Map<string, ToolInput[]>();
  for (const tool of catalogToBundle(catalog).tools) {
    const file = `${phaseOf.get(tool.capabilities.primary[0] ?? "") ?? "other"}.yaml`;
    groups.set(file, [...(groups.get(file) ?? []), tool]);
  }
  return new Map([...groups].sort(([a], [b]) => a.localeCompare(b)));
}

/** A parsed import file: each entry remembers where it was, so that issues name it. */
export type IncomingCatalog = Pick<CatalogContent, "phases" | "capabilities" | "tools">;

export type PlannedEntry<T> = {
  slug: string;
  action: "create" | "update" | "unchanged";
  changes: FieldChange[];
  next: T;
};

export type ImportPlan = {
  phases: PlannedEntry<Phase>[];
  capabilities: PlannedEntry<Capability>[];
  tools: PlannedEntry<ToolInput>[];
  /** Each tool's integration partners after the import, for every tool whose partners change. */
  partners: Map<string, string[]>;
  issues: ContentIssue[];
};

const DATABASE = "(catalog)";

function pairKey(a: string, b: string) {
  return a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`;
}

/**
 * Plans an import. A tool in the file declares all its integrations (either side may declare a pair): after the
 * import its partners are exactly those it lists plus those file tools that list it. Tools not in the file keep
 * theirs, except pairs with file tools, which follow the file. Entries not in the file are left alone.
 */
export function planImport(current: Catalog, incoming: IncomingCatalog): ImportPlan {
  const incomingToolSlugs = new Set(incoming.tools.map((t) => t.tool.slug));
  const declared = new Set<string>();
  for (const { tool } of incoming.tools)
    for (const partner of tool.integrations) if (partner !== tool.slug) declared.add(pairKey(tool.slug, partner));

  const allToolSlugs = new Set([...current.tools.map((t) => t.slug), ...incomingToolSlugs]);
  const partnersAfter = (slug: string, currentPartners: string[]): string[] => {
    const result = new Set(incomingToolSlugs.has(slug) ? [] : currentPartners.filter((p) => !incomingToolSlugs.has(p)));
    for (const other of allToolSlugs) if (other !== slug && declared.has(pairKey(slug, other))) result.add(other);
    return [...result].sort();
  };

  // The catalog as it would be, in content form, with file entries located in the file for error messages.
  const merged: CatalogContent = {
    phases: mergeLocated<Phase, LocatedPhase>(
      current.phases.map(phaseInputOf),
      incoming.phases,
      (phase, file, index) => ({ file, index, phase }),
      (l) => l.phase,
    ),
    capabilities: mergeLocated<Capability, LocatedCapability>(
      current.capabilities.map(capabilityInputOf),
      incoming.capabilities,
      (capability, file, index) => ({ file, index, capability }),
      (l) => l.capability,
    ),
    tools: mergeLocated<ToolInput, LocatedTool>(
      current.tools.map((t) => ({ ...toolInputOf(t), integrations: partnersAfter(t.slug, t.integrations) })),
      incoming.tools,
      (tool, file, index) => ({ file, index, tool }),
      (l) => l.tool,
    ),
  };
  const issues = validateCatalogReferences(merged);

  const capabilityOrder = new Map(merged.capabilities.map((c, i) => [c.capability.slug, i]));
  const byOrder = (slugs: string[]) =>
    [...slugs].sort((a, b) => (capabilityOrder.get(a) ?? 0) - (capabilityOrder.get(b) ?? 0));
  const currentTools = new Map(current.tools.map((t) => [t.slug, t]));
  const partners = new Map<string, string[]>();
  for (const tool of current.tools) {
    const after = partnersAfter(tool.slug, tool.integrations);
    if (after.join() !== [...tool.integrations].sort().join()) partners.set(tool.slug, after);
  }
  for (const slug of incomingToolSlugs)
    partners.set(slug, partnersAfter(slug, currentTools.get(slug)?.integrations ?? []));

  return {
    phases: plan(
      new Map(current.phases.map((p) => [p.slug, phaseInputOf(p)])),
      incoming.phases.map((l) => l.phase),
    ),
    capabilities: plan(
      new Map(current.capabilities.map((c) => [c.slug, capabilityInputOf(c)])),
      incoming.capabilities.map((l) => l.capability),
    ),
    tools: plan(
      new Map(current.tools.map((t: CatalogTool) => [t.slug, toolInputOf(t)])),
      incoming.tools.map(({ tool }) => ({
        ...tool,
        capabilities: { primary: byOrder(tool.capabilities.primary), secondary: byOrder(tool.capabilities.secondary) },
        integrations: partners.get(tool.slug) ?? [],
      })),
    ),
    partners,
    issues,
  };
}

function mergeLocated<T extends { slug: string }, L>(
  current: T[],
  incoming: L[],
  locate: (entry: T, file: string, index: number) => L,
  entryOf: (located: L) => T,
): L[] {
  const incomingSlugs = new Set(incoming.map((l) => entryOf(l).slug));
  return [
    ...current.filter((entry) => !incomingSlugs.has(entry.slug)).map((entry, index) => locate(entry, DATABASE, index)),
    ...incoming,
  ];
}

function plan<T extends { slug: string }>(current: Map<string, T>, incoming: T[]): PlannedEntry<T>[] {
  return incoming.map((next) => {
    const before = current.get(next.slug);
    if (!before) return { slug: next.slug, action: "create", changes: [], next };
    const changes = diffEntries(before, next);
    return { slug: next.slug, action: changes.length > 0 ? "update" : "unchanged", changes, next };
  });
}

export function planCounts(plan: ImportPlan): { create: number; update: number; unchanged: number } {
  const all = [...plan.phases, ...plan.capabilities, ...plan.tools];
  return {
    create: all.filter((e) => e.action === "create").length,
    update: all.filter((e) => e.action === "update").length,
    unchanged: all.filter((e) => e.action === "unchanged").length,
  };
}
