import type { MaturityStage } from "../catalog/vocabulary";
import { planCapabilities, type PlannedCapability } from "./capability-plan";
import { describeConstraints, explainExclusions, explainExclusionsList, stackWarnings, whyNot } from "./explain";
import { exclusionReasons, isEligible } from "./eligibility";
import { scoreTool, total, WEIGHTS } from "./scoring";
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
 * The recommender: from a maturity profile and constraints to a staged, explained tool stack.
 *
 * `recommend(profile, catalog)` is pure and deterministic (ties break on slug). Hard constraints filter candidates
 * (eligibility.ts); soft preferences score them (scoring.ts); then the stack is chosen as a whole: tools the team
 * already uses are kept where they fit, a tool already in the stack is preferred for another job it does (fewer
 * tools), and picks that integrate with the rest score higher. The choice is refined until it is stable.
 */

export const ENGINE_VERSION = "2026.11.1";

/** Refinement passes over the whole stack; it is stable after two in practice. */
const MAX_PASSES = 4;

/** Best-fitting tools that often travel together: the second completes the first's job. */
export const COMPANIONS: Record<string, { slug: string; why: string }> = {
  github: { slug: "git", why: "the version control system GitHub hosts" },
  gitlab: { slug: "git", why: "the version control system GitLab hosts" },
  bitbucket: { slug: "git", why: "the version control system Bitbucket hosts" },
  "azure-devops": { slug: "git", why: "the version control system Azure Repos hosts" },
  prometheus: { slug: "grafana", why: "dashboards for Prometheus metrics" },
  loki: { slug: "grafana", why: "log search and dashboards" },
  elasticsearch: { slug: "kibana", why: "search and dashboards for Elasticsearch" },
  opensearch: { slug: "grafana", why: "dashboards" },
  "prometheus-alertmanager": { slug: "prometheus", why: "the metrics Alertmanager routes alerts for" },
};

const HORIZON_RANK: Record<Horizon, number> = { now: 0, next: 1, later: 2 };

/**
 * Capabilities whose tools must work together: a CI server that cannot see the code host, or a registry that
 * cannot read the tracker's runs, makes a stack that only looks complete.
 */
export const COUPLED_CAPABILITIES: Record<string, string[]> = {
  "continuous-integration": ["version-control"],
  "continuous-delivery": ["version-control", "container-orchestration"],
  "model-registry": ["experiment-tracking"],
  "model-serving": ["model-registry"],
  "drift-detection": ["model-monitoring"],
  alerting: ["system-monitoring"],
  "workflow-orchestration": ["container-orchestration"],
  "progressive-delivery": ["container-orchestration"],
};

type Slot = PlannedCapability & {
  candidates: { tool: RecommenderTool; base: ScoreComponent[]; baseTotal: number }[];
};

type Options = { maxAlternatives?: number };

/** Tools per capability (primary or secondary), in slug order. */
function indexByCapability(tools: RecommenderTool[]): Map<string, RecommenderTool[]> {
  const index = new Map<string, RecommenderTool[]>();
  for (const tool of tools) {
    for (const capability of [...tool.capabilities.primary, ...tool.capabilities.secondary]) {
      const list = index.get(capability);
      if (list) list.push(tool);
      else index.set(capability, [tool]);
    }
  }
  return index;
}

function candidatesFor(
  slot: PlannedCapability,
  byCapability: Map<string, RecommenderTool[]>,
  profile: RecommenderProfile,
): Slot["candidates"] {
  return (
    (byCapability.get(slot.capability) ?? [])
      .filter((t) => isEligible(t, profile.constraints, slot.horizon))
      // A capability due now is judged at the team's stage, even when answers pulled it forward from an earlier one.
      .map((tool) => {
        const base = scoreTool(
          tool,
          slot.capability,
          slot.horizon === "now" ? profile.stage : slot.adoptAtStage,
          profile.constraints,
          profile.stage,
        );
        return { tool, base, baseTotal: total(base) };
      })
  );
}

type StackView = {
  picks: Map<string, RecommenderTool>;
  /** For each picked tool, the slots it fills. */
  pickedIn: Map<string, Slot[]>;
  slotByCapability: Map<string, Slot>;
  inUse: Set<string>;
  stage: MaturityStage;
};

function emptyView(slots: Slot[], inUse: Set<string>, stage: MaturityStage): StackView {
  return {
    picks: new Map(),
    pickedIn: new Map(),
    slotByCapability: new Map(slots.map((s) => [s.capability, s])),
    inUse,
    stage,
  };
}

