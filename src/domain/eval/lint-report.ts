import type { MaturityProfile } from "../assessment/score";
import type { Recommendation } from "../recommender/types";

/**
 * The editorial check a reviewer would make before a report goes to a client: no internal phrasing, no opaque
 * scores, no contradictions (two tools for one job without a stated reason, counts that do not add up), no reason
 * made only of generic phrases, and no priority action that points at nothing in the plan. Pure: it reads the data
 * every format renders (page, Markdown, PDF), and any extra rendered text passed in.
 */

/** Phrases that belong in an engineer's notes, not in a client's report. */
const INTERNAL_PHRASES: [RegExp, string][] = [
  [/\bpoints behind\b/i, 'an opaque score gap ("points behind")'],
  [/\bclose second\b/i, 'an opaque score gap ("close second")'],
  [/agree which/i, 'an internal note ("agree which")'],
  [/\bis a lot\b/i, 'an internal note ("is a lot")'],
  [/\bscored (?:below|above)\b/i, "an opaque score comparison"],
  [/\bslot\b/i, 'engine jargon ("slot")'],
  [/\bundefined\b|\bnull\b|\[object Object\]|NaN/, "a rendering bug (undefined/null/NaN)"],
  [/\bAZURE\b|\bANY\b/, "an upper-cased cloud code"],
];

const GENERIC_ONLY =
  /^(?:Built for [^,;]+|Suited to teams at stage \d|\d+ native integrations in the catalog|Does this as a side feature)$/;

export function lintReport(
  profile: MaturityProfile,
  recommendation: Recommendation,
  renderedTexts: string[] = [],
): string[] {
  const problems: string[] = [];
  const texts: { where: string; text: string }[] = [];
  for (const item of recommendation.items) {
    const where = item.capabilityName;
    texts.push(
      { where, text: item.trigger },
      { where, text: item.triggerMet ?? "" },
      { where, text: item.deferred ?? "" },
    );
    for (const d of item.drivers) texts.push({ where, text: d });
    if (item.pick) {
      for (const r of item.pick.reasons) texts.push({ where, text: r });
      texts.push({ where, text: item.pick.cost }, { where, text: item.pick.effort });
      for (const c of item.pick.companions) texts.push({ where, text: c.why });
    }
    for (const a of item.alternatives) texts.push({ where: `${where}, why not ${a.name}`, text: a.whyNot });
    if (item.tossUp) texts.push({ where, text: `${item.tossUp.chooseIf} ${item.tossUp.chooseOtherIf}` });
    if (item.uncoveredReason) texts.push({ where, text: item.uncoveredReason });
  }
  for (const w of recommendation.warnings) texts.push({ where: `warning (${w.kind})`, text: w.message });
  for (const n of recommendation.constraintNotes) texts.push({ where: "constraints", text: n });
  for (const a of recommendation.assumptions)
    texts.push({ where: "assumptions", text: `${a.question} ${a.assumed} ${a.wouldChange}` });
  for (const action of profile.actionItems) texts.push({ where: "actions", text: action.text });
  renderedTexts.forEach((text, i) => texts.push({ where: `rendered text ${i + 1}`, text }));

  for (const { where, text } of texts) {
    for (const [pattern, what] of INTERNAL_PHRASES) {
      // A replacement states its margin on purpose, and says what the figure means.
      if (pattern.source.includes("points") && /points ahead on fit, above our threshold/.test(text)) continue;
      if (pattern.test(text)) problems.push(`${where}: ${what} in "${text.slice(0, 80)}"`);
    }
  }

  // Reasons made only of generic phrases.
  for (const item of recommendation.items) {
    if (!item.pick || item.pick.reasons.length === 0) continue;
    if (item.pick.reasons.every((r) => GENERIC_ONLY.test(r)))
      problems.push(`${item.capabilityName}: the reasons for ${item.pick.name} are only generic phrases`);
  }

  const pickOf = new Map(recommendation.items.flatMap((i) => (i.pick ? [[i.capability, i] as const] : [])));

  // Counts that must add up: the summary's tool counts against the items.
  const seen = new Map<string, number>();
  const rank = (h: string) => ({ inPlace: -1, now: 0, next: 1, later: 2 })[h] ?? 3;
  for (const item of recommendation.items) {
    if (!item.pick) continue;
    const h = item.change === "keep" || item.pick.inUse ? "inPlace" : item.horizon;
    for (const [slug, isInUse] of [
      [item.pick.slug, false] as const,
      ...item.pick.companions.map((c) => [c.slug, c.inUse] as const),
    ]) {
      const own = slug === item.pick.slug ? h : isInUse ? "inPlace" : item.horizon;
      const before = seen.get(slug);
      if (before === undefined || rank(own) < before) seen.set(slug, rank(own));
    }
  }
  const counted = { inPlace: 0, now: 0, next: 0, later: 0 };
  for (const r of seen.values()) counted[(["inPlace", "now", "next", "later"] as const)[r + 1]!] += 1;
  if (
    counted.now !== recommendation.toolCount.now ||
    counted.next !== recommendation.toolCount.next ||
    counted.later !== recommendation.toolCount.later
  )
    problems.push(
      `tool counts do not add up: summary ${JSON.stringify(recommendation.toolCount)}, items ${JSON.stringify(counted)}`,
    );
  if (recommendation.nowBudget.used !== recommendation.toolCount.now)
    problems.push(
      `the "now" budget says ${recommendation.nowBudget.used} new tools, the table ${recommendation.toolCount.now}`,
    );

  // High-priority actions point at a change in the plan.
  const highs = profile.actionItems.filter((a) => a.priority === "high");
  if (highs.length > 5) problems.push(`${highs.length} high-priority actions (at most 5)`);
  for (const action of highs) {
    if (!action.closes) continue;
    const item = pickOf.get(action.closes) ?? recommendation.items.find((i) => i.capability === action.closes);
    if (!item)
      problems.push(`action "${action.text.slice(0, 60)}" points at ${action.closes}, which is not in the plan`);
  }
  return problems;
}
