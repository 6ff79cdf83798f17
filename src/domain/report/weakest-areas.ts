import type { MaturityProfile } from "../assessment/score";
import { readScore, scoreNote, type ScoreInput } from "./score-text";

/**
 * The summary's sentence about the lowest-scoring dimensions, shared by the results page, the Markdown export and the
 * printable (PDF) report so that they say the same thing. A tie names every tied area up to a few; a longer list, or
 * every area, reads as a catalogue of everything rather than a weakness, so it is described instead of listed.
 */

/** At most this many tied areas are named; beyond it the sentence counts them instead. */
export const MAX_NAMED_WEAKEST_AREAS = 3;

/** What the weakest-areas sentence reads from a profile. */
export type WeakestAreasInput = {
  dimensions: (Pick<MaturityProfile["dimensions"][number], "slug" | "name"> & Partial<ScoreInput>)[];
  overall: Pick<MaturityProfile["overall"], "weakest" | "weakestDimensions" | "cappedByWeakest">;
};

/** A piece of the sentence: our own words, or a dimension name (for the renderer to escape or emphasise). */
export type SentencePart = string | { name: string };

const NUMBER_WORDS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"];

const HELD_BACK_REASON =
  ": a team is only as mature as its weakest foundation, so the stage can be at most one level above it.";

/** "A", "A and B", "A, B and C": the names as parts, in the order given. */
function listParts(names: string[]): SentencePart[] {
  return names.flatMap((name, i): SentencePart[] => {
    const separator = i === 0 ? [] : i === names.length - 1 ? [" and "] : [", "];
    return [...separator, { name }];
  });
}

/**
 * The sentence as parts, in questionnaire order of the dimensions:
 * - one to MAX_NAMED_WEAKEST_AREAS areas tie for the lowest score: they are named ("Your weakest areas are A and B
 *   at 1.0.");
 * - more tie, but not all: they are counted ("Your lowest score, 1.0, is shared by four areas.");
 * - every area ties (of two or more): "Your scores are even across all areas, at 2.0." An even profile cannot be
 *   held back by its weakest area, since its level is then its mean.
 * When the weakest areas cap the overall level (`cappedByWeakest`), the sentence says they hold it back, and why.
 * Scores are on the 0–4 scale, shown with one decimal. When a weakest area has "don't know" answers its score is not a
 * measurement: each named area is followed by its own score text (a range with the unknown share, or unknown), and
 * areas are not counted as tied or even, since their true scores may differ.
 */
export function describeWeakestAreas(input: WeakestAreasInput): SentencePart[] {
  const { dimensions, overall } = input;
  const score = overall.weakest.toFixed(1);
  const weakest = dimensions.filter((d) => overall.weakestDimensions.includes(d.slug));
  const names = weakest.map((d) => d.name);
  if (names.length === 0) return [];
  const isUncertain = weakest.some((d) => d.score !== undefined && readScore(d as ScoreInput).kind !== "measured");
  if (isUncertain) {
    const shown = weakest.slice(0, MAX_NAMED_WEAKEST_AREAS);
    const parts = shown.flatMap((d, i): SentencePart[] => {
      const separator = i === 0 ? [] : i === shown.length - 1 && shown.length === weakest.length ? [" and "] : [", "];
      return [...separator, { name: d.name }, ` (${scoreNote(d as ScoreInput)})`];
    });
    const more = weakest.length - shown.length;
    const isOne = weakest.length === 1;
    return [
      `Counting “don't know” as not in place, your lowest ${isOne ? "score is" : "scores are"} in `,
      ...parts,
      more > 0 ? ` and ${NUMBER_WORDS[more] ?? String(more)} more ${more === 1 ? "area" : "areas"}.` : ".",
      overall.cappedByWeakest ? ` ${isOne ? "It holds" : "They hold"} your overall level back${HELD_BACK_REASON}` : "",
    ].filter((p) => p !== "");
  }
  if (names.length === dimensions.length && dimensions.length > 1) {
    return [`Your scores are even across all areas, at ${score}.`];
  }
  if (names.length > MAX_NAMED_WEAKEST_AREAS) {
    const count = NUMBER_WORDS[names.length] ?? String(names.length);
    return overall.cappedByWeakest
      ? [`It is held back by the ${count} areas that share your lowest score, ${score}${HELD_BACK_REASON}`]
      : [`Your lowest score, ${score}, is shared by ${count} areas.`];
  }
  const isOne = names.length === 1;
  return overall.cappedByWeakest
    ? [
        `It is held back by your weakest ${isOne ? "area" : "areas"}, `,
        ...listParts(names),
        ` at ${score}${HELD_BACK_REASON}`,
      ]
    : [`Your weakest ${isOne ? "area is" : "areas are"} `, ...listParts(names), ` at ${score}.`];
}

/** The sentence as text; `formatName` renders each dimension name (for example, escaped for Markdown). */
export function weakestAreasSentence(
  input: WeakestAreasInput,
  formatName: (name: string) => string = (name) => name,
): string {
  return describeWeakestAreas(input)
    .map((part) => (typeof part === "string" ? part : formatName(part.name)))
    .join("");
}