/** Puts `tool` (or nothing) in a slot, keeping the view's indexes in step. */
function setPick(view: StackView, slot: Slot, tool: RecommenderTool | undefined) {
  const previous = view.picks.get(slot.capability);
  if (previous) {
    const remaining = (view.pickedIn.get(previous.slug) ?? []).filter((s) => s !== slot);
    if (remaining.length > 0) view.pickedIn.set(previous.slug, remaining);
    else view.pickedIn.delete(previous.slug);
  }
  if (tool) {
    view.picks.set(slot.capability, tool);
    view.pickedIn.set(tool.slug, [...(view.pickedIn.get(tool.slug) ?? []), slot]);
  } else view.picks.delete(slot.capability);
}

const NO_SLOTS: Slot[] = [];

function reuseShare(tool: RecommenderTool, capability: string): number {
  if (tool.capabilities.primary.includes(capability)) return 1;
  return tool.capabilities.primary.includes("ml-platform") ? WEIGHTS.reusePlatformShare : WEIGHTS.reuseSecondaryShare;
}
const NO_CAPABILITIES: string[] = [];

/** Per-catalog preparation, cached by catalog identity: the engine stays pure, repeated runs skip the setup. */
type Prepared = {
  tools: RecommenderTool[];
  bySlug: Map<string, RecommenderTool>;
  byCapability: Map<string, RecommenderTool[]>;
  capabilityOrder: Map<string, number>;
};
const preparedCache = new WeakMap<RecommenderCatalog, Prepared>();
function prepare(catalog: RecommenderCatalog): Prepared {
  let prepared = preparedCache.get(catalog);
  if (!prepared) {
    const tools = [...catalog.tools].sort((a, b) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));
    prepared = {
      tools,
      bySlug: new Map(tools.map((t) => [t.slug, t])),
      byCapability: indexByCapability(tools),
      capabilityOrder: new Map(catalog.capabilities.map((c, i) => [c.slug, i])),
    };
    preparedCache.set(catalog, prepared);
  }
  return prepared;
}

const partnerCache = new WeakMap<RecommenderTool, Set<string>>();
function partnersOf(tool: RecommenderTool): Set<string> {
  let partners = partnerCache.get(tool);
  if (!partners) partnerCache.set(tool, (partners = new Set(tool.integrations)));
  return partners;
}

/** Points that depend on the rest of the stack: kept, reused, coupled, integrated. */
function stackComponents(tool: RecommenderTool, slot: Slot, view: StackView): ScoreComponent[] {
  const parts: ScoreComponent[] = [];
  if (view.inUse.has(tool.slug)) {
    const isMainJob = tool.capabilities.primary.includes(slot.capability);
    parts.push({
      key: "in-use",
      label: "Already in use",
      points: isMainJob
        ? WEIGHTS.alreadyInUse
        : Math.round(WEIGHTS.alreadyInUse * WEIGHTS.reuseSecondaryShare * 100) / 100,
      note: isMainJob ? "You already use it: no migration" : "You already use it, though this is not its main job",
    });
  }
  const reusedFor = (view.pickedIn.get(tool.slug) ?? [])
    .filter(
      (other) => other.capability !== slot.capability && HORIZON_RANK[other.horizon] <= HORIZON_RANK[slot.horizon],
    )
    .map((other) => other.name);
  if (reusedFor.length > 0) {
    const share = reuseShare(tool, slot.capability);
    parts.push({
      key: "reuse",
      label: "Fewer tools",
      points: Math.round(WEIGHTS.reuse[view.stage] * share * 100) / 100,
      note: `Already in the stack for ${reusedFor.join(", ").toLowerCase()}`,
    });
  }
  const partners = partnersOf(tool);
  for (const coupled of COUPLED_CAPABILITIES[slot.capability] ?? []) {
    const other = view.picks.get(coupled);
    const otherSlot = view.slotByCapability.get(coupled);
    if (!other || !otherSlot) continue;
    const works = other.slug === tool.slug || partners.has(other.slug);
    parts.push({
      key: `coupled-${coupled}`,
      label: `Fits your ${otherSlot.name.toLowerCase()}`,
      points: works ? WEIGHTS.coupled : -WEIGHTS.coupled,
      note: works
        ? `Works with ${other.name}, your ${otherSlot.name.toLowerCase()} pick`
        : `No native integration with ${other.name}, your ${otherSlot.name.toLowerCase()} pick`,
    });
  }
  const integrated = new Set<string>();
  for (const [capability, picked] of view.picks) {
    if (capability !== slot.capability && picked.slug !== tool.slug && partners.has(picked.slug))
      integrated.add(picked.name);
  }
  if (integrated.size > 0) {
    const names = [...integrated].sort();
    parts.push({
      key: "integration",
      label: "Integrates with the stack",
      points: Math.min(WEIGHTS.integrationCap, WEIGHTS.integrationWithStack * names.length),
      note: `Works natively with ${names.slice(0, 4).join(", ")}${names.length > 4 ? ` and ${names.length - 4} more` : ""}`,
    });
  }
  return parts;
}

