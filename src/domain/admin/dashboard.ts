import type { CatalogTool } from "../catalog/types";
import { TOOL_STATUSES, isRetiredStatus, type ToolStatus } from "../catalog/vocabulary";

/** What the admin dashboard points maintainers at. Pure: the clock is passed in. */

/** An entry not reviewed for this many months is due for a review. */
export const REVIEW_INTERVAL_MONTHS = 6;

/** The calendar day `months` before `now`, as YYYY-MM-DD (UTC); the day is clamped to the target month's length. */
export function monthsBefore(now: Date, months: number): string {
  const year = now.getUTCFullYear();
  const month = now.getUTCMonth() - months;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return new Date(Date.UTC(year, month, Math.min(now.getUTCDate(), lastDay))).toISOString().slice(0, 10);
}

/** Entries whose last review is older than the interval, oldest first. */
export function entriesDueForReview(tools: CatalogTool[], now: Date, months = REVIEW_INTERVAL_MONTHS): CatalogTool[] {
  const cutoff = monthsBefore(now, months);
  return tools
    .filter((t) => t.lastReviewed < cutoff)
    .sort((a, b) => a.lastReviewed.localeCompare(b.lastReviewed) || a.slug.localeCompare(b.slug));
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
