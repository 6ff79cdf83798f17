import type { Horizon, Recommendation, RecommendationItem } from "@/domain/recommender/types";

/**
 * What changes in the stack between the saved recommendation and the one for the edited answers, in the reader's
 * terms. Computed from the engine's public result only, so the engine can change inside without touching the panel.
 */

export type StackChange = {
  /** Stable key for lists: the capability, or "stage". */
  key: string;
  /** One sentence: "Experiment tracking: MLflow → Weights & Biases (now)". */
  text: string;
  /** Changes to what the team adopts now come first. */
  affectsNow: boolean;
};

export const HORIZON_LABELS: Record<Horizon, string> = { now: "now", next: "next stage", later: "later" };

const pickName = (item: RecommendationItem) =>
  item.pick?.name ?? (item.inPlaceBy ? "in place" : item.uncoveredReason ? "nothing fits" : "nothing");

export function describeStackChanges(before: Recommendation, after: Recommendation): StackChange[] {
  const changes: StackChange[] = [];
  if (before.stage !== after.stage)
    changes.push({ key: "stage", text: `Stage ${before.stage} → ${after.stage}`, affectsNow: true });
  const previous = new Map(before.items.map((item) => [item.capability, item]));
  const current = new Set(after.items.map((item) => item.capability));
  for (const item of after.items) {
    const old = previous.get(item.capability);
    const when = HORIZON_LABELS[item.horizon];
    if (!old) {
      changes.push({
        key: item.capability,
        text: `${item.capabilityName} added: ${pickName(item)} (${when})`,
        affectsNow: item.horizon === "now",
      });
      continue;
    }
    const isNewPick = (old.pick?.slug ?? null) !== (item.pick?.slug ?? null);
    const isNewHorizon = old.horizon !== item.horizon;
    if (!isNewPick && !isNewHorizon) continue;
    const what = isNewPick ? `${pickName(old)} → ${pickName(item)}` : pickName(item);
    const timing = isNewHorizon ? `${HORIZON_LABELS[old.horizon]} → ${when}` : when;
    changes.push({
      key: item.capability,
      text: `${item.capabilityName}: ${what} (${timing})`,
      affectsNow: item.horizon === "now" || old.horizon === "now",
    });
  }
  for (const item of before.items) {
    if (current.has(item.capability)) continue;
    changes.push({
      key: item.capability,
      text: `${item.capabilityName} no longer needed (was ${pickName(item)}, ${HORIZON_LABELS[item.horizon]})`,
      affectsNow: item.horizon === "now",
    });
  }
  return changes.sort((a, b) => Number(b.affectsNow) - Number(a.affectsNow));
}
