import { describe, expect, test } from "vitest";
import { answersAtLevels, makeQuestionnaire } from "../../../tests/fixtures/questionnaire-builders";
import { scoreAnswers } from "../assessment/score";
import { describeWeakestAreas, weakestAreasSentence, type WeakestAreasInput } from "./weakest-areas";

const DIMENSIONS = [
  { slug: "team", name: "Team" },
  { slug: "data", name: "Data" },
  { slug: "experiments", name: "Experiments" },
  { slug: "delivery", name: "Delivery" },
  { slug: "serving", name: "Serving" },
];

function input(weakestDimensions: string[], options: { cappedByWeakest?: boolean; weakest?: number } = {}) {
  return {
    dimensions: DIMENSIONS,
    overall: { weakest: options.weakest ?? 1, weakestDimensions, cappedByWeakest: options.cappedByWeakest ?? false },
  } satisfies WeakestAreasInput;
}

describe("the weakest-areas sentence", () => {
  test.each([
    ["one weakest area is named alone", ["data"], "Your weakest area is Data at 1.0."],
    ["two tied areas are joined with “and”", ["data", "serving"], "Your weakest areas are Data and Serving at 1.0."],
    [
      "three tied areas are listed, in questionnaire order, with “and” before the last",
      ["serving", "team", "data"],
      "Your weakest areas are Team, Data and Serving at 1.0.",
    ],
    [
      "more than three tied areas are counted, not listed",
      ["team", "data", "experiments", "delivery"],
      "Your lowest score, 1.0, is shared by four areas.",
    ],
    [
      "when every area ties, the scores are called even instead of listing them all",
      DIMENSIONS.map((d) => d.slug),
      "Your scores are even across all areas, at 1.0.",
    ],
  ])("%s", (_, weakest, sentence) => {
    expect(weakestAreasSentence(input(weakest))).toBe(sentence);
  });

  test.each([
    [
      ["delivery"],
      "It is held back by your weakest area, Delivery at 0.0: a team is only as mature as its weakest foundation, so the stage can be at most one level above it.",
    ],
    [
      ["team", "delivery"],
      "It is held back by your weakest areas, Team and Delivery at 0.0: a team is only as mature as its weakest foundation, so the stage can be at most one level above it.",
    ],
    [
      ["team", "data", "experiments", "delivery"],
      "It is held back by the four areas that share your lowest score, 0.0: a team is only as mature as its weakest foundation, so the stage can be at most one level above it.",
    ],
  ])("areas that cap the stage (%j) are said to hold it back", (weakest, sentence) => {
    expect(weakestAreasSentence(input(weakest, { cappedByWeakest: true, weakest: 0 }))).toBe(sentence);
  });

  test("names are parts of their own, so a renderer can escape or emphasise them; our words are not touched", () => {
    expect(describeWeakestAreas(input(["team", "serving"]))).toEqual([
      "Your weakest areas are ",
      { name: "Team" },
      " and ",
      { name: "Serving" },
      " at 1.0.",
    ]);
    expect(weakestAreasSentence(input(["team", "serving"]), (name) => `**${name}**`)).toBe(
      "Your weakest areas are **Team** and **Serving** at 1.0.",
    );
  });

  test("a questionnaire with a single dimension names it rather than calling one score even", () => {
    const single = { dimensions: [DIMENSIONS[0]!], overall: input(["team"]).overall };
    expect(weakestAreasSentence(single)).toBe("Your weakest area is Team at 1.0.");
  });

  test("a scored profile with every dimension at the same level reads as even, with its score", () => {
    const profile = scoreAnswers(makeQuestionnaire(), answersAtLevels([2, 2, 2, 2, 2, 2, 2]));
    expect(profile.overall.weakestDimensions).toHaveLength(profile.dimensions.length);
    expect(weakestAreasSentence(profile)).toBe("Your scores are even across all areas, at 2.0.");
  });

  test("a scored profile with one missing foundation names it and says it holds the stage back", () => {
    const profile = scoreAnswers(makeQuestionnaire(), answersAtLevels([4, 0, 4, 4, 4, 4, 4]));
    const data = profile.dimensions.find((d) => d.slug === "data-management")!;
    expect(weakestAreasSentence(profile)).toBe(
      `It is held back by your weakest area, ${data.name} at 0.0: a team is only as mature as its weakest foundation, so the stage can be at most one level above it.`,
    );
  });
});
