import type { ActionItem, MaturityProfile } from "../assessment/score";
import type { Recommendation } from "../recommender/types";

/** At most this many actions are "high": the few things to do first. */
export const MAX_HIGH_ACTIONS = 5;

/**
 * One priority model for the report: action items come from the same gaps as the change plan. An action whose gap a
 * "now" change closes is high (the first five, in the order of the plan's urgency); an action closed by a later
 * change, or a practice without a tool in the weakest area, is medium; the rest are low. "Find out" actions from
 * "don't know" answers are kept apart, as the discovery list. Pure; returns a new list, highest first.
 */
export function prioritizeActions(profile: MaturityProfile, recommendation: Recommendation): ActionItem[] {
  const itemOf = new Map(recommendation.items.map((i) => [i.capability, i]));
  const nowOrder = recommendation.items
    .filter((i) => i.change !== "keep" && i.horizon === "now")
    .map((i) => i.capability);
  const weakest = new Set(profile.overall.weakestDimensions);
  const scored = profile.actionItems.map((action, index) => {
    const item = action.closes ? itemOf.get(action.closes) : undefined;
    const isNowChange = item !== undefined && item.change !== "keep" && item.horizon === "now";
    const rank = isNowChange ? nowOrder.indexOf(item.capability) : Number.POSITIVE_INFINITY;
    let priority: ActionItem["priority"] = "low";
    if (action.isDiscovery) priority = "medium";
    else if (isNowChange) priority = "high";
    else if ((item && item.horizon === "next") || weakest.has(action.dimension)) priority = "medium";
    return { action: { ...action, priority }, rank, index };
  });
  const highs = scored.filter((s) => s.action.priority === "high").sort((a, b) => a.rank - b.rank || a.index - b.index);
  // One action per change is enough to lead with; the rest of a change's actions, and anything past five, wait.
  const leading = new Set<number>();
  const closed = new Set<string>();
  for (const s of highs) {
    if (leading.size >= MAX_HIGH_ACTIONS) break;
    if (s.action.closes && closed.has(s.action.closes)) continue;
    leading.add(s.index);
    if (s.action.closes) closed.add(s.action.closes);
  }
  const order = { high: 0, medium: 1, low: 2 } as const;
  return scored
    .map((s) =>
      s.action.priority === "high" && !leading.has(s.index)
        ? { ...s, action: { ...s.action, priority: "medium" as const } }
        : s,
    )
    .sort((a, b) => order[a.action.priority] - order[b.action.priority] || a.rank - b.rank || a.index - b.index)
    .map((s) => s.action);
}
