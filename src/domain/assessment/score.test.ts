import { describe, expect, test } from "vitest";
import { answersAtLevels, DIMENSIONS, makeQuestionnaire } from "../../../tests/fixtures/questionnaire-builders";
import { DONT_KNOW } from "./answers";
import { DEFAULT_CONSTRAINTS } from "./constraints";
import { scoreAnswers, STAGE_THRESHOLDS } from "./score";

const questionnaire = makeQuestionnaire([
  {
    id: "in-production",
    section: "main",
    kind: "single",
    dimension: "monitoring",
    prompt: "In production?",
    help: "h",
    options: [
      { value: "no", label: "No", level: 0 },
      { value: "yes", label: "Yes", level: 2 },
    ],
  },
  {
    id: "drift",
    section: "main",
    kind: "single",
    dimension: "monitoring",
    prompt: "Drift?",
    help: "h",
    showIf: { question: "in-production", anyOf: ["yes"] },
    options: [
      { value: "none", label: "None", level: 0, gap: "Watch drift." },
      { value: "auto", label: "Auto", level: 4 },
    ],
  },
  {
    id: "practices",
    section: "main",
    kind: "multi",
    dimension: "cicd-deployment",
    prompt: "Which?",
    help: "h",
    options: [1, 2, 3].map((n) => ({ value: `p${n}`, label: `P${n}`, level: 2, gap: `Adopt P${n}.` })),
  },
  {
    id: "confidence",
    section: "main",
    kind: "scale",
    dimension: "governance-security",
    prompt: "How sure?",
    help: "h",
    scale: { minLabel: "not", maxLabel: "fully", gap: "Raise confidence." },
  },
]);
const complete = (levels: number[], extra: Record<string, unknown> = {}) => ({
  ...answersAtLevels(levels),
  "in-production": levels[5]! >= 2 ? "yes" : "no",
  drift: levels[5]! >= 2 ? "auto" : "none",
  practices: levels[3]! >= 2 ? ["p1", "p2", "p3"] : levels[3] === 1 ? ["p1"] : [],
  confidence: levels[6] ?? 0,
  ...extra,
});
const score = (answers: Record<string, unknown>) => scoreAnswers(questionnaire, answers as never);

describe("stage boundaries", () => {
  test.each([
    [0, 1],
    [1, 1],
    [2, 2],
    [3, 3],
    [4, 4],
  ])("every dimension at level %i gives stage %i", (level, stage) => {
    const answers = { ...answersAtLevels(DIMENSIONS.map(() => level)) };
    const profile = score(answers);
    expect(profile.stage).toBe(stage);
  });

  test("the thresholds sit between the levels: 1.25, 2.25 and 3.25", () => {
    expect(STAGE_THRESHOLDS).toEqual({ 2: 1.25, 3: 2.25, 4: 3.25 });
  });

  test("one missing foundation caps the stage one level above it, however strong the rest", () => {
    const profile = score(complete([4, 4, 4, 4, 4, 4, 4], answersAtLevels([4, 0, 4, 4, 4, 4, 4])));
    expect(profile.overall.mean).toBeGreaterThan(3.25);
    expect(profile.overall.weakestDimensions).toEqual(["data-management"]);
    expect(profile.overall.level).toBe(1);
    expect(profile.overall.cappedByWeakest).toBe(true);
    expect(profile.stage).toBe(1);
  });

  test("a weak but present area holds a strong team at production scale", () => {
    const profile = score(complete([4, 4, 4, 4, 4, 4, 4], answersAtLevels([4, 4, 2, 4, 4, 4, 4])));
    expect(profile.overall.level).toBe(3);
    expect(profile.stage).toBe(3);
  });
});

