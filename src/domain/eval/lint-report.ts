import type { MaturityProfile } from "../assessment/score";
import type { Recommendation } from "../recommender/types";
import {
  DISCOVERY_TITLE,
  discoveryOf,
  MAX_DISCOVERY,
  MAX_TOP_ACTIONS,
  OTHER_UNKNOWNS_TITLE,
  PLAN_SECTION_TITLES,
  PLAN_SECTIONS,
  planCounts,
  readPlanSummary,
} from "../report/plan";
import { overallScoreInput, readScore } from "../report/score-text";

/**
 * The editorial check a reviewer would make before a report goes to a client: no internal phrasing, no opaque
 * scores, no contradictions (two tools for one job without a stated reason, counts that do not add up), no reason
 * made only of generic phrases, and no priority action that points at nothing in the plan. Pure: it reads the data
 * every format renders (page, Markdown, PDF), and the rendered texts passed in (the Markdown, the PDF's text), where it
 * also checks what only a rendering can get wrong: a bare score for a dimension with "don't know" answers, counts in
 * the summary and section headings that differ from the sections, high-priority rows that name no "now" change.
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
  renderedTexts.forEach((text, i) => problems.push(...lintRenderedText(profile, recommendation, text, i + 1)));

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

  // High-priority actions point at a "now" change in the plan; "find out" actions are never high.
  const highs = profile.actionItems.filter((a) => a.priority === "high");
  if (highs.length > MAX_TOP_ACTIONS)
    problems.push(`${highs.length} high-priority actions (at most ${MAX_TOP_ACTIONS})`);
  for (const action of highs) {
    const quoted = `"${action.text.slice(0, 60)}"`;
    if (action.isDiscovery) problems.push(`high-priority action ${quoted} is a "find out" question`);
    if (!action.closes) {
      problems.push(`high-priority action ${quoted} points at no change in the plan`);
      continue;
    }
    const item = pickOf.get(action.closes) ?? recommendation.items.find((i) => i.capability === action.closes);
    if (!item) problems.push(`action ${quoted} points at ${action.closes}, which is not in the plan`);
    else if (item.change === "keep" || item.horizon !== "now")
      problems.push(`high-priority action ${quoted} points at ${item.capabilityName}, which is not a "now" change`);
  }
  return problems;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** `value` with one decimal, standing alone: not part of a range ("1.0–3.2"), a version or a longer number. */
function hasBareValue(line: string, value: number): boolean {
  return new RegExp(`(?<![\\d.–-])${escapeRegExp(value.toFixed(1))}(?![\\d–]|\\.\\d)`).test(line);
}

/** Rows of the Markdown table that follows `heading` (without its header and separator rows). */
function markdownTableRows(text: string, heading: string): string[] | null {
  const lines = text.split("\n");
  const start = lines.indexOf(heading);
  if (start < 0) return null;
  const rows: string[] = [];
  let i = start + 1;
  while (i < lines.length && !lines[i]!.startsWith("|")) {
    if (lines[i]!.startsWith("#")) return rows;
    i += 1;
  }
  for (i += 2; i < lines.length && lines[i]!.startsWith("|"); i++) rows.push(lines[i]!);
  return rows;
}

