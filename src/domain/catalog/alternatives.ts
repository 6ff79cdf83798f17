import { compareNames } from "./compare-names";
import type { CatalogTool } from "./types";
import { isRetiredStatus } from "./vocabulary";

/**
 * Usable tools that share a primary capability with `tool`, most similar first: more shared primary capabilities,
 * then actively developed before maintenance-only, then by name. Retired tools are never offered as alternatives.
 */
export function findAlternatives(tool: CatalogTool, tools: CatalogTool[], limit: number): CatalogTool[] {
  const primary = new Set(tool.capabilities.primary);
  return tools
    .filter((t) => t.slug !== tool.slug && !isRetiredStatus(t.status))
    .map((t) => ({ t, shared: t.capabilities.primary.filter((c) => primary.has(c)).length }))
    .filter(({ shared }) => shared > 0)
    .sort(
      (a, b) =>
        b.shared - a.shared ||
        Number(a.t.status !== "active") - Number(b.t.status !== "active") ||
        compareNames(a.t.name, b.t.name),
    )
    .slice(0, limit)
    .map(({ t }) => t);
}
