import type { Horizon, Recommendation } from "./types";

export type StackChange =
  | { kind: "stage"; from: number; to: number }
  | { kind: "pick"; capability: string; capabilityName: string; from: string | null; to: string | null }
  | { kind: "horizon"; capability: string; capabilityName: string; from: Horizon; to: Horizon }
  | { kind: "added"; capability: string; capabilityName: string; horizon: Horizon; pick: string | null }
  | { kind: "removed"; capability: string; capabilityName: string };

/** What changes between two recommendations, capability by capability: for the what-if panel. */
export function diffRecommendations(before: Recommendation, after: Recommendation): StackChange[] {
  const changes: StackChange[] = [];
  if (before.stage !== after.stage) changes.push({ kind: "stage", from: before.stage, to: after.stage });
  const old = new Map(before.items.map((i) => [i.capability, i]));
  const now = new Map(after.items.map((i) => [i.capability, i]));
  for (const item of after.items) {
    const previous = old.get(item.capability);
    if (!previous) {
      changes.push({
        kind: "added",
        capability: item.capability,
        capabilityName: item.capabilityName,
        horizon: item.horizon,
        pick: item.pick?.name ?? null,
      });
      continue;
    }
    if ((previous.pick?.slug ?? null) !== (item.pick?.slug ?? null)) {
      changes.push({
        kind: "pick",
        capability: item.capability,
        capabilityName: item.capabilityName,
        from: previous.pick?.name ?? null,
        to: item.pick?.name ?? null,
      });
    }
    if (previous.horizon !== item.horizon) {
      changes.push({
        kind: "horizon",
        capability: item.capability,
        capabilityName: item.capabilityName,
        from: previous.horizon,
        to: item.horizon,
      });
    }
  }
  for (const item of before.items) {
    if (!now.has(item.capability))
      changes.push({ kind: "removed", capability: item.capability, capabilityName: item.capabilityName });
  }
  return changes;
}
