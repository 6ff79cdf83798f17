import { describe, expect, test } from "vitest";
import { changePlanReport } from "../../../tests/fixtures/change-plan-report";
import { hasUnknownScores, overallScoreInput, readScore, scoreNote, scoreText } from "./score-text";
import { weakestAreasSentence } from "./weakest-areas";

const known = { score: 2.5, unknownShare: 0, hiddenShare: 0, range: { low: 2.5, high: 2.5 } };

describe("a score as the report shows it", () => {
  test.each([
    ["nothing unknown: the measured value", known, {}, "2.5"],
    ["nothing unknown, with the scale", known, { outOf: 4 }, "2.5 of 4"],
    [
      "some answers unknown: a range with the unknown share, never the low end alone",
      { score: 1, unknownShare: 0.4, hiddenShare: 0, range: { low: 1, high: 3.2 } },
      {},
      "1.0–3.2 (40% unknown)",
    ],
    [
      "a range with the scale after the numbers",
      { score: 1, unknownShare: 0.4, hiddenShare: 0, range: { low: 1, high: 3.2 } },
      { outOf: 4 },
      "1.0–3.2 of 4 (40% unknown)",
    ],
    [
      "every answer unknown: unknown, not 0.0",
      { score: 0, unknownShare: 1, hiddenShare: 0, range: { low: 0, high: 4 } },
      {},
      "unknown (all answers were don't know)",
    ],
    [
      "every answer that counts unknown, the rest not applicable yet: unknown",
      { score: 0, unknownShare: 0.5, hiddenShare: 0.5, range: { low: 0, high: 2 } },
      { outOf: 4 },
      "unknown (all answers were don't know)",
    ],
    [
      "a tiny unknown share still shows as at least 1%",
      { score: 3, unknownShare: 0.004, hiddenShare: 0, range: { low: 3, high: 3 } },
      {},
      "3.0–3.0 (1% unknown)",
    ],
    ["a snapshot saved before ranges were kept: the score as it was", { score: 1.5 }, {}, "1.5"],
  ])("%s", (_, input, options, expected) => {
    expect(scoreText(input, options)).toBe(expected);
  });

  test("no reading of a dimension with unknown answers is a bare measured value", () => {
    for (let unknown = 0.05; unknown <= 1; unknown += 0.05) {
      const text = scoreText({ score: 0, unknownShare: unknown, hiddenShare: 0, range: { low: 0, high: 4 * unknown } });
      expect(text).not.toMatch(/^\d\.\d$/);
      expect(readScore({ score: 0, unknownShare: unknown, range: { low: 0, high: 1 } }).kind).not.toBe("measured");
    }
  });

  test("the overall level reads its range and the dimensions' mean unknown share", () => {
    const { profile } = changePlanReport();
    expect(hasUnknownScores(profile)).toBe(true);
    const overall = overallScoreInput(profile);
    expect(overall.range).toEqual(profile.overall.range);
    expect(overall.unknownShare).toBeCloseTo(
      profile.dimensions.reduce((s, d) => s + d.unknownShare, 0) / profile.dimensions.length,
    );
    expect(scoreText(overall, { outOf: 4 })).toMatch(/^\d\.\d–\d\.\d of 4 \(\d+% unknown\)$/);
  });

  test("the weakest-areas sentence shows an uncertain weakest area with its range, not a bare number", () => {
    const { profile } = changePlanReport();
    const monitoring = profile.dimensions.find((d) => d.slug === "monitoring")!;
    const sentence = weakestAreasSentence({
      dimensions: profile.dimensions,
      overall: { ...profile.overall, weakestDimensions: ["monitoring"], weakest: monitoring.score },
    });
    expect(scoreNote(monitoring)).toBe("all answers were don't know");
    expect(sentence).toBe(
      "Counting “don't know” as not in place, your lowest score is in Monitoring (all answers were don't know).",
    );
    expect(sentence).not.toMatch(/ at \d\.\d/);
  });
});
