import { normalizeConstraints, type Constraints } from "../assessment/constraints";
import { isRetiredStatus } from "../catalog/vocabulary";
import { describeAssumptions } from "./assumptions";
import { nowBudget } from "./budget";
import { planCapabilities, type PlannedCapability } from "./capability-plan";
import { exclusionReasons, isEligible } from "./eligibility";
import {
  GENERIC_KEYS,
  describeConstraints,
  explainExclusions,
  explainExclusionsList,
  reasonsFor,
  replacementReason,
  stackWarnings,
  tossUpFor,
  whyNot,
} from "./explain";
import { prepareCatalog, type PreparedCatalog } from "./prepared-catalog";
import { isPlatform } from "./relations";
import { scoreTool, scoreToolTotal, teamCapacity, total, WEIGHTS, type SlotContext } from "./scoring";
import { Stack, stackScore, type JobContext } from "./stack";
import { costOf, effortOf, migrationOf, teamPhrase, jobName } from "./texts";
import type {
  Horizon,
  Recommendation,
  RecommendationItem,
  RecommenderCatalog,
  RecommenderProfile,
  RecommenderTool,
  ScoreComponent,
} from "./types";

/**
 * The recommender: from a maturity profile and constraints to a staged, explained change plan.
 *
 * `recommend(profile, catalog, options)` is pure and deterministic (ties break on slug). It works in the order an
 * architect would defend (docs/recommender.md):
 * 1. plan the capabilities from the catalog's capability plans and the answers (capability-plan.ts);
 * 2. keep what the team has: a tool in use that can do a job keeps it unless a hard reason (retired, against a
 *    constraint, missing what it needs) or a large, stated advantage says otherwise; a practice the answers show in
 *    place is kept even without a named tool;
 * 3. decide the rest by urgency — "now" first, highest priority first — with stack points (reuse, coupling,
 *    companions, integrations) given only towards picks already decided, so two picks cannot prop each other up;
 * 4. keep "now" within the team's budget of new tools: a due capability is first covered by a tool already in the
 *    stack, then by one new tool if the budget allows, and otherwise waits for the next step, with the reason.
 * Hard constraints filter candidates (eligibility.ts); soft preferences score them (scoring.ts, stack.ts).
 */

export const ENGINE_VERSION = "2026.12.1";

/** Two candidates closer than this (in points) are a toss-up: the report names both and says how to choose. */
export const TOSS_UP_MARGIN = 0.5;

/**
 * How far a candidate must lead a tool the team already uses for the same job, on everything but the tool's role,
 * before the plan proposes a migration. Keeping a tool that works avoids migration cost, retraining and lost history;
 * this is about the difference between a tool built for the job and a side feature.
 */
export const REPLACE_MARGIN = 3;

/** Ops complexity this far above the team's capacity makes a tool in use "more than you can run". */
export const OVER_ENGINEERING_GAP = 2;

const HORIZON_RANK: Record<Horizon, number> = { now: 0, next: 1, later: 2 };

type Options = {
  maxAlternatives?: number;
  /** YYYY-MM-DD: repository freshness is judged against it. */
  today?: string;
};

type Candidate = { tool: RecommenderTool; baseTotal: number };
type Explained = { tool: RecommenderTool; breakdown: ScoreComponent[]; score: number };
type Brought = { tool: RecommenderTool; why: string };

type Slot = PlannedCapability & {
  context: SlotContext;
  job: JobContext;
  candidates: Candidate[];
  /** Horizon after budget deferrals (the plan's horizon otherwise). */
  finalHorizon: Horizon;
  deferred?: string;
};

type Decision = {
  change: "keep" | "adopt" | "replace";
  tool: RecommenderTool | null;
  /** Tools that come with the pick: what it requires, and a companion for the same job. */
  companions: Brought[];
  replaces?: { tool: RecommenderTool; reason: string };
  /** The pick and its closest runners-up, explained as they stood when the decision was made. */
  explained: Explained[];
  /** The better fit that would have been one new tool too many now: a tool already in the stack covers it instead. */
  inPlaceOf?: RecommenderTool;
};

const round2 = (n: number) => Math.round(n * 100) / 100;
const bySlugOrder = (a: { tool: RecommenderTool }, b: { tool: RecommenderTool }) =>
  a.tool.slug < b.tool.slug ? -1 : a.tool.slug > b.tool.slug ? 1 : 0;

