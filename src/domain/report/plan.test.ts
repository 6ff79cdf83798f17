import { describe, expect, test } from "vitest";
import { changePlanReport } from "../../../tests/fixtures/change-plan-report";
import type { Recommendation } from "../recommender/types";
import {
  discoveryOf,
  MAX_DISCOVERY,
  MAX_TOP_ACTIONS,
  planBySection,
  planCounts,
  plannedActions,
  planSummaryText,
  questionText,
  readPlanSummary,
  tossUpText,
  unknownsOf,
  whenText,
} from "./plan";

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
      expect.objectContaining({ kind: "pick", capability: "model-serving", tool: "BentoML", section: "now" }),
      expect.objectContaining({ kind: "pick", capability: "secrets-management", tool: "OpenBao" }),
    ]);
  });

  test(`at most ${MAX_TOP_ACTIONS} actions are high, each closed by a "now" change; none is lost`, () => {
    const serving = profile.actionItems.find((a) => a.closes === "model-serving")!;
    const many = {
      ...profile,
      actionItems: Array.from({ length: 8 }, (_, i) => ({ ...serving, text: `Action ${i}` })),
    };
    const actions = plannedActions(many, recommendation);
    expect(actions.top.map((a) => a.text)).toEqual(["Action 0", "Action 1", "Action 2", "Action 3", "Action 4"]);
    expect(actions.high).toEqual(actions.top);
    expect(actions.top.length + actions.rest.length).toBe(8);
    expect(actions.rest.map((a) => a.priority)).toEqual(["medium", "medium", "medium"]);
  });

  test("a stored “high” that no “now” change closes reads as medium: a high action always names its change", () => {
    const stale = {
      ...profile,
      actionItems: [
        { ...profile.actionItems.find((a) => a.closes === "data-validation")!, priority: "high" as const },
        { ...profile.actionItems.find((a) => !a.closes && !a.isDiscovery)!, priority: "high" as const },
      ],
    };
    const actions = plannedActions(stale, recommendation);
    expect(actions.high).toEqual([]);
    expect(actions.medium).toHaveLength(2);
  });

  test("“find out” actions are not in the action lists: their questions lead the discovery list", () => {
    const actions = plannedActions(profile, recommendation);
    const listed = [...actions.high, ...actions.medium, ...actions.low];
    expect(listed.some((a) => a.isDiscovery)).toBe(false);
    expect(listed).toHaveLength(profile.actionItems.filter((a) => !a.isDiscovery).length);
    expect(discoveryOf(profile, recommendation).first.map((u) => u.question)).toContain(
      "How does your team handle monitoring?",
    );
  });
});

describe("the discovery list", () => {
  const { profile, recommendation } = changePlanReport();
  const assumption = (question: string, most: number): Recommendation["assumptions"][number] => ({
    key: question,
    question,
    assumed: "the default",
    wouldChange:
      most === 0
        ? "Your answer would not change this plan."
        : `Your answer could change up to ${most} items of this plan.`,
  });

  test("leads with the assumptions an answer would change most, then unknown answers in the weakest areas", () => {
    const withAssumptions = {
      ...recommendation,
      assumptions: [assumption("Few?", 1), assumption("Nothing?", 0), assumption("Many?", 4)],
    };
    const { first, rest } = discoveryOf(profile, withAssumptions);
    expect(first.map((u) => u.question)).toEqual(["Many?", "Few?", "How does your team handle monitoring?"]);
    expect(first[2]!.wouldChange).toBe(
      "Monitoring is your weakest area on what you know (all answers were don't know); an answer narrows that and can change which changes come first.",
    );
    // An assumption whose answer changes nothing stays with the other unknowns; every unknown is listed once.
    expect(rest.map((u) => u.question)).toEqual(["Nothing?"]);
    expect([...first, ...rest].length).toBe(unknownsOf(profile, withAssumptions).length);
  });

  test(`never more than ${MAX_DISCOVERY}, the rest kept as other unknowns`, () => {
    const many = { ...recommendation, assumptions: [1, 2, 3, 4, 5, 6, 7].map((n) => assumption(`Q${n}?`, n)) };
    const { first, rest } = discoveryOf(profile, many);
    expect(first.map((u) => u.question)).toEqual(["Q7?", "Q6?", "Q5?", "Q4?", "Q3?"]);
    expect(rest.map((u) => u.question)).toEqual(["Q1?", "Q2?", "How does your team handle monitoring?"]);
  });

  test("an unknown answer whose gap a “now” change closes says the change could become “in place”", () => {
    const secrets = profile.actionItems.find((a) => a.closes === "secrets-management")!;
    const governance = profile.dimensions.find((d) => d.slug === "governance-security")!;
    const unsure = {
      ...profile,
      dimensions: profile.dimensions.map((d) =>
        d === governance
          ? { ...d, drivers: d.drivers.map((q) => ({ ...q, isDontKnow: true, answer: "Don't know" })) }
          : d,
      ),
      actionItems: [...profile.actionItems, { ...secrets, isDiscovery: true }],
    };
    const { first } = discoveryOf(unsure, recommendation);
    const question = first.find((u) => u.question === governance.drivers[0]!.prompt)!;
    expect(question.wouldChange).toBe(
      "If it is already in place, Secrets management is kept as it is instead of adopting OpenBao now.",
    );
  });
});

test("an unknown reads as a sentence whether it is a question or a context question's title", () => {
  expect(questionText({ question: "Whether you run Kubernetes" })).toBe("Whether you run Kubernetes.");
  expect(questionText({ question: "How many models?" })).toBe("How many models?");
});

describe("the plan's counts", () => {
  const { recommendation } = changePlanReport();

  test("the summary sentence counts what the sections list, and reads back to the same numbers", () => {
    const plan = planBySection(recommendation);
    const counts = planCounts(recommendation);
    expect(counts).toMatchObject({
      inPlace: plan.inPlace.length,
      now: plan.now.length,
      next: plan.next.length,
      later: plan.later.length,
    });
    const sentence = planSummaryText(recommendation);
    expect(sentence).toContain(`bringing ${recommendation.toolCount.now} new tool`);
    expect(readPlanSummary(`Summary.\n${sentence.replace(/ /g, "\n   ")}`)).toEqual({
      inPlace: counts.inPlace,
      now: counts.now,
      next: counts.next,
      later: counts.later,
    });
    expect(readPlanSummary("No summary here.")).toBeNull();
  });
});
