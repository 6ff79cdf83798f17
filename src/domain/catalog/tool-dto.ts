import { reviewDue, undatedFacts, type ReviewContext } from "./freshness";
import type { CatalogTool } from "./types";

/**
 * The public JSON shape of a tool: every catalog fact (sources and freshness included), with capabilities,
 * integrations and successor as slugs, plus `review`: how current the entry is on `today` (YYYY-MM-DD).
 */
export function toPublicTool(tool: CatalogTool, today: string, context: ReviewContext) {
  const { id: _id, ...rest } = tool;
  const due = reviewDue(tool, today, context);
  return {
    ...rest,
    review: {
      intervalDays: due.days,
      reason: due.reason,
      dueOn: due.dueOn,
      isOutOfDate: due.isOutOfDate,
      undatedFacts: undatedFacts(tool),
    },
  };
}

export type PublicTool = ReturnType<typeof toPublicTool>;