export function recommend(
  profile: RecommenderProfile,
  catalog: RecommenderCatalog,
  options: Options = {},
): Recommendation {
  const core = recommendCore(profile, catalog, options);
  const assumptions = describeAssumptions(
    { ...profile, constraints: normalizeConstraints(profile.constraints) },
    (variant) => recommendCore(variant, catalog, options),
    core,
  );
  return { ...core, assumptions };
}

/** The recommendation without the assumptions' what-if analysis (which re-runs this function). */
export function recommendCore(
  rawProfile: RecommenderProfile,
  catalog: RecommenderCatalog,
  options: Options = {},
): Recommendation {
  const maxAlternatives = options.maxAlternatives ?? 2;
  const today = options.today ?? null;
  const p = prepareCatalog(catalog);
  const c = normalizeConstraints(rawProfile.constraints);
  const profile: RecommenderProfile = { ...rawProfile, constraints: c };
  const stage = profile.stage;

  // What the team has: the tools it named, what they imply (GitHub Actions → GitHub → Git), Kubernetes if it runs it.
  const named = c.toolsInUse.filter((s) => p.bySlug.has(s));
  if (c.kubernetes === "yes" && p.bySlug.has("kubernetes")) named.push("kubernetes");
  const inUse = p.relations.withImplied(named);
  const capacity = teamCapacity(c.teamSize, stage);
  // More than the team can run: judged on what it runs, not on what a managed service runs for it (Kubernetes
  // under EKS).
  const providedByAnother = (slug: string) =>
    [...inUse].some((other) => other !== slug && p.bySlug.get(other)?.relations.implies.includes(slug));
  const overEngineered = new Set(
    [...inUse].filter(
      (slug) => (p.bySlug.get(slug)?.opsComplexity ?? 0) - capacity >= OVER_ENGINEERING_GAP && !providedByAnother(slug),
    ),
  );
  // Tools in use that must go (retired, or against a constraint) are not part of the stack the plan builds on, and
  // neither is a tool the team cannot run: nothing new is built on it.
  const staying = new Set(
    [...inUse].filter((slug) => isEligible(p.bySlug.get(slug)!, c, "now") && !overEngineered.has(slug)),
  );

  // 1. The capabilities this team needs, and when.
  const { planned, omitted } = planCapabilities(profile, catalog);
  const names = new Map(planned.map((s) => [s.capability, jobName(s.name)]));
  const nameOf = (capability: string) => names.get(capability) ?? capability.replace(/-/g, " ");
  const candidatesFor = (context: SlotContext, horizon: Horizon): Candidate[] =>
    (p.byCapability.get(context.capability) ?? [])
      .filter((t) => isEligible(t, c, horizon))
      .map((tool) => ({ tool, baseTotal: scoreToolTotal(tool, context, c, stage, today) }));
  const slots: Slot[] = planned.map((s) => {
    const context: SlotContext = {
      capability: s.capability,
      capabilityName: s.name,
      // A capability due now is adopted by the team as it is today: stage fit spans its stage too.
      adoptAtStage: s.horizon === "now" ? stage : s.adoptAtStage,
      neededFromStage: s.neededFromStage,
      critical: s.critical,
    };
    return {
      ...s,
      context,
      job: { capability: s.capability, coupledWith: p.coupledWith.get(s.capability) ?? [], nameOf, stage },
      candidates: candidatesFor(context, s.horizon),
      finalHorizon: s.horizon,
    };
  });
  const slotByCapability = new Map(slots.map((s) => [s.capability, s]));
  const stack = new Stack(staying, p);
  const decisions = new Map<string, Decision>();

  // Points for the decision at hand beyond the tool's own fit: the stack, jobs it would also cover now, successors.
  const openNow = new Set<string>();
  const situational = (tool: RecommenderTool, slot: Slot, parts: ScoreComponent[] | null): number => {
    let sum = stackScore(tool, slot.job, stack, p, parts);
    if (slot.finalHorizon === "now" && !stack.has(tool.slug)) {
      const also: string[] = [];
      for (const capability of openNow) {
        const other = slotByCapability.get(capability);
        if (!other || capability === slot.capability) continue;
        if (
          tool.capabilities.primary.includes(capability) ||
          (!other.critical && tool.capabilities.secondary.includes(capability))
        )
          also.push(capability);
      }
      if (also.length > 0) {
        const points = round2(Math.min(WEIGHTS.coversMoreCap, WEIGHTS.coversMoreNow * also.length));
        sum += points;
        if (parts) {
          const list = also.map(nameOf);
          parts.push({
            key: "covers-more",
            label: "Covers more",
            points,
            note: `Also covers ${list.length > 1 ? `${list.slice(0, -1).join(", ")} and ${list.at(-1)}` : list[0]}, which you need now`,
          });
        }
      }
    }
    const leaving = decisions.get(slot.capability)?.replaces?.tool;
    if (leaving && leaving.successor === tool.slug) {
      sum += WEIGHTS.successor;
      parts?.push({
        key: "successor",
        label: "Successor",
        points: WEIGHTS.successor,
        note: `The successor of ${leaving.name}, which you use`,
      });
    }
    return sum;
  };
  const explain = (tool: RecommenderTool, slot: Slot): Explained => {
    const breakdown = scoreTool(tool, slot.context, c, stage, today);
    situational(tool, slot, breakdown);
    return { tool, breakdown, score: total(breakdown) };
  };

  // 2. Keep what the team has.
  /** A tool whose requirement no eligible tool can meet cannot stay (Quilt needs Amazon S3). */
  const unmetRequirement = (tool: RecommenderTool) =>
    tool.relations.requires.find(
      (group) =>
        !group.some((slug) => {
          const required = p.bySlug.get(slug);
          return required !== undefined && (staying.has(slug) || isEligible(required, c, "now"));
        }),
    );
  const capabilityPoints = (tool: RecommenderTool, capability: string) =>
    tool.capabilities.primary.includes(capability) ? WEIGHTS.primaryCapability : WEIGHTS.secondaryCapability;
  for (const slot of slots) {
    const isMain = (cand: Candidate) => cand.tool.capabilities.primary.includes(slot.capability);
    // A tool in use keeps a job it was built for. A job it only does on the side counts as in place when the
    // answers say the practice is there; otherwise using that side feature is a change, decided with the rest.
    const platformSideJob = (cand: Candidate) =>
      isPlatform(cand.tool) || p.relations.platformOf(cand.tool.slug) !== undefined;
    const inUseHere = slot.candidates.filter(
      (cand) =>
        inUse.has(cand.tool.slug) &&
        (isMain(cand) ||
          (slot.inPlaceBy !== undefined && platformSideJob(cand) && !overEngineered.has(cand.tool.slug))) &&
        !unmetRequirement(cand.tool),
    );
    // A retired tool in use for this very job gives way to its successor, even beside another tool that could do it
    // (KFServing on Kubeflow moves to KServe).
    const retiredHere = [...inUse]
      .map((slug) => p.bySlug.get(slug)!)
      .find(
        (t) =>
          isRetiredStatus(t.status) &&
          t.capabilities.primary.includes(slot.capability) &&
          t.successor !== null &&
          slot.candidates.some((cand) => cand.tool.slug === t.successor) &&
          !inUse.has(t.successor),
      );
    if (retiredHere) {
      decisions.set(slot.capability, {
        change: "replace",
        tool: null,
        companions: [],
        replaces: { tool: retiredHere, reason: leavingReason(retiredHere, undefined, slot, p, c) },
        explained: [],
      });
      continue;
    }
    if (inUseHere.length === 0) {
      // Tools in use for this job that cannot stay: retired, against a constraint, or missing what they need.
      const leaving = [...inUse]
        .map((slug) => p.bySlug.get(slug)!)
        .find((t) => t.capabilities.primary.includes(slot.capability));
      if (leaving) {
        decisions.set(slot.capability, {
          change: "replace",
          tool: null,
          companions: [],
          replaces: { tool: leaving, reason: leavingReason(leaving, unmetRequirement(leaving), slot, p, c) },
          explained: [],
        });
      } else if (slot.inPlaceBy)
        decisions.set(slot.capability, { change: "keep", tool: null, companions: [], explained: [] });
      continue;
    }
    // The tool in use built for this job first (and of two related ones, the one that brings the other: GitHub
    // over Git); a side job of a tool in use only when none is.
    const bringsOther = (cand: Candidate) =>
      inUseHere.some((other) => other !== cand && (p.implied.get(cand.tool.slug)?.has(other.tool.slug) ?? false));
    // …and of a platform and its own part for the job (SageMaker and SageMaker Model Registry), the part.
    const partOfAnother = (cand: Candidate) =>
      inUseHere.some((other) => other !== cand && p.relations.platformOf(cand.tool.slug) === other.tool.slug);
    const kept = [...inUseHere].sort(
      (a, b) =>
        Number(isMain(b)) - Number(isMain(a)) ||
        Number(partOfAnother(b)) - Number(partOfAnother(a)) ||
        Number(bringsOther(b)) - Number(bringsOther(a)) ||
        b.baseTotal - a.baseTotal ||
        bySlugOrder(a, b),
    )[0]!;
    const fit = (cand: Candidate) => cand.baseTotal - capabilityPoints(cand.tool, slot.capability);
    const challenger = slot.candidates
      .filter((cand) => !inUse.has(cand.tool.slug) && isMain(cand))
      .sort((a, b) => fit(b) - fit(a) || bySlugOrder(a, b))[0];
    // The margin is measured against the best-fitting tool in use for the job, so that a team running two (GKE and
    // Kubernetes) is never told to move between them.
    const bestInUse = [...inUseHere].sort((a, b) => fit(b) - fit(a) || bySlugOrder(a, b))[0]!;
    const lead = challenger ? Math.round((fit(challenger) - fit(bestInUse)) * 10) / 10 : 0;
    // Replacing one job of a tool that stays for another (or a platform's side job) adds a tool and saves nothing.
    const staysAnyway =
      isPlatform(kept.tool) ||
      p.relations.platformOf(kept.tool.slug) !== undefined ||
      kept.tool.capabilities.primary.some((job) => job !== slot.capability && slotByCapability.has(job));
    // A tool far beyond what the team can run (Kubeflow for four people) is not built upon: a lighter tool is the
    // plan, at the next step rather than in the middle of the changes that matter now.
    if (overEngineered.has(kept.tool.slug) && challenger) {
      decisions.set(slot.capability, {
        change: "replace",
        tool: null,
        companions: [],
        replaces: {
          tool: kept.tool,
          reason: `${kept.tool.name} takes a lot to run (${kept.tool.opsComplexity}/5) for ${teamPhrase(c.teamSize)}: it costs you more than it gives at your stage, and a lighter tool does this job.`,
        },
        explained: [],
      });
      if (slot.horizon === "now") {
        slot.finalHorizon = "next";
        slot.deferred = `A move to plan for the next step, not in the middle of the changes above.`;
      }
      continue;
    }
    if (challenger && lead > REPLACE_MARGIN && !staysAnyway) {
      const base = (t: RecommenderTool) => ({ tool: t, base: scoreTool(t, slot.context, c, stage, today) });
      decisions.set(slot.capability, {
        change: "replace",
        tool: null,
        companions: [],
        replaces: { tool: kept.tool, reason: replacementReason(base(challenger.tool), base(kept.tool), lead) },
        explained: [],
      });
      continue;
    }
    stack.add(kept.tool, slot.capability, slot.horizon);
    stack.picks.set(slot.capability, kept.tool);
    decisions.set(slot.capability, { change: "keep", tool: kept.tool, companions: [], explained: [] });
  }
  for (const slot of slots) {
    const decision = decisions.get(slot.capability);
    if (decision?.change !== "keep" || !decision.tool) continue;
    decision.explained = [explain(decision.tool, slot)];
    // Tools in use that go with the kept one (Grafana with Prometheus, Elasticsearch under Kibana) stay with it.
    const keptTool = decision.tool;
    for (const slug of staying) {
      if (slug === keptTool.slug || [...decisions.values()].some((d) => d.tool?.slug === slug)) continue;
      const other = p.bySlug.get(slug)!;
      const related =
        p.relations.companionsOf(keptTool.slug).has(slug) ||
        keptTool.relations.requires.some((group) => group.includes(slug)) ||
        other.relations.requires.some((group) => group.includes(keptTool.slug)) ||
        p.implied.get(keptTool.slug)?.has(slug);
      const sameJob =
        other.capabilities.primary.includes(slot.capability) || other.capabilities.secondary.includes(slot.capability);
      if (related && (sameJob || keptTool.relations.requires.some((group) => group.includes(slug))))
        decision.companions.push({ tool: other, why: `you run it with ${keptTool.name}` });
    }
  }

  // 3. Decide the rest by urgency, within the budget of new tools for now.
  // Tools in use that take operating effort count against what the team can take on.
  const running = [...staying].filter((slug) => (p.bySlug.get(slug)?.opsComplexity ?? 1) >= 2).length;
  const budget = nowBudget(c.teamSize, stage, running);
  let usedNow = 0;

  const admissible = (slot: Slot, tool: RecommenderTool): boolean => {
    const isMain = tool.capabilities.primary.includes(slot.capability);
    // Critical jobs go to tools built for them; a side-job tool only when it is in the stack for its main job.
    if (slot.critical && !isMain && !stack.isThereForMainJob(tool)) return false;
    // One platform, not three: no second ML platform (or a part of one) for a side feature.
    if (stack.platform && stack.platform.slug !== tool.slug) {
      if (isPlatform(tool) && slot.capability !== "ml-platform") return false;
      const partOf = p.relations.platformOf(tool.slug);
      if (partOf && partOf !== stack.platform.slug && !stack.has(partOf)) return false;
    }
    if (overEngineered.has(tool.slug)) return false;
    // No second Git host: a tool that brings a rival of something the stack has is not a new addition.
    return !stack.bringsRival(tool);
  };

  /** What a pick brings with it: one tool of each `requires` group it lacks (recursively), and one companion. */
  const bringAlong = (
    tool: RecommenderTool,
    slot: Slot,
    horizon: Horizon,
    withCompanion: boolean,
  ): Brought[] | null => {
    const brought: Brought[] = [];
    const has = (slug: string) => slug === tool.slug || stack.has(slug) || brought.some((b) => b.tool.slug === slug);
    const needing: RecommenderTool[] = [tool];
    for (let n = 0; n < needing.length && n < 4; n++) {
      const needer = needing[n]!;
      for (const group of needer.relations.requires) {
        if (group.some(has)) continue;
        // A companion of the tool that needs it first (Prometheus for Alertmanager), then the group's own order:
        // content lists the usual choice first.
        const neederCompanions = p.relations.companionsOf(needer.slug);
        let best: { tool: RecommenderTool } | null = null;
        for (const slug of [...group].sort(
          (a, b) => Number(neederCompanions.has(b)) - Number(neederCompanions.has(a)),
        )) {
          const t = p.bySlug.get(slug);
          if (!t || !isEligible(t, c, horizon) || stack.bringsRival(t)) continue;
          best = { tool: t };
          break;
        }
        if (!best) return null;
        const list = group.map((slug) => p.bySlug.get(slug)?.name ?? slug);
        brought.push({
          tool: best.tool,
          why: `${needer.name} needs ${list.length > 1 ? `${list.slice(0, -1).join(", ")} or ${list.at(-1)}` : list[0]}`,
        });
        needing.push(best.tool);
      }
    }
    // One companion at most, for the same job (Grafana's dashboards with Prometheus), and none if one is there.
    // The best fit for this team first (Prometheus before a paid managed Prometheus for a team without a budget).
    const fit = new Map(slot.candidates.map((cand) => [cand.tool.slug, cand.baseTotal]));
    const companions = withCompanion
      ? [...p.relations.companionsOf(tool.slug)].sort(
          (a, b) =>
            (fit.get(b) ?? Number.NEGATIVE_INFINITY) - (fit.get(a) ?? Number.NEGATIVE_INFINITY) || (a < b ? -1 : 1),
        )
      : [];
    if (!companions.some((slug) => stack.has(slug))) {
      for (const slug of companions) {
        const companion = p.bySlug.get(slug);
        if (!companion || has(slug)) continue;
        const doesJob =
          companion.capabilities.primary.includes(slot.capability) ||
          companion.capabilities.secondary.includes(slot.capability);
        const ownJob = companion.capabilities.primary.some(
          (cap) => slotByCapability.has(cap) && cap !== slot.capability,
        );
        if (doesJob && !ownJob && isEligible(companion, c, horizon)) {
          brought.push({ tool: companion, why: `goes with ${tool.name} for ${jobName(slot.name)}` });
          break;
        }
      }
    }
    return brought;
  };

  // A tool the team keeps still needs what it requires (Git needs a remote): added now, within the budget.
  for (const slot of slots) {
    const decision = decisions.get(slot.capability);
    if (decision?.change !== "keep" || !decision.tool) continue;
    const brought = bringAlong(decision.tool, slot, "now", false);
    if (!brought || brought.length === 0) continue;
    decision.companions = brought;
    for (const b of brought) {
      if (stack.isNew(b.tool)) usedNow += 1;
      stack.add(b.tool, null, "now");
    }
  }

  /** Decides one job; returns false when it was deferred to the next step instead (the budget was spent). */
  const decide = (slot: Slot): boolean => {
    const horizon = slot.finalHorizon;
    const pending = decisions.get(slot.capability);
    const candidates = horizon === slot.horizon ? slot.candidates : candidatesFor(slot.context, horizon);
    const replaced = pending?.replaces?.tool.slug;
    // A tool that needs another candidate for this very job to do it (Git needs a host to version a team's code) is
    // not the pick: the one it needs is, and brings it along.
    // (Admissibility is worked out once per candidate.)
    const allowed = candidates.filter((cand) => admissible(slot, cand.tool));
    const mainHere = new Set(
      allowed.filter((cand) => cand.tool.capabilities.primary.includes(slot.capability)).map((cand) => cand.tool.slug),
    );
    const partial = (tool: RecommenderTool) =>
      mainHere.size > 0 && tool.relations.requires.some((group) => group.some((slug) => mainHere.has(slug)));
    const ranked = allowed
      .filter((cand) => cand.tool.slug !== replaced && !partial(cand.tool))
      .map((cand) => ({ tool: cand.tool, score: round2(cand.baseTotal + situational(cand.tool, slot, null)) }))
      .sort((a, b) => b.score - a.score || bySlugOrder(a, b));
    let chosen: { tool: RecommenderTool; brought: Brought[] } | null = null;
    let inPlaceOf: RecommenderTool | undefined;
    for (const candidate of ranked) {
      const brought = bringAlong(candidate.tool, slot, horizon, true);
      if (brought) {
        chosen = { tool: candidate.tool, brought };
        break;
      }
    }
    if (chosen && horizon === "now") {
      const newTools = (stack.isNew(chosen.tool) ? 1 : 0) + chosen.brought.filter((b) => stack.isNew(b.tool)).length;
      if (usedNow + newTools > budget.limit) {
        // A need the answers pulled forward is covered with a tool already in the stack; anything else waits for the
        // next step, with the better tool, rather than being filled with a stopgap.
        const reuse = slot.triggerMet
          ? ranked.find((r) => !stack.isNew(r.tool) && r.tool.relations.requires.length === 0)
          : undefined;
        if (reuse) {
          if (reuse.tool !== chosen.tool) inPlaceOf = chosen.tool;
          chosen = { tool: reuse.tool, brought: [] };
        } else {
          slot.finalHorizon = "next";
          slot.deferred = `Waits for the next step: ${budget.why.charAt(0).toLowerCase()}${budget.why.slice(1)}${
            usedNow > 0 ? ` The ${usedNow} changes above come first.` : ""
          }`;
          return false;
        }
      } else usedNow += newTools;
    }
    // Explain the pick and the runners-up worth showing (tools that do the same job, not its companions), as they
    // stand now, before the pick joins the stack.
    const shown: RecommenderTool[] = [];
    if (chosen) {
      const pick = chosen.tool;
      const isMain = pick.capabilities.primary.includes(slot.capability);
      const companions = p.relations.companionsOf(pick.slug);
      shown.push(pick);
      for (const r of ranked) {
        if (shown.length > maxAlternatives) break;
        if (
          r.tool !== pick &&
          (r.tool === inPlaceOf || shown.length <= maxAlternatives) &&
          !companions.has(r.tool.slug) &&
          !chosen.brought.some((b) => b.tool === r.tool) &&
          (!isMain || r.tool.capabilities.primary.includes(slot.capability))
        )
          shown.push(r.tool);
      }
    }
    const explained = shown.map((tool) => explain(tool, slot));
    const replaces = pending?.replaces ? { replaces: pending.replaces } : {};
    if (!chosen) {
      stack.picks.set(slot.capability, null);
      decisions.set(slot.capability, {
        change: pending?.change ?? "adopt",
        tool: null,
        companions: [],
        explained,
        ...replaces,
      });
      return true;
    }
    stack.add(chosen.tool, slot.capability, horizon);
    stack.picks.set(slot.capability, chosen.tool);
    for (const b of chosen.brought) stack.add(b.tool, null, horizon);
    decisions.set(slot.capability, {
      change: pending?.change === "replace" ? "replace" : "adopt",
      tool: chosen.tool,
      companions: chosen.brought,
      explained,
      ...replaces,
      ...(inPlaceOf ? { inPlaceOf } : {}),
    });
    return true;
  };

  const order = (a: Slot, b: Slot) =>
    HORIZON_RANK[a.finalHorizon] - HORIZON_RANK[b.finalHorizon] ||
    // A platform due now is decided before the jobs it covers, so that they can reuse it ("one platform, not three").
    Number(b.capability === "ml-platform") - Number(a.capability === "ml-platform") ||
    b.priority - a.priority ||
    (p.capabilityOrder.get(a.capability) ?? 0) - (p.capabilityOrder.get(b.capability) ?? 0);
  const open = slots.filter((s) => {
    const d = decisions.get(s.capability);
    return !d || (d.change === "replace" && d.tool === null);
  });
  const done = new Set<string>();
  const nowOrder = open.filter((s) => s.finalHorizon === "now").sort(order);
  for (const slot of nowOrder) openNow.add(slot.capability);
  for (const slot of nowOrder) {
    openNow.delete(slot.capability);
    if (decide(slot)) done.add(slot.capability);
  }
  for (const slot of open.filter((s) => !done.has(s.capability)).sort(order)) decide(slot);

  // 4. The items, in catalog order, and the whole-stack findings.
  const items = slots.map((slot) => buildItem(slot, decisions.get(slot.capability), maxAlternatives, p, c, inUse));
  const toolCount = countTools(items);
  return {
    engineVersion: ENGINE_VERSION,
    stage,
    items,
    toolCount,
    excluded: explainExclusionsList(items, p.popularByCapability, p.bySlug, profile, inUse),
    warnings: stackWarnings(items, p.bySlug, profile, inUse, overEngineered, { ...budget, used: toolCount.now }),
    constraintNotes: describeConstraints(c),
    trainsModels: c.training !== "none",
    nowBudget: { limit: budget.limit, used: toolCount.now, why: budget.why },
    omitted,
    assumptions: [],
  };
}