describe("question scoring", () => {
  test("“Don't know” counts as not in place, is counted, and asks the team to find out", () => {
    const answers = complete([3, 3, 3, 3, 3, 3, 3], { "serving-1": DONT_KNOW });
    const profile = score(answers);
    const serving = profile.dimensions.find((d) => d.slug === "serving")!;
    expect(serving.drivers[0]).toMatchObject({ questionId: "serving-1", level: 0, isDontKnow: true });
    expect(serving.score).toBe(2);
    expect(profile.dontKnowCount).toBe(1);
    expect(profile.actionItems.map((a) => a.text)).toContain(
      "Find out: serving question 1? Until you know, plan as if it is not in place.",
    );
  });

  test("a question hidden by an earlier answer counts as level 0 and raises no action item", () => {
    const profile = score(complete([4, 4, 4, 4, 4, 0, 4], { "in-production": "no", drift: "auto" }));
    const drift = profile.dimensions
      .find((d) => d.slug === "monitoring")!
      .drivers.find((q) => q.questionId === "drift")!;
    expect(drift).toMatchObject({ level: 0, isHidden: true });
    expect(profile.actionItems.some((a) => a.questionId === "drift")).toBe(false);
  });

  test("multi-choice adds the points of each practice, capped at 4, and lists missing practices as actions", () => {
    const two = score(complete([3, 3, 3, 3, 3, 3, 3], { practices: ["p1"] }));
    const drivers = two.dimensions.find((d) => d.slug === "cicd-deployment")!.drivers;
    expect(drivers.find((q) => q.questionId === "practices")!.level).toBe(2);
    expect(two.actionItems.filter((a) => a.questionId === "practices").map((a) => a.text)).toEqual([
      "Adopt P2.",
      "Adopt P3.",
    ]);
    const all = score(complete([3, 3, 3, 3, 3, 3, 3], { practices: ["p1", "p2", "p3"] }));
    expect(
      all.dimensions.find((d) => d.slug === "cicd-deployment")!.drivers.find((q) => q.questionId === "practices")!
        .level,
    ).toBe(4);
  });

  test("a low scale answer raises its action item; a high one does not", () => {
    expect(
      score(complete([3, 3, 3, 3, 3, 3, 3], { confidence: 1 })).actionItems.some((a) => a.text === "Raise confidence."),
    ).toBe(true);
    expect(
      score(complete([3, 3, 3, 3, 3, 3, 3], { confidence: 2 })).actionItems.some((a) => a.text === "Raise confidence."),
    ).toBe(false);
  });

  test("action items from the weakest dimension come first, as high priority", () => {
    const profile = score(complete([3, 1, 3, 3, 3, 3, 3]));
    expect(profile.actionItems[0]).toMatchObject({ dimension: "data-management", priority: "high" });
  });
});

describe("reference levels", () => {
  test.each<[number[], number, number]>([
    [[0, 0, 0, 0, 0, 0, 0], 0, 0],
    [[1, 1, 1, 1, 1, 1, 1], 1, 0],
    [[2, 2, 2, 2, 2, 2, 2], 2, 0],
    [[3, 3, 3, 3, 3, 3, 3], 3, 1],
    [[4, 4, 4, 4, 4, 4, 4], 4, 2],
  ])("dimensions %j map to Microsoft level %i and Google level %i", (levels, microsoft, google) => {
    const profile = score(complete(levels));
    expect(profile.microsoftLevel.level).toBe(microsoft);
    expect(profile.googleLevel.level).toBe(google);
  });
});

describe("constraints", () => {
  test("unanswered constraints take the cautious defaults", () => {
    expect(score(complete([2, 2, 2, 2, 2, 2, 2])).constraints).toEqual(DEFAULT_CONSTRAINTS);
  });

  test("answers become the recommender's constraints", () => {
    const profile = score(
      complete([2, 2, 2, 2, 2, 2, 2], {
        "c-airgapped": "yes",
        "c-cloud": "gcp",
        "c-kubernetes": "yes",
        "tools-in-use": ["jenkins", "airflow"],
      }),
    );
    expect(profile.constraints).toMatchObject({
      airGapped: true,
      cloud: "gcp",
      kubernetes: "yes",
      toolsInUse: ["airflow", "jenkins"],
    });
  });
});
