/**
 * `npm run eval`: the judgement benchmark. Runs the architect-written team profiles (eval/team-profiles.yaml) and a
 * seeded sweep of random valid answer sets through the real questionnaire, scoring and engine, on the catalog in
 * content/. Prints a table, writes docs/recommendation-quality.md, and exits non-zero on any profile failure or any
 * rule violation in the sweep (ADVICE.md: every rule is a test).
 *
 *   npm run eval                      # profiles + 1,000 random answer sets (seed 20261203)
 *   npm run eval -- --sweep 3000 --seed 7 --no-write --only <profile-id> --verbose
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { parse } from "yaml";
import { scoreAnswers } from "../src/domain/assessment/score";
import type { Questionnaire } from "../src/domain/assessment/questionnaire-schema";
import { answersFromTeam } from "../src/domain/eval/answers-from-team";
import {
  checkExpectations,
  checkPlan,
  reasonCounts,
  VIOLATION_KINDS,
  type Violation,
} from "../src/domain/eval/check-plan";
import { lintReport } from "../src/domain/eval/lint-report";
import { prioritizeActions } from "../src/domain/report/action-plan";
import { buildMarkdownReport } from "../src/domain/report/markdown";
import { buildReportData } from "../src/domain/report/report-data";
import { randomAnswers, seededRandom } from "../src/domain/eval/random-answers";
import { ZTeamProfile, type TeamProfile } from "../src/domain/eval/team-profile";
import { toRecommenderProfile } from "../src/domain/recommender/from-profile";
import { recommend } from "../src/domain/recommender/recommend";
import type { Recommendation, RecommenderCatalog } from "../src/domain/recommender/types";
import { TEAM_SIZES, type TeamSize } from "../src/domain/catalog/vocabulary";
import { loadQuestionnaires } from "../src/server/content/load-questionnaires";
import { loadRecommenderCatalogFromContent } from "../src/server/content/recommender-catalog";

const ROOT = path.resolve(import.meta.dirname, "..");
const { values } = parseArgs({
  options: {
    sweep: { type: "string", default: "1000" },
    seed: { type: "string", default: "20261203" },
    only: { type: "string" },
    "no-write": { type: "boolean", default: false },
    verbose: { type: "boolean", default: false },
    today: { type: "string", default: "2026-12-03" },
    /** Print the answers and plan of the first sweep set with this violation kind. */
    explain: { type: "string" },
  },
});
const SWEEP = Number(values.sweep);
const SEED = Number(values.seed);
const TODAY = values.today;

/** Targets from issues 14 and 19; the run fails when a profile fails or any violation count is above zero. */
const TARGETS = {
  sprawlShare: 0.1,
  medianNowStage2: { solo: 6, small: 9 } as Partial<Record<TeamSize, number>>,
  medianNowStage34: 6,
  genericShare: 1 / 3,
};

type Run = { recommendation: Recommendation; violations: Violation[]; lint: string[] };

/**
 * One answer set through scoring, the engine and the report: the editorial check reads the plan's data and the
 * Markdown the real builder renders from it, so a problem only the rendered report has counts as a failure too.
 */
function run(
  questionnaire: Questionnaire,
  catalog: RecommenderCatalog,
  answers: Record<string, unknown>,
  id = "EVAL",
): Run & { ms: number; teamSize: TeamSize } {
  const scored = scoreAnswers(questionnaire, answers as never);
  const started = performance.now();
  const recommendation = recommend(toRecommenderProfile(scored), catalog, { today: TODAY });
  const ms = performance.now() - started;
  const profile = { ...scored, actionItems: prioritizeActions(scored, recommendation) };
  const markdown = buildMarkdownReport(
    buildReportData({ id, createdAt: `${TODAY}T09:00:00.000Z`, profile, recommendation, phases: catalog.phases }),
    { origin: "https://advisor.example.com" },
  );
  return {
    recommendation,
    violations: checkPlan(recommendation, profile.constraints, catalog),
    lint: lintReport(profile, recommendation, [markdown]),
    ms,
    teamSize: profile.constraints.teamSize,
  };
}