/** Why a tool in use cannot stay, in words. */
function leavingReason(
  leaving: RecommenderTool,
  missing: string[] | undefined,
  slot: Slot,
  p: PreparedCatalog,
  c: Constraints,
): string {
  if (isRetiredStatus(leaving.status)) {
    const successor = leaving.successor ? p.bySlug.get(leaving.successor) : undefined;
    return `${leaving.name} is ${leaving.status}${successor ? `; ${successor.name} is its successor` : ""}.`;
  }
  const excluded = exclusionReasons(leaving, c, slot.horizon)[0];
  if (excluded) return excluded;
  if (missing)
    return `It needs ${missing.map((slug) => p.bySlug.get(slug)?.name ?? slug).join(" or ")}, which does not fit your constraints.`;
  return "It does not fit your situation.";
}

/** Distinct tools: in place (kept), and new per horizon (a tool counts once, at its earliest horizon). */
function countTools(items: RecommendationItem[]): Recommendation["toolCount"] {
  const toolCount: Recommendation["toolCount"] = { inPlace: 0, now: 0, next: 0, later: 0 };
  const first = new Map<string, Horizon | "inPlace">();
  const rankOf = (h: Horizon | "inPlace") => (h === "inPlace" ? -1 : HORIZON_RANK[h]);
  for (const item of items) {
    if (!item.pick) continue;
    const own: Horizon | "inPlace" = item.change === "keep" || item.pick.inUse ? "inPlace" : item.horizon;
    for (const [slug, isInUse] of [
      [item.pick.slug, false] as const,
      ...item.pick.companions.map((cm) => [cm.slug, cm.inUse] as const),
    ]) {
      const h = slug === item.pick.slug ? own : isInUse ? "inPlace" : item.horizon;
      const seen = first.get(slug);
      if (seen === undefined || rankOf(h) < rankOf(seen)) first.set(slug, h);
    }
  }
  for (const h of first.values()) toolCount[h] += 1;
  return toolCount;
}

