import { undatedFacts, type RequiredSourceFact } from "../catalog/freshness";
import type { CatalogTool } from "../catalog/types";
import { TOOL_STATUSES, isRetiredStatus, type ToolStatus } from "../catalog/vocabulary";

/** What the admin dashboard points maintainers at, besides entries due for review (freshness.ts). Pure. */

/** Entries where status, licence or pricing has no dated source, with the facts missing; most missing first. */
export function entriesLackingSources(tools: CatalogTool[]): { tool: CatalogTool; missing: RequiredSourceFact[] }[] {
  return tools
    .map((tool) => ({ tool, missing: undatedFacts(tool) }))
    .filter(({ missing }) => missing.length > 0)
    .sort((a, b) => b.missing.length - a.missing.length || a.tool.name.localeCompare(b.tool.name));
}

/** Entries whose repository the last refresh found archived while the entry still calls the tool usable. */
export function archivedButUsable(tools: CatalogTool[]): CatalogTool[] {
  return tools
    .filter((t) => t.freshness?.archived && !isRetiredStatus(t.status))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** Sunset, deprecated or renamed entries that other tools still list as integrations: links worth revisiting. */
export function retiredButStillIntegrated(tools: CatalogTool[]): CatalogTool[] {
  return tools
    .filter((t) => isRetiredStatus(t.status) && t.integrations.length > 0)
    .sort((a, b) => a.name.localeCompare(b.name));
}

export function countByStatus(tools: CatalogTool[]): Record<ToolStatus, number> {
  const counts = Object.fromEntries(TOOL_STATUSES.map((s) => [s, 0])) as Record<ToolStatus, number>;
  for (const tool of tools) counts[tool.status] += 1;
  return counts;
}
