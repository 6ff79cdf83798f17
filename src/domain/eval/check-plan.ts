import { normalizeConstraints, type Constraints } from "../assessment/constraints";
import { isRetiredStatus } from "../catalog/vocabulary";
import { isEligible } from "../recommender/eligibility";
import { GENERIC_KEYS } from "../recommender/explain";
import { TOSS_UP_MARGIN } from "../recommender/recommend";
import { buildRelationIndex } from "../recommender/relations";
import type { Recommendation, RecommenderCatalog, RecommenderTool } from "../recommender/types";
import type { TeamExpectations } from "./team-profile";

/**
 * The judgement benchmark's checks. `checkPlan` applies the architect's rules every plan must follow, whatever the
 * team (they are counted over a random sweep and must be zero); `checkExpectations` applies one profile's own
 * must / must-not list. Both return findings in words.
 */

export const VIOLATION_KINDS = [
  "hard-constraint",
  "retired-tool",
  "side-job-in-critical-slot",
  "missing-requirement",
  "code-without-git-remote",
  "second-git-host",
  "replaced-without-reason",
  "near-tie-shown-as-decision",
] as const;
export type ViolationKind = (typeof VIOLATION_KINDS)[number];
export type Violation = { kind: ViolationKind; detail: string };

/** Critical jobs: only a tool built for them, or a side-job tool already in the stack for its main job. */
function criticalCapabilities(catalog: RecommenderCatalog): Set<string> {
  return new Set(catalog.capabilities.filter((c) => c.plan?.critical).map((c) => c.slug));
}

/** Every tool the plan has the team run: kept and new picks with their companions, and the tools in use. */
export function planTools(recommendation: Recommendation): Set<string> {
  const slugs = new Set<string>();
  for (const item of recommendation.items) {
    if (!item.pick) continue;
    slugs.add(item.pick.slug);
    for (const companion of item.pick.companions) slugs.add(companion.slug);
  }
  return slugs;
}

const catalogIndex = new WeakMap<RecommenderCatalog, Map<string, RecommenderTool>>();
function bySlugOf(catalog: RecommenderCatalog): Map<string, RecommenderTool> {
  let map = catalogIndex.get(catalog);
  if (!map) catalogIndex.set(catalog, (map = new Map(catalog.tools.map((t) => [t.slug, t]))));
  return map;
}

export function checkPlan(
  recommendation: Recommendation,
  rawConstraints: Constraints,
  catalog: RecommenderCatalog,
): Violation[] {
  const c = normalizeConstraints(rawConstraints);
  const bySlug = bySlugOf(catalog);
  const relations = buildRelationIndex(catalog.tools);
  const violations: Violation[] = [];
  const add = (kind: ViolationKind, detail: string) => violations.push({ kind, detail });
  const critical = criticalCapabilities(catalog);
  const named = c.toolsInUse.filter((s) => bySlug.has(s));
  if (c.kubernetes === "yes" && bySlug.has("kubernetes")) named.push("kubernetes");
  const inUse = relations.withImplied(named);
  // Tools in use that cannot stay (retired, or against a constraint) leave; the rest may satisfy a requirement.
  const staying = new Set(
    [...inUse].filter((slug) => {
      const t = bySlug.get(slug);
      return t !== undefined && !isRetiredStatus(t.status) && isEligible(t, c, "now");
    }),
  );
  const planned = planTools(recommendation);
  const stack = new Set([...planned, ...staying]);

  for (const item of recommendation.items) {
    if (!item.pick) continue;
    const tool = bySlug.get(item.pick.slug);
    if (!tool) continue;
    const mustBeEligible = item.change !== "keep";
    for (const slug of [item.pick.slug, ...item.pick.companions.map((cm) => cm.slug)]) {
      const t = bySlug.get(slug);
      if (!t) continue;
      if (isRetiredStatus(t.status)) add("retired-tool", `${slug} (${t.status}) in ${item.capability}`);
      if (mustBeEligible && !inUse.has(slug) && !isEligible(t, c, item.horizon))
        add("hard-constraint", `${slug} in ${item.capability} (${item.horizon})`);
    }
    // A side-job tool in a critical slot must be in the stack for a job that is its main job.
    if (critical.has(item.capability) && !tool.capabilities.primary.includes(item.capability)) {
      const thereForMainJob =
        inUse.has(tool.slug) ||
        recommendation.items.some(
          (other) => other.pick?.slug === tool.slug && tool.capabilities.primary.includes(other.capability),
        );
      if (!thereForMainJob) add("side-job-in-critical-slot", `${tool.slug} as ${item.capability}`);
    }
    // Near-ties must be shown as a choice.
    const runnerUp = item.alternatives[0];
    // (A pick that scores below its runner-up was chosen on purpose — a tool already in the stack, within the
    // budget — and says so in its reasons.)
    const margin = runnerUp ? item.pick.score - runnerUp.score : Number.POSITIVE_INFINITY;
    if (item.change !== "keep" && runnerUp && margin >= 0 && margin < TOSS_UP_MARGIN && !item.tossUp)
      add("near-tie-shown-as-decision", `${item.pick.slug} vs ${runnerUp.slug} in ${item.capability}`);
  }

  // Requirements: every tool the plan has the team run has one tool of each group it requires.
  for (const slug of planned) {
    const tool = bySlug.get(slug);
    for (const group of tool?.relations.requires ?? []) {
      if (!group.some((member) => stack.has(member)))
        add("missing-requirement", `${slug} needs one of ${group.join(", ")}`);
    }
  }

  // Git: a plan with code under version control has a remote (a Git host), and never a second one.
  const hosts = [...stack].filter((slug) => bySlug.get(slug)?.relations.implies.includes("git"));
  if (stack.has("git") && hosts.length === 0) add("code-without-git-remote", "git without a host");
  const newHosts = hosts.filter((slug) => !inUse.has(slug));
  if (hosts.length > 1 && newHosts.length > 0) add("second-git-host", hosts.sort().join(" + "));

  // Tools in use: kept for their main jobs, or replaced with a stated reason.
  for (const slug of inUse) {
    const tool = bySlug.get(slug);
    if (!tool || isRetiredStatus(tool.status) || !isEligible(tool, c, "now")) continue;
    for (const capability of tool.capabilities.primary) {
      const item = recommendation.items.find((i) => i.capability === capability);
      if (!item) continue;
      const keptHere =
        item.pick?.slug === slug || (item.change === "keep" && item.pick !== null && inUse.has(item.pick.slug));
      const replacedWithReason = item.replaces?.slug === slug && item.replaces.reason.length > 0;
      const explained = recommendation.warnings.some(
        (w) => (w.kind === "overlap" || w.kind === "replaced-tool") && w.tools?.includes(slug),
      );
      if (!keptHere && !replacedWithReason && !explained)
        add(
          "replaced-without-reason",
          `${slug} for ${capability} (plan: ${item.pick?.slug ?? "nothing"}, ${item.change})`,
        );
    }
  }
  return violations;
}

