import type { CapabilityPlan } from "../catalog/schema";
import type { MaturityStage } from "../catalog/vocabulary";
import { CONDITION_PLANNED_NOTE, CONDITION_UNMET_NOTE, evaluateCondition } from "./conditions";
import type { Horizon, PracticeEvidence, RecommenderCatalog, RecommenderProfile } from "./types";

/**
 * Which capabilities a team needs, and when. Everything here comes from the catalog's capability plans
 * (content/capabilities.yaml, editable in the admin pages): each capability's `neededFromStage`, the conditions
 * under which it applies at all, and the answers that pull it earlier. The team's own answers then mark capabilities
 * as already in place (covered) or as needed now.
 */

/** Urgency added when an answer makes a capability necessary now ("credentials are shared in chat"). */
export const NEEDED_BY_ANSWER_BOOST = 4;
/** Urgency added when a condition pulls a capability to now (models in production need monitoring). */
export const PULLED_NOW_BOOST = 2;
/** Urgency added to the capabilities of the team's weakest area. */
export const WEAKEST_AREA_BOOST = 2;
/** A dimension at or below this score, and the weakest, has its next capability pulled to now. */
export const WEAK_AREA_THRESHOLD = 1.5;
/** A dimension with at least this share of unsure or hidden answers is not read as weak: it is unknown. */
const UNSURE_LIMIT = 0.5;

export type PlannedCapability = {
  capability: string;
  name: string;
  phase: string;
  /** Only a tool built for the job may fill it (or a side-job tool already in the stack for its main job). */
  critical: boolean;
  /** The catalog's priority plus the urgency the answers added: higher goes first within the "now" budget. */
  priority: number;
  neededFromStage: MaturityStage;
  adoptAtStage: MaturityStage;
  horizon: Horizon;
  /** "Adopt it …": the event that makes the capability worth its cost. */
  trigger: string;
  /** When the trigger has already happened: "now, because …". */
  triggerMet?: string;
  drivers: string[];
  couplings: string[];
  /** The answer that shows the practice already in place. */
  inPlaceBy?: PracticeEvidence;
};

export type OmittedCapability = { capability: string; name: string; reason: string };

const clampStage = (n: number) => Math.min(4, Math.max(1, n)) as MaturityStage;