/** The numeric part of `stackComponents`, without sentences: used while the stack is being chosen. */
function stackPoints(tool: RecommenderTool, slot: Slot, view: StackView): number {
  let points = view.inUse.has(tool.slug)
    ? tool.capabilities.primary.includes(slot.capability)
      ? WEIGHTS.alreadyInUse
      : Math.round(WEIGHTS.alreadyInUse * WEIGHTS.reuseSecondaryShare * 100) / 100
    : 0;
  let reused = false;
  for (const other of view.pickedIn.get(tool.slug) ?? NO_SLOTS) {
    if (other.capability !== slot.capability && HORIZON_RANK[other.horizon] <= HORIZON_RANK[slot.horizon])
      reused = true;
  }
  if (reused) points += Math.round(WEIGHTS.reuse[view.stage] * reuseShare(tool, slot.capability) * 100) / 100;
  for (const coupled of COUPLED_CAPABILITIES[slot.capability] ?? NO_CAPABILITIES) {
    const other = view.picks.get(coupled);
    if (other && view.slotByCapability.has(coupled))
      points += other.slug === tool.slug || partnersOf(tool).has(other.slug) ? WEIGHTS.coupled : -WEIGHTS.coupled;
  }
  let integrated = 0;
  for (const partner of tool.integrations) {
    const inSlots = view.pickedIn.get(partner);
    if (inSlots && partner !== tool.slug && (inSlots.length > 1 || inSlots[0] !== slot)) integrated += 1;
  }
  return points + Math.min(WEIGHTS.integrationCap, WEIGHTS.integrationWithStack * integrated);
}

/** The best candidate for a slot given the rest of the stack (ties break on slug). */
function bestFor(slot: Slot, view: StackView): RecommenderTool | undefined {
  let best: { tool: RecommenderTool; score: number } | undefined;
  for (const candidate of slot.candidates) {
    const score = Math.round((candidate.baseTotal + stackPoints(candidate.tool, slot, view)) * 100) / 100;
    if (!best || score > best.score || (score === best.score && candidate.tool.slug < best.tool.slug))
      best = { tool: candidate.tool, score };
  }
  return best?.tool;
}

/** The pick and the best alternatives with their full, explained breakdowns (only these need sentences). */
function rank(slot: Slot, view: StackView, pickSlug: string | undefined, alternatives: number) {
  const top = slot.candidates
    .map((c) => ({ c, score: Math.round((c.baseTotal + stackPoints(c.tool, slot, view)) * 100) / 100 }))
    // Ties break on slug, as in bestFor.
    .sort((a, b) => b.score - a.score || (a.c.tool.slug < b.c.tool.slug ? -1 : 1));
  const chosen = top.filter((t) => t.c.tool.slug === pickSlug);
  const others = top.filter((t) => t.c.tool.slug !== pickSlug).slice(0, alternatives);
  return [...chosen, ...others].map(({ c }) => {
    const breakdown = [...c.base, ...stackComponents(c.tool, slot, view)];
    return { tool: c.tool, breakdown, score: total(breakdown) };
  });
}

/** Criteria every candidate tends to share; they go last so the distinctive reasons lead. */
const GENERIC_REASONS = new Set(["capability", "stage-fit", "ecosystem"]);

function reasonsFor(breakdown: ScoreComponent[]): string[] {
  return breakdown
    .filter((p) => p.points > 0)
    .sort((a, b) => Number(GENERIC_REASONS.has(a.key)) - Number(GENERIC_REASONS.has(b.key)) || b.points - a.points)
    .map((p) => p.note);
}