/** Shown reasons that are generic phrases (they explain nothing on their own), and all shown reasons. */
export function reasonCounts(recommendation: Recommendation): { generic: number; total: number } {
  let generic = 0;
  let total = 0;
  for (const item of recommendation.items) {
    if (!item.pick) continue;
    const genericNotes = new Set(item.pick.breakdown.filter((p) => GENERIC_KEYS.has(p.key)).map((p) => p.note));
    for (const reason of item.pick.reasons) {
      total += 1;
      if (genericNotes.has(reason)) generic += 1;
    }
  }
  return { generic, total };
}

const matches = (alternatives: string, slugs: Set<string>) => alternatives.split("|").some((s) => slugs.has(s.trim()));

/** One profile's expectations, each failure in words. */
export function checkExpectations(
  recommendation: Recommendation,
  expect: TeamExpectations,
  catalog: RecommenderCatalog,
): string[] {
  const failures: string[] = [];
  const bySlug = bySlugOf(catalog);
  const all = planTools(recommendation);
  const nowOrKept = new Set<string>();
  const kept = new Set<string>();
  for (const item of recommendation.items) {
    if (!item.pick) continue;
    const slugs = [item.pick.slug, ...item.pick.companions.map((cm) => cm.slug)];
    if (item.change === "keep") kept.add(item.pick.slug);
    // Tools in use kept beside a pick (Grafana with Prometheus) are kept too.
    for (const cm of item.pick.companions) if (cm.inUse) kept.add(cm.slug);
    if (item.change === "keep" || item.horizon === "now") slugs.forEach((s) => nowOrKept.add(s));
  }
  const item = (capability: string) => recommendation.items.find((i) => i.capability === capability);

  if (expect.stage !== undefined && recommendation.stage !== expect.stage)
    failures.push(`stage ${recommendation.stage}, expected ${expect.stage}`);
  if (expect.maxNewNow !== undefined && recommendation.toolCount.now > expect.maxNewNow)
    failures.push(`${recommendation.toolCount.now} new tools now, expected at most ${expect.maxNewNow}`);
  for (const want of expect.include ?? []) if (!matches(want, all)) failures.push(`missing ${want}`);
  for (const want of expect.includeNow ?? [])
    if (!matches(want, nowOrKept)) failures.push(`${want} not kept or adopted now`);
  for (const slug of expect.exclude ?? []) if (all.has(slug)) failures.push(`${slug} should not be in the plan`);
  for (const slug of expect.kept ?? []) if (!kept.has(slug)) failures.push(`${slug} in use but not kept`);
  for (const capability of expect.inPlace ?? []) {
    const i = item(capability);
    if (!i || i.change !== "keep")
      failures.push(`${capability} should be in place (${i ? `${i.change}, ${i.horizon}` : "absent"})`);
  }
  for (const capability of expect.now ?? []) {
    const i = item(capability);
    if (!i || (i.change !== "keep" && i.horizon !== "now"))
      failures.push(`${capability} should be in place or now (${i ? i.horizon : "absent"})`);
  }
  for (const capability of expect.notNow ?? []) {
    const i = item(capability);
    if (i && i.change !== "keep" && i.horizon === "now") failures.push(`${capability} should not be adopted now`);
  }
  for (const capability of expect.absent ?? [])
    if (item(capability)) failures.push(`${capability} should not be in the plan`);
  for (const [capability, cloud] of Object.entries(expect.nativeTo ?? {})) {
    const pick = item(capability)?.pick;
    const tool = pick ? bySlug.get(pick.slug) : undefined;
    const native = tool && tool.hosting.includes("cloud-service") && tool.clouds.includes(cloud);
    if (!native) failures.push(`${capability} should be a native ${cloud} service (got ${pick?.slug ?? "nothing"})`);
  }
  const kinds = new Set(recommendation.warnings.map((w) => w.kind));
  for (const kind of expect.warnings ?? []) if (!kinds.has(kind)) failures.push(`missing warning ${kind}`);
  for (const kind of expect.noWarnings ?? []) if (kinds.has(kind)) failures.push(`unexpected warning ${kind}`);
  const assumed = new Set(recommendation.assumptions.map((a) => a.key));
  for (const key of expect.assumptions ?? []) if (!assumed.has(key)) failures.push(`assumption ${key} not listed`);
  return failures;
}