/**
 * When the criteria that decided a pick are all generic ("built for this job"), say what set it apart in the team's
 * terms: a familiar tool its constraints rule out, or where it leads the runner-up.
 */
function withSpecificReason(
  reasons: string[],
  chosen: Explained,
  runnerUp: Explained | undefined,
  slot: Slot,
  p: PreparedCatalog,
  c: Constraints,
): string[] {
  const generic = new Set(chosen.breakdown.filter((part) => GENERIC_KEYS.has(part.key)).map((part) => part.note));
  if (reasons.some((r) => !generic.has(r))) return reasons;
  const ruledOut = (p.popularByCapability.get(slot.capability) ?? []).find(
    (t) => t.slug !== chosen.tool.slug && !isRetiredStatus(t.status) && !isEligible(t, c, slot.finalHorizon),
  );
  const why = ruledOut ? exclusionReasons(ruledOut, c, slot.finalHorizon)[0] : undefined;
  if (ruledOut && why)
    return [
      `Fits your constraints where ${ruledOut.name} does not: ${why.charAt(0).toLowerCase()}${why.slice(1)}`,
      ...reasons,
    ];
  if (runnerUp) return [`Ahead of ${runnerUp.tool.name}: ${whyNot(chosen, runnerUp).replace(/\.$/, "")}`, ...reasons];
  return [`The only tool built for ${jobName(slot.name)} that fits your answers`, ...reasons];
}