/** The checks only a rendered report can fail: scores, counts and high-priority rows as the reader sees them. */
function lintRenderedText(profile: MaturityProfile, recommendation: Recommendation, text: string, n: number): string[] {
  const problems: string[] = [];
  const where = `rendered text ${n}`;
  const lines = text.split("\n");

  // Unknown is not zero: a dimension (or the overall level) with unknown answers never shows its low end alone. A
  // score belongs to the dimension named before it on its line (up to the next dimension's name).
  const names = profile.dimensions.map((d) => d.name);
  const after = (line: string, name: string): string[] => {
    const segments: string[] = [];
    for (let at = line.indexOf(name); at >= 0; at = line.indexOf(name, at + 1)) {
      const from = at + name.length;
      const next = names
        .filter((other) => other !== name)
        .map((other) => line.indexOf(other, from))
        .filter((i) => i >= 0);
      segments.push(line.slice(from, next.length > 0 ? Math.min(...next) : undefined));
    }
    return segments;
  };
  for (const d of profile.dimensions) {
    if (readScore(d).kind === "measured") continue;
    for (const line of lines)
      for (const segment of after(line, d.name))
        for (const value of new Set([d.score, 0]))
          if (hasBareValue(segment, value))
            problems.push(
              `${where}: ${d.name} has "don't know" answers but shows a bare ${value.toFixed(1)}: "${line.trim().slice(0, 200)}"`,
            );
  }
  if (readScore(overallScoreInput(profile)).kind !== "measured")
    for (const line of lines)
      if (/overall level/i.test(line) && hasBareValue(line, profile.overall.level))
        problems.push(
          `${where}: the overall level has "don't know" answers behind it but shows a bare ${profile.overall.level.toFixed(1)}`,
        );

  // Counts that must match the sections.
  const counts = planCounts(recommendation);
  const summary = readPlanSummary(text);
  if (summary)
    for (const section of PLAN_SECTIONS)
      if (summary[section] !== counts[section])
        problems.push(`${where}: the summary counts ${summary[section]} ${section}, the plan lists ${counts[section]}`);
  const discovery = discoveryOf(profile, recommendation);
  const headingCount = (title: string) =>
    lines.flatMap((line) => {
      const m = new RegExp(`^\\s*${escapeRegExp(title)} \\((\\d+)\\)\\s*$`).exec(line);
      return m ? [Number(m[1])] : [];
    });
  for (const shown of headingCount(DISCOVERY_TITLE))
    if (shown !== discovery.first.length || shown > MAX_DISCOVERY)
      problems.push(`${where}: "${DISCOVERY_TITLE}" says ${shown}, the list has ${discovery.first.length}`);
  for (const shown of headingCount(OTHER_UNKNOWNS_TITLE))
    if (shown !== discovery.rest.length)
      problems.push(`${where}: "${OTHER_UNKNOWNS_TITLE}" says ${shown}, there are ${discovery.rest.length}`);
  for (const section of PLAN_SECTIONS)
    for (const shown of headingCount(PLAN_SECTION_TITLES[section]))
      if (shown !== counts[section])
        problems.push(
          `${where}: "${PLAN_SECTION_TITLES[section]}" says ${shown}, the section lists ${counts[section]}`,
        );
  // In Markdown, each section's table has one row per item.
  if (text.includes("\n## Change plan\n"))
    for (const section of PLAN_SECTIONS) {
      const rows = markdownTableRows(text, `### ${PLAN_SECTION_TITLES[section]}`);
      const expected = counts[section];
      if ((rows?.length ?? 0) !== expected)
        problems.push(
          `${where}: the "${PLAN_SECTION_TITLES[section]}" table has ${rows?.length ?? 0} rows, the plan ${expected}`,
        );
    }

  // Each high-priority row of the Markdown action table names the "now" change that closes it.
  const actionRows = markdownTableRows(text, "## Action items") ?? [];
  const highRows = actionRows.filter((row) => /^\|\s*high\s*\|/.test(row));
  if (highRows.length > MAX_TOP_ACTIONS)
    problems.push(`${where}: ${highRows.length} high-priority actions (at most ${MAX_TOP_ACTIONS})`);
  for (const row of highRows)
    if (!/Closed by .+(?:, |\()now\)\s*\|\s*$/.test(row))
      problems.push(
        `${where}: a high-priority action names no "now" change: "${row.replace(/\s+/g, " ").slice(0, 300)}"`,
      );
  if (/Find out:/.test(actionRows.join("\n")))
    problems.push(`${where}: a "find out" question is listed as an action instead of in "${DISCOVERY_TITLE}"`);
  return problems;
}