export function horizonFor(adoptAtStage: number, teamStage: number): Horizon {
  if (adoptAtStage <= teamStage) return "now";
  if (adoptAtStage === teamStage + 1) return "next";
  return "later";
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** The capabilities this team needs, each with its stage, horizon, trigger and the answers behind it. */
export function planCapabilities(
  profile: RecommenderProfile,
  catalog: RecommenderCatalog,
): { planned: PlannedCapability[]; omitted: OmittedCapability[] } {
  const { constraints: c, stage } = profile;
  const planned: PlannedCapability[] = [];
  const omitted: OmittedCapability[] = [];
  const covered = new Map((profile.practices?.covered ?? []).map((e) => [e.capability, e]));
  const needed = new Map((profile.practices?.needed ?? []).map((e) => [e.capability, e]));
  const weakest = weakestAreas(profile, catalog, covered);

  for (const capability of catalog.capabilities) {
    const plan: CapabilityPlan | null = capability.plan;
    if (!plan) continue;

    const unmet = plan.appliesWhen.filter((cond) => evaluateCondition(cond, c) === "unmet");
    const anyState = plan.appliesWhenAny.map((cond) => evaluateCondition(cond, c));
    if (anyState.length > 0 && anyState.every((s) => s === "unmet")) unmet.push(...plan.appliesWhenAny);
    if (unmet.length > 0) {
      omitted.push({
        capability: capability.slug,
        name: capability.name,
        reason: `Not needed: ${unmet.map((cond) => CONDITION_UNMET_NOTE[cond]).join(anyState.length > 0 && unmet.length > 1 ? " and " : " and ")}.`,
      });
      continue;
    }
    const plannedOnly = plan.appliesWhen.filter((cond) => evaluateCondition(cond, c) === "planned");
    if (anyState.length > 0 && !anyState.includes("met"))
      plannedOnly.push(plan.appliesWhenAny[anyState.indexOf("planned")]!);

    const base = clampStage(capability.neededFromStage);
    let adopt: number = base;
    let priority = plan.priority;
    let triggerMet: string | undefined;
    const drivers: string[] = [];

    for (const pull of plan.pulls) {
      if (evaluateCondition(pull.when, c) !== "met") continue;
      const target = pull.to === "now" ? stage : pull.to;
      if (target < adopt) {
        const wasLater = adopt > stage;
        adopt = target;
        drivers.push(capitalise(pull.reason));
        if (adopt <= stage) {
          triggerMet ??= pull.reason;
          if (wasLater) priority += PULLED_NOW_BOOST;
        }
      } else if (pull.to === "now" && adopt <= stage) {
        // Already due: the answer still says why it is due now rather than someday.
        drivers.push(capitalise(pull.reason));
        triggerMet ??= pull.reason;
      }
    }

    const need = needed.get(capability.slug);
    if (need && !covered.has(capability.slug)) {
      const why = `you answered "${need.answer}"`;
      if (adopt > stage) priority += NEEDED_BY_ANSWER_BOOST;
      else priority += NEEDED_BY_ANSWER_BOOST / 2;
      adopt = Math.min(adopt, stage);
      drivers.push(capitalise(why));
      triggerMet ??= why;
    }

    const weak = plan.dimension ? weakest.get(plan.dimension) : undefined;
    if (weak && !covered.has(capability.slug)) {
      // With "don't know" (or not yet applicable) answers in it, the score is a low end, not a measurement: no number.
      const why = weak.isUnsure
        ? `${weak.name} is your weakest area on what you know: close it first`
        : `${weak.name} is your weakest area (${weak.score.toFixed(1)} of 4): close it first`;
      // Everything already due in the weakest area goes first; of the rest, only its next step comes forward.
      const isNextStep = weak.nextStep === capability.slug;
      if (adopt <= stage || isNextStep) {
        adopt = Math.min(adopt, stage);
        priority += WEAKEST_AREA_BOOST;
        drivers.push(capitalise(why));
        triggerMet ??= why;
      }
    }

    // A condition that is only planned (Kubernetes, LLM work, a GPU cluster) waits for the next step.
    for (const cond of plannedOnly) {
      if (adopt <= stage) {
        adopt = stage + 1;
        triggerMet = undefined;
      }
      drivers.push(CONDITION_PLANNED_NOTE[cond] ?? `${cond} is planned`);
    }

    const adoptAtStage = clampStage(adopt);
    // At stage 4 there is no stage 5: a planned condition still means "next", not "now".
    const horizon = plannedOnly.length > 0 && adoptAtStage <= stage ? "next" : horizonFor(adoptAtStage, stage);
    if (drivers.length === 0) drivers.push(`Teams usually need it from stage ${base}`);
    const inPlace = covered.get(capability.slug);
    planned.push({
      capability: capability.slug,
      name: capability.name,
      phase: capability.phase,
      critical: plan.critical,
      priority,
      neededFromStage: base,
      adoptAtStage,
      horizon,
      trigger: plan.trigger,
      ...(triggerMet && horizon === "now" ? { triggerMet } : {}),
      drivers,
      couplings: plan.couplings,
      ...(inPlace ? { inPlaceBy: inPlace } : {}),
    });
  }
  return { planned, omitted };
}

/**
 * The team's weakest dimensions, when weak enough to act on and known well enough to say so, each with its next
 * step: the capability of that area a team would adopt next (lowest stage, then priority) that is not yet due, is
 * not in place, applies to the team, and is not bound to production when nothing is in production yet.
 */
function weakestAreas(
  profile: RecommenderProfile,
  catalog: RecommenderCatalog,
  covered: Map<string, PracticeEvidence>,
): Map<string, { name: string; score: number; isUnsure: boolean; nextStep?: string }> {
  const known = profile.dimensions.filter((d) => (d.unsureShare ?? 0) < UNSURE_LIMIT);
  if (known.length === 0) return new Map();
  const lowest = Math.min(...known.map((d) => d.score));
  if (lowest > WEAK_AREA_THRESHOLD) return new Map();
  const c = profile.constraints;
  const result = new Map<string, { name: string; score: number; isUnsure: boolean; nextStep?: string }>();
  for (const d of known.filter((dim) => dim.score === lowest)) {
    // Closing what is already due in the area comes first; only when nothing is, its next step comes forward.
    const dueOpen = catalog.capabilities.some(
      (cap) =>
        cap.plan?.dimension === d.slug &&
        !covered.has(cap.slug) &&
        cap.neededFromStage <= profile.stage &&
        cap.plan.appliesWhen.every((cond) => evaluateCondition(cond, c) === "met"),
    );
    const next = dueOpen
      ? undefined
      : catalog.capabilities
          .filter((cap) => {
            const plan = cap.plan;
            if (!plan || plan.dimension !== d.slug || covered.has(cap.slug)) return false;
            if (cap.neededFromStage <= profile.stage || cap.neededFromStage > profile.stage + 1) return false;
            if (plan.appliesWhen.some((cond) => evaluateCondition(cond, c) !== "met")) return false;
            const productionBound = plan.pulls.some((pull) => pull.when === "models-in-production");
            return !(productionBound && evaluateCondition("models-in-production", c) !== "met");
          })
          .sort(
            (a, b) => a.neededFromStage - b.neededFromStage || (b.plan?.priority ?? 0) - (a.plan?.priority ?? 0),
          )[0];
    result.set(d.slug, {
      name: d.name ?? d.slug.replace(/-/g, " "),
      score: d.score,
      isUnsure: (d.unsureShare ?? 0) > 0,
      ...(next ? { nextStep: next.slug } : {}),
    });
  }
  return result;
}