function buildItem(
  slot: Slot,
  decision: Decision | undefined,
  maxAlternatives: number,
  p: PreparedCatalog,
  c: Constraints,
  inUse: ReadonlySet<string>,
): RecommendationItem {
  const base = {
    capability: slot.capability,
    capabilityName: slot.name,
    phase: slot.phase,
    horizon: decision?.change === "keep" ? slot.horizon : slot.finalHorizon,
    adoptAtStage: slot.adoptAtStage,
    trigger: slot.trigger,
    drivers: slot.drivers,
    ...(slot.triggerMet && slot.finalHorizon === "now" ? { triggerMet: slot.triggerMet } : {}),
    ...(slot.deferred ? { deferred: slot.deferred } : {}),
    ...(slot.inPlaceBy ? { inPlaceBy: { questionId: slot.inPlaceBy.questionId, answer: slot.inPlaceBy.answer } } : {}),
  };
  const replaces = decision?.replaces
    ? {
        replaces: {
          slug: decision.replaces.tool.slug,
          name: decision.replaces.tool.name,
          reason: decision.replaces.reason,
          migration: migrationOf(slot.capability, decision.replaces.tool),
        },
      }
    : {};
  if (!decision?.tool) {
    if (decision?.change === "keep") return { ...base, change: "keep", pick: null, alternatives: [] };
    return {
      ...base,
      change: decision?.change ?? "adopt",
      ...replaces,
      pick: null,
      alternatives: [],
      uncoveredReason: explainExclusions(slot.capability, p.tools, c, slot.finalHorizon),
    };
  }
  const tool = decision.tool;
  const isMainJob = tool.capabilities.primary.includes(slot.capability);
  const chosen = decision.explained.find((e) => e.tool === tool) ?? { tool, breakdown: [], score: 0 };
  // The runners-up were chosen at decision time: tools that do the same job, not the pick's companions.
  const alternatives = (decision.change === "keep" ? [] : decision.explained)
    .filter((e) => e.tool !== tool)
    .slice(0, maxAlternatives);
  const runnerUp = alternatives[0];
  const tossUp =
    runnerUp &&
    decision.change !== "keep" &&
    !decision.inPlaceOf &&
    Math.abs(chosen.score - runnerUp.score) < TOSS_UP_MARGIN
      ? tossUpFor(chosen, runnerUp, c)
      : undefined;
  const budgetNote = decision.inPlaceOf
    ? [
        `Already in your stack, so it covers ${jobName(slot.name)} without a new tool while your team takes on the changes above; ${decision.inPlaceOf.name} fits better and can follow at the next step`,
      ]
    : [];
  const sideJob =
    !isMainJob && slot.critical
      ? [
          `${tool.name} does this on the side; it is already in your stack for its main job, so it can cover this until the need outgrows it`,
        ]
      : [];
  return {
    ...base,
    change: decision.change,
    ...replaces,
    pick: {
      slug: tool.slug,
      name: tool.name,
      score: chosen.score,
      breakdown: chosen.breakdown,
      reasons: withSpecificReason(
        [...budgetNote, ...sideJob, ...reasonsFor(chosen.breakdown, decision.change === "keep")],
        chosen,
        runnerUp,
        slot,
        p,
        c,
      ),
      isKept: decision.change === "keep",
      inUse: inUse.has(tool.slug),
      companions: decision.companions.map((b) => ({
        slug: b.tool.slug,
        name: b.tool.name,
        why: b.why,
        inUse: inUse.has(b.tool.slug),
      })),
      isMainJob,
      cost: costOf(tool, c),
      effort: effortOf(tool),
    },
    alternatives: alternatives.map((e) => ({
      slug: e.tool.slug,
      name: e.tool.name,
      score: e.score,
      breakdown: e.breakdown,
      whyNot:
        e.tool === decision.inPlaceOf
          ? `The better fit, but one more new tool than your team can take on now: adopt it at the next step.`
          : whyNot(chosen, e),
    })),
    ...(tossUp ? { tossUp } : {}),
  };
}