const median = (list: number[]) => {
  if (list.length === 0) return NaN;
  const sorted = [...list].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
const pct = (n: number, of: number) => (of === 0 ? "0%" : `${((100 * n) / of).toFixed(1)}%`);

async function main() {
  const catalog = await loadRecommenderCatalogFromContent(path.join(ROOT, "content"));
  const loaded = await loadQuestionnaires(path.join(ROOT, "content"));
  if (!loaded.ok) throw new Error("content/questionnaires is invalid: run npm run content:check");
  const questionnaire = [...loaded.value]
    .sort((a, b) => a.version.localeCompare(b.version, "en", { numeric: true }))
    .at(-1)!;
  const raw = parse(readFileSync(path.join(ROOT, "eval/team-profiles.yaml"), "utf8")) as unknown[];
  const profiles: TeamProfile[] = raw.map((entry, i) => {
    const parsed = ZTeamProfile.safeParse(entry);
    if (!parsed.success)
      throw new Error(
        `eval/team-profiles.yaml entry ${i}: ${parsed.error.issues.map((x) => `${x.path.join(".")}: ${x.message}`).join("; ")}`,
      );
    return parsed.data;
  });

  // 1. Profiles
  const lines: string[] = [];
  const profileRows: string[] = [];
  let profileFailures = 0;
  for (const team of profiles) {
    if (values.only && team.id !== values.only) continue;
    const answers = answersFromTeam(questionnaire, team.answers);
    const result = run(questionnaire, catalog, answers, team.id);
    const r = result.recommendation;
    const failures = [
      ...checkExpectations(r, team.expect, catalog),
      ...result.violations.map((v) => `${v.kind}: ${v.detail}`),
      ...result.lint.map((l) => `report: ${l}`),
    ];
    if (failures.length > 0) profileFailures += 1;
    profileRows.push(
      `| ${team.id} | ${r.stage} | ${r.toolCount.inPlace} | ${r.toolCount.now} | ${r.toolCount.next} | ${r.toolCount.later} | ${failures.length === 0 ? "pass" : `**fail**: ${failures.join("; ").replace(/\|/g, "/")}`} |`,
    );
    console.log(
      `${failures.length === 0 ? "PASS" : "FAIL"}  ${team.id.padEnd(44)} stage ${r.stage}  kept ${r.toolCount.inPlace}  now ${r.toolCount.now}  next ${r.toolCount.next}  later ${r.toolCount.later}`,
    );
    for (const f of failures) console.log(`        - ${f}`);
    if (values.verbose) {
      for (const item of r.items)
        console.log(
          `        ${(item.change === "keep" ? "in place" : item.horizon).padEnd(9)} ${item.capabilityName.padEnd(36)} ${item.pick?.name ?? "—"}${item.pick?.companions.length ? ` + ${item.pick.companions.map((c) => c.name).join(", ")}` : ""}${item.tossUp ? ` or ${item.tossUp.name}` : ""}`,
        );
    }
  }

  // 2. Sweep
  const random = seededRandom(SEED);
  const toolSlugs = catalog.tools.map((t) => t.slug);
  const counts = Object.fromEntries(VIOLATION_KINDS.map((k) => [k, 0])) as Record<
    (typeof VIOLATION_KINDS)[number],
    number
  >;
  const examples = new Map<string, string>();
  let sprawl = 0;
  let linted = 0;
  let generic = 0;
  let reasons = 0;
  const nowBy = new Map<string, number[]>();
  const times: number[] = [];
  for (let i = 0; i < (values.only ? 0 : SWEEP); i++) {
    const answers = randomAnswers(questionnaire, toolSlugs, random);
    const result = run(questionnaire, catalog, answers);
    const r = result.recommendation;
    times.push(result.ms);
    if (r.warnings.some((w) => w.kind === "sprawl")) sprawl += 1;
    if (result.lint.length > 0) {
      linted += 1;
      if (!examples.has("lint")) examples.set("lint", result.lint[0]!);
    }
    const rc = reasonCounts(r);
    generic += rc.generic;
    reasons += rc.total;
    const key = `${result.teamSize}|${r.stage}`;
    nowBy.set(key, [...(nowBy.get(key) ?? []), r.toolCount.now]);
    if (
      values.explain &&
      !examples.has(`shown-${values.explain}`) &&
      result.violations.some((v) => v.kind === values.explain)
    ) {
      examples.set(`shown-${values.explain}`, "");
      console.log(
        JSON.stringify({ answers, violations: result.violations.filter((v) => v.kind === values.explain) }, null, 1),
      );
      for (const item of r.items)
        console.log(
          `   ${(item.change === "keep" ? "in place" : item.horizon).padEnd(9)} ${item.capability.padEnd(30)} ${item.change.padEnd(8)} ${item.pick?.slug ?? "—"} ${item.pick?.companions.map((c) => "+" + c.slug).join(" ") ?? ""} ${item.replaces ? "replaces " + item.replaces.slug : ""}`,
        );
    }
    const seen = new Set<string>();
    for (const v of result.violations) {
      if (seen.has(v.kind)) continue;
      seen.add(v.kind);
      counts[v.kind] += 1;
      if (!examples.has(v.kind)) examples.set(v.kind, v.detail);
    }
  }

  const sweepRan = !values.only && SWEEP > 0;
  const violationsTotal = Object.values(counts).reduce((s, n) => s + n, 0);
  const nowTable = [
    `| Team size | ${[1, 2, 3, 4].map((s) => `Stage ${s}`).join(" | ")} |`,
    "| --- | --- | --- | --- | --- |",
    ...TEAM_SIZES.map(
      (size) =>
        `| ${size} | ${[1, 2, 3, 4]
          .map((stage) => {
            const list = nowBy.get(`${size}|${stage}`) ?? [];
            return list.length ? `${median(list)} (n=${list.length})` : "–";
          })
          .join(" | ")} |`,
    ),
  ];
  const stage34 = [...nowBy].filter(([k]) => k.endsWith("|3") || k.endsWith("|4")).flatMap(([, v]) => v);
  const stage2 = (size: TeamSize) => median(nowBy.get(`${size}|2`) ?? []);
  const checks: [string, string, boolean][] = [
    [
      "Sprawl warning",
      `${pct(sprawl, SWEEP)} of sets (target ≤ ${TARGETS.sprawlShare * 100}%)`,
      sprawl / Math.max(1, SWEEP) <= TARGETS.sprawlShare,
    ],
    [
      "Median new tools now, stage 2, 1–2 people",
      `${stage2("solo")} (target ≤ ${TARGETS.medianNowStage2.solo})`,
      !(stage2("solo") > TARGETS.medianNowStage2.solo!),
    ],
    [
      "Median new tools now, stage 2, 3–10 people",
      `${stage2("small")} (target ≤ ${TARGETS.medianNowStage2.small})`,
      !(stage2("small") > TARGETS.medianNowStage2.small!),
    ],
    [
      "Median new tools now, stages 3–4",
      `${median(stage34)} (target ≤ ${TARGETS.medianNowStage34})`,
      !(median(stage34) > TARGETS.medianNowStage34),
    ],
    [
      "Generic reasons among shown reasons",
      `${pct(generic, reasons)} (target ≤ 33%)`,
      generic / Math.max(1, reasons) <= TARGETS.genericShare,
    ],
    [
      "Reports with editorial problems",
      `${linted} (target 0)${examples.get("lint") ? ` (e.g. ${examples.get("lint")})` : ""}`,
      linted === 0,
    ],
    ...VIOLATION_KINDS.map((k): [string, string, boolean] => [
      k.replace(/-/g, " "),
      `${counts[k]} sets${examples.get(k) ? ` (e.g. ${examples.get(k)})` : ""}`,
      counts[k] === 0,
    ]),
  ];

  console.log(`\nProfiles: ${profiles.length - profileFailures}/${profiles.length} pass`);
  if (sweepRan) {
    console.log(`Sweep: ${SWEEP} random answer sets, seed ${SEED}; engine median ${median(times).toFixed(2)} ms`);
    for (const [name, figure, ok] of checks) console.log(`  ${ok ? "ok  " : "FAIL"} ${name}: ${figure}`);
    console.log(`\nMedian new tools adopted now, by team size and stage:\n${nowTable.join("\n")}`);
  }

  if (!values["no-write"] && !values.only) {
    lines.push(
      "# Recommendation quality",
      "",
      "Written by `npm run eval` (scripts/eval.ts); do not edit by hand. The judgement benchmark runs the team profiles",
      "of [eval/team-profiles.yaml](../eval/team-profiles.yaml) — written by architects, each with what the plan must",
      "and must not contain — and a seeded sweep of random valid answer sets through the real questionnaire, scoring and",
      "engine on the catalog in `content/`. The rules it checks are those of the architect's principles (ADVICE.md); see",
      "[recommender.md](recommender.md).",
      "",
      `Questionnaire ${questionnaire.version}, ${catalog.tools.length} tools, engine run on ${TODAY}.`,
      "",
      `## Team profiles: ${profiles.length - profileFailures} of ${profiles.length} pass`,
      "",
      "| Profile | Stage | In place | Now | Next | Later | Result |",
      "| --- | --- | --- | --- | --- | --- | --- |",
      ...profileRows,
      "",
      `## Sweep: ${SWEEP} random answer sets (seed ${SEED})`,
      "",
      "| Check | Figure | Result |",
      "| --- | --- | --- |",
      ...checks.map(([name, figure, ok]) => `| ${name} | ${figure.replace(/\|/g, "/")} | ${ok ? "ok" : "**fail**"} |`),
      "",
      "Median number of new tools adopted now, by team size and stage:",
      "",
      ...nowTable,
      "",
      `Engine time per plan (median over the sweep, tsx, including the assumptions' what-if runs): ${median(times).toFixed(2)} ms.`,
      "",
    );
    writeFileSync(path.join(ROOT, "docs/recommendation-quality.md"), lines.join("\n"));
    console.log("\nwrote docs/recommendation-quality.md");
  }
  const failed = profileFailures > 0 || (sweepRan && (violationsTotal > 0 || checks.some(([, , ok]) => !ok)));
  process.exitCode = failed ? 1 : 0;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 2;
});
