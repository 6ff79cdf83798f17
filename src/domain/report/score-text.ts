import type { DimensionScore, MaturityProfile } from "../assessment/score";

/**
 * Scores as the report shows them, the same in every format (page, Markdown, PDF). "Don't know" is not a
 * measurement: the scoring counts it as not in place, which gives the low end of a range, and the high end is the
 * score if every unknown answer were the strongest. A score with unknown answers is therefore shown as that range
 * with the unknown share ("1.0–3.2 (40% unknown)"), never as a bare "0.0", and a dimension whose every answer was
 * "don't know" reads as unknown.
 */

/** What a score is read from: a dimension, or the overall level (whose unknown share is the dimensions' mean). */
export type ScoreInput = Pick<DimensionScore, "score"> &
  Partial<Pick<DimensionScore, "unknownShare" | "hiddenShare" | "range">>;

export const ALL_UNKNOWN_TEXT = "unknown (all answers were don't know)";

/** Shares are rounded to two decimals by the scoring; anything this close to 1 is "all". */
const ALL = 0.995;

export type ScoreReading =
  | { kind: "measured"; value: number }
  | { kind: "range"; low: number; high: number; unknownPercent: number }
  | { kind: "unknown" };

/**
 * How a score reads. Measured when nothing is unknown (or a snapshot saved before ranges were kept); unknown when
 * every answer that counts (not hidden as not applicable yet) was "don't know"; a range otherwise.
 */
export function readScore(input: ScoreInput): ScoreReading {
  const unknown = input.unknownShare ?? 0;
  if (unknown <= 0 || !input.range) return { kind: "measured", value: input.score };
  if (unknown + (input.hiddenShare ?? 0) >= ALL) return { kind: "unknown" };
  return {
    kind: "range",
    low: input.range.low,
    high: input.range.high,
    unknownPercent: Math.max(1, Math.round(unknown * 100)),
  };
}

/**
 * A score for display: "2.5", "1.0–3.2 (40% unknown)" or "unknown (all answers were don't know)". With `outOf`, the
 * scale follows the number: "2.5 of 4", "1.0–3.2 of 4 (40% unknown)".
 */
export function scoreText(input: ScoreInput, options: { outOf?: number } = {}): string {
  const reading = readScore(input);
  const scale = options.outOf === undefined ? "" : ` of ${options.outOf}`;
  switch (reading.kind) {
    case "measured":
      return `${reading.value.toFixed(1)}${scale}`;
    case "range":
      return `${reading.low.toFixed(1)}–${reading.high.toFixed(1)}${scale} (${reading.unknownPercent}% unknown)`;
    case "unknown":
      return ALL_UNKNOWN_TEXT;
  }
}

/**
 * The same reading for a parenthesis after a name: "2.5", "1.0–3.2, 40% unknown" or "all answers were don't know".
 */
export function scoreNote(input: ScoreInput): string {
  const reading = readScore(input);
  if (reading.kind === "measured") return reading.value.toFixed(1);
  if (reading.kind === "unknown") return "all answers were don't know";
  return `${reading.low.toFixed(1)}–${reading.high.toFixed(1)}, ${reading.unknownPercent}% unknown`;
}

/** The overall level as a score input: its range, and the mean unknown share of the dimensions (each counts equally). */
export function overallScoreInput(profile: Pick<MaturityProfile, "overall" | "dimensions">): ScoreInput {
  const { dimensions, overall } = profile;
  const n = Math.max(1, dimensions.length);
  const mean = (pick: (d: DimensionScore) => number) => dimensions.reduce((s, d) => s + pick(d), 0) / n;
  const isOld = !overall.range || dimensions.some((d) => d.unknownShare === undefined);
  if (isOld) return { score: overall.level };
  return {
    score: overall.level,
    unknownShare: mean((d) => d.unknownShare),
    hiddenShare: mean((d) => d.hiddenShare),
    range: overall.range,
  };
}

/** Whether any score in the profile has unknown answers behind it. */
export function hasUnknownScores(profile: Pick<MaturityProfile, "dimensions">): boolean {
  return profile.dimensions.some((d) => readScore(d).kind !== "measured");
}

/** One answer's level as the answers tables show it: "unknown" for "don't know", never a measured 0. */
export function answerLevelText(q: { level: number; isDontKnow: boolean; isHidden?: boolean }): string {
  if (q.isDontKnow) return "unknown";
  if (q.isHidden) return "–";
  return String(q.level);
}
