import { describe, expect, test } from "vitest";
import type { Recommendation, RecommendationItem } from "@/domain/recommender/types";
import { describeStackChanges } from "./stack-changes";

function item(capability: string, horizon: RecommendationItem["horizon"], pick: string | null): RecommendationItem {
  return {
    capability,
    capabilityName: capability[0]!.toUpperCase() + capability.slice(1),
    phase: "p",
    horizon,
    adoptAtStage: 1,
    trigger: "",
    drivers: [],
    change: "adopt",
    pick: pick
      ? {
          slug: pick.toLowerCase(),
          name: pick,
          score: 1,
          breakdown: [],
          reasons: [],
          isKept: false,
          inUse: false,
          companions: [],
          isMainJob: true,
          cost: "",
          effort: "",
        }
      : null,
    alternatives: [],
  };
}

function recommendation(stage: 1 | 2 | 3 | 4, items: RecommendationItem[]): Recommendation {
  return {
    engineVersion: "test",
    stage,
    items,
    toolCount: { inPlace: 0, now: 0, next: 0, later: 0 },
    trainsModels: true,
    nowBudget: { limit: 5, used: 0, why: "" },
    assumptions: [],
    omitted: [],
    excluded: [],
    warnings: [],
    constraintNotes: [],
  };
}

describe("describeStackChanges", () => {
  test("says nothing when nothing changes", () => {
    const same = recommendation(2, [item("tracking", "now", "MLflow")]);
    expect(describeStackChanges(same, same)).toEqual([]);
  });

  test("names the stage, a new pick, a move between horizons, an added and a removed capability", () => {
    const before = recommendation(2, [
      item("tracking", "now", "MLflow"),
      item("serving", "next", "KServe"),
      item("labelling", "later", "Label Studio"),
    ]);
    const after = recommendation(3, [
      item("tracking", "now", "Weights & Biases"),
      item("serving", "now", "KServe"),
      item("registry", "next", null),
    ]);
    expect(describeStackChanges(before, after).map((c) => c.text)).toEqual([
      "Stage 2 → 3",
      "Tracking: MLflow → Weights & Biases (now)",
      "Serving: KServe (next stage → now)",
      "Registry added: nothing (next stage)",
      "Labelling no longer needed (was Label Studio, later)",
    ]);
  });

  test("lists what changes now before what changes later", () => {
    const before = recommendation(2, [item("docs", "later", "Notion"), item("tracking", "now", "MLflow")]);
    const after = recommendation(2, [item("docs", "later", "Confluence"), item("tracking", "now", "Comet")]);
    expect(describeStackChanges(before, after).map((c) => c.key)).toEqual(["tracking", "docs"]);
  });
});