export function recommend(
  profile: RecommenderProfile,
  catalog: RecommenderCatalog,
  options: Options = {},
): Recommendation {
  const maxAlternatives = options.maxAlternatives ?? 2;
  const { tools, bySlug, byCapability, capabilityOrder } = prepare(catalog);
  const inUse = new Set(profile.constraints.toolsInUse.filter((s) => bySlug.has(s)));
  if (profile.constraints.kubernetes === "yes" && bySlug.has("kubernetes")) inUse.add("kubernetes");

  const slots: Slot[] = planCapabilities(profile, catalog)
    .map((planned) => ({ ...planned, candidates: candidatesFor(planned, byCapability, profile) }))
    .sort(
      (a, b) =>
        HORIZON_RANK[a.horizon] - HORIZON_RANK[b.horizon] ||
        a.adoptAtStage - b.adoptAtStage ||
        (capabilityOrder.get(a.capability) ?? 0) - (capabilityOrder.get(b.capability) ?? 0),
    );

  // Choose the stack as a whole: each pass re-picks every slot knowing all other picks, until nothing changes.
  const view = emptyView(slots, inUse, profile.stage);
  const picks = view.picks;
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    let changed = false;
    for (const slot of slots) {
      const best = bestFor(slot, view);
      if (best?.slug !== picks.get(slot.capability)?.slug) {
        changed = true;
        setPick(view, slot, best);
      }
    }
    if (!changed) break;
  }

  const pickedSlugs = new Set([...picks.values()].map((t) => t.slug));
  const items: RecommendationItem[] = slots.map((slot) => {
    const ranked = rank(slot, view, picks.get(slot.capability)?.slug, maxAlternatives);
    const chosen = ranked.find((r) => r.tool.slug === picks.get(slot.capability)?.slug);
    const base = {
      capability: slot.capability,
      capabilityName: slot.name,
      phase: slot.phase,
      horizon: slot.horizon,
      adoptAtStage: slot.adoptAtStage,
      trigger: slot.trigger,
      drivers: slot.drivers,
    };
    if (!chosen) {
      return {
        ...base,
        change: "adopt" as const,
        pick: null,
        alternatives: [],
        uncoveredReason: explainExclusions(slot.capability, tools, profile.constraints, slot.horizon),
      };
    }
    const companion = COMPANIONS[chosen.tool.slug];
    const companionTool = companion ? bySlug.get(companion.slug) : undefined;
    const companions =
      companion &&
      companionTool &&
      !pickedSlugs.has(companionTool.slug) &&
      exclusionReasons(companionTool, profile.constraints, slot.horizon).length === 0
        ? [{ slug: companionTool.slug, name: companionTool.name, why: companion.why }]
        : [];
    return {
      ...base,
      change: inUse.has(chosen.tool.slug) ? ("keep" as const) : ("adopt" as const),
      pick: {
        isMainJob: chosen.tool.capabilities.primary.includes(slot.capability),
        cost: chosen.tool.pricing,
        effort: `Ops complexity ${chosen.tool.opsComplexity}/5`,
        slug: chosen.tool.slug,
        name: chosen.tool.name,
        score: chosen.score,
        breakdown: chosen.breakdown,
        reasons: reasonsFor(chosen.breakdown),
        isKept: inUse.has(chosen.tool.slug),
        companions,
      },
      alternatives: ranked
        .filter((r) => r.tool.slug !== chosen.tool.slug)
        .slice(0, maxAlternatives)
        .map((r) => ({
          slug: r.tool.slug,
          name: r.tool.name,
          score: r.score,
          breakdown: r.breakdown,
          whyNot: whyNot(chosen, r),
        })),
    };
  });

  const toolCount: Record<Horizon | "inPlace", number> = { inPlace: 0, now: 0, next: 0, later: 0 };
  const firstHorizon = new Map<string, Horizon>();
  for (const item of items) {
    for (const slug of [item.pick?.slug, ...(item.pick?.companions.map((c) => c.slug) ?? [])]) {
      if (!slug) continue;
      const seen = firstHorizon.get(slug);
      if (!seen || HORIZON_RANK[item.horizon] < HORIZON_RANK[seen]) firstHorizon.set(slug, item.horizon);
    }
  }
  for (const horizon of firstHorizon.values()) toolCount[horizon] += 1;

  return {
    engineVersion: ENGINE_VERSION,
    stage: profile.stage,
    items,
    toolCount,
    excluded: explainExclusionsList(items, byCapability, bySlug, profile, inUse),
    warnings: stackWarnings(items, bySlug, profile, inUse),
    constraintNotes: describeConstraints(profile.constraints),
    trainsModels: true,
    nowBudget: { limit: toolCount.now, used: toolCount.now, why: "" },
    assumptions: [],
  };
}
