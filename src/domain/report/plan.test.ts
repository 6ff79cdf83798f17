import { describe, expect, test } from "vitest";
import { changePlanReport } from "../../../tests/fixtures/change-plan-report";
import { MAX_TOP_ACTIONS, planBySection, plannedActions, tossUpText, unknownsOf, whenText } from "./plan";

describe("the report read as a change plan", () => {
  const { profile, recommendation } = changePlanReport();

  test("kept items are in place whatever their horizon; the rest go by horizon", () => {
    const plan = planBySection(recommendation);
    expect(plan.inPlace.map((i) => i.capability)).toEqual([
      "version-control",
      "feature-store",
      "continuous-integration",
      "containers",
    ]);
    expect(plan.now.every((i) => i.change !== "keep")).toBe(true);
    expect(plan.next.map((i) => i.capability)).toContain("data-validation");
  });

  test("a trigger already met replaces the trigger", () => {
    const registry = recommendation.items.find((i) => i.capability === "model-registry")!;
    expect(whenText(registry)).toBe("Now, because you run 12 models in production");
  });

  test("unknowns are the engine's assumptions and every “don't know” answer, each with what it could change", () => {
    const unknowns = unknownsOf(profile, recommendation);
    expect(unknowns.map((u) => u.source)).toEqual(["assumption", "dont-know"]);
    for (const u of unknowns) expect(u.wouldChange.length).toBeGreaterThan(10);
  });

  test("a toss-up names both tools and when to choose each", () => {
    const serving = recommendation.items.find((i) => i.capability === "model-serving")!;
    expect(tossUpText(serving)).toBe(
      "BentoML or KServe: choose BentoML if you want to ship models without running Kubernetes yourselves; choose KServe if your platform team already runs Knative on your clusters.",
    );
  });

  test("actions point at the pick that closes them, or at their question", () => {
    const actions = plannedActions(profile, recommendation);
    expect(actions.top.map((a) => a.target)).toEqual([
      { kind: "question", questionId: "monitoring-q1" },
      expect.objectContaining({ kind: "pick", capability: "model-serving", tool: "BentoML", section: "now" }),
      expect.objectContaining({ kind: "pick", capability: "secrets-management", tool: "OpenBao" }),
    ]);
  });

  test(`the summaries lead with at most ${MAX_TOP_ACTIONS} high-priority actions; none is lost`, () => {
    const many = {
      ...profile,
      actionItems: Array.from({ length: 8 }, (_, i) => ({ ...profile.actionItems[0]!, text: `Action ${i}` })),
    };
    const actions = plannedActions(many, recommendation);
    expect(actions.top.map((a) => a.text)).toEqual(["Action 0", "Action 1", "Action 2", "Action 3", "Action 4"]);
    expect(actions.top.length + actions.rest.length).toBe(8);
  });
});
