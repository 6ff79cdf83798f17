import type { MaturityProfile } from "../assessment/score";
import type { Horizon, Recommendation, RecommendationItem } from "../recommender/types";
import type { ReportActionItem } from "./report-data";

/**
 * The report read as a change plan, shared by every format (page, Markdown, PDF) so that they say the same thing:
 * what is in place and kept, the few changes to make now, what comes next and later with its trigger, the unknowns,
 * the toss-ups and the actions that matter most. Only reading and grouping: the judgement is the engine's and the
 * scoring's.
 */

export type PlanSection = "inPlace" | Horizon;

export const PLAN_SECTIONS: readonly PlanSection[] = ["inPlace", "now", "next", "later"];

export const PLAN_SECTION_TITLES: Record<PlanSection, string> = {
  inPlace: "In place — keep",
  now: "Now",
  next: "Next",
  later: "Later",
};

export const PLAN_SECTION_INTROS: Record<PlanSection, string> = {
  inPlace: "Practices and tools you already have that fit: keep them.",
  now: "The changes to make first: they close your weakest areas and the risks you named.",
  next: "The next changes, each when its trigger applies.",
  later: "Leave these until their trigger applies; adopting them early costs more than it gives.",
};

/** The section an item belongs to: kept items are in place whatever their horizon. */
export function sectionOf(item: Pick<RecommendationItem, "change" | "horizon">): PlanSection {
  return item.change === "keep" ? "inPlace" : item.horizon;
}

/** Items by section, in the engine's order. Uncovered items (nothing picked, nothing in place) stay in their horizon. */
export function planBySection(recommendation: Recommendation): Record<PlanSection, RecommendationItem[]> {
  const sections: Record<PlanSection, RecommendationItem[]> = { inPlace: [], now: [], next: [], later: [] };
  for (const item of recommendation.items) sections[sectionOf(item)].push(item);
  return sections;
}

/** When to adopt, in the team's terms: a trigger that already happened says so instead. */
export function whenText(item: RecommendationItem): string {
  return item.triggerMet ?? item.trigger;
}

/** The tool (and its companions) as one line, or null when nothing is picked. */
export function toolLine(item: RecommendationItem): string | null {
  if (!item.pick) return null;
  return [item.pick.name, ...item.pick.companions.map((c) => c.name)].join(" + ");
}

/** What an in-place item is: its tool, or the practice the answers show. */
export function inPlaceText(item: RecommendationItem): string {
  if (item.pick) return `${toolLine(item)} — in use${item.pick.isMainJob ? "" : " (does this job on the side)"}`;
  if (item.inPlaceBy)
    return `In place by your answer: “${item.inPlaceBy.answer}”. Name the tool to have its fit checked.`;
  return "In place";
}

export type Unknown = {
  question: string;
  /** The default the engine planned with (assumptions only). */
  assumed?: string;
  /** What an answer could change. */
  wouldChange: string;
  source: "assumption" | "dont-know";
};

/**
 * What the team did not know: the engine's assumptions for context questions, then every maturity answer given as
 * "Don't know" (counted as not in place until found out). Each says what an answer could change.
 */
export function unknownsOf(profile: MaturityProfile, recommendation: Recommendation): Unknown[] {
  const unknowns: Unknown[] = recommendation.assumptions.map((a) => ({
    question: a.question,
    assumed: a.assumed,
    wouldChange: a.wouldChange,
    source: "assumption",
  }));
  const asked = new Set(unknowns.map((u) => u.question));
  for (const dimension of profile.dimensions)
    for (const q of dimension.drivers)
      if (q.isDontKnow && !asked.has(q.prompt))
        unknowns.push({
          question: q.prompt,
          wouldChange: `The ${dimension.name} score and the actions for it: counted as not in place until you know.`,
          source: "dont-know",
        });
  return unknowns;
}

/** Items the engine could not decide between two tools for. */
export function tossUpsOf(recommendation: Recommendation): RecommendationItem[] {
  return recommendation.items.filter((i) => i.tossUp);
}

/** "A or B — choose A if …; choose B if …". */
export function tossUpText(item: RecommendationItem): string | null {
  if (!item.tossUp || !item.pick) return null;
  const t = item.tossUp;
  return `${item.pick.name} or ${t.name}: choose ${item.pick.name} if ${t.chooseIf}; choose ${t.name} if ${t.chooseOtherIf}.`;
}

/** Where an action points: the plan item whose pick closes it, or the question it comes from. */
export type ActionTarget =
  | { kind: "pick"; capability: string; capabilityName: string; tool: string | null; section: PlanSection }
  | { kind: "question"; questionId: string };

export type PlannedAction = ReportActionItem & { target: ActionTarget };

/** Anchor ids shared by the page and the print document. */
export const anchorForCapability = (capability: string) => `plan-${capability}`;
export const anchorForQuestion = (questionId: string) => `answer-${questionId}`;

/** Actions the summary leads with: the first high-priority ones, in the scoring's order (the scoring caps "high"). */
export const MAX_TOP_ACTIONS = 5;

/**
 * The action items grouped by the priority the scoring gave them, each with what closes it: the pick for its
 * `closes` capability when the plan has one, else its question. `top` is what the summaries lead with; every format
 * lists the rest with the other actions, so the counts always add up.
 */
export function plannedActions(
  profile: MaturityProfile,
  recommendation: Recommendation,
): Record<ReportActionItem["priority"], PlannedAction[]> & { top: PlannedAction[]; rest: PlannedAction[] } {
  const byCapability = new Map(recommendation.items.map((i) => [i.capability, i]));
  const grouped: Record<ReportActionItem["priority"], PlannedAction[]> = { high: [], medium: [], low: [] };
  for (const action of profile.actionItems as ReportActionItem[]) {
    const item = action.closes ? byCapability.get(action.closes) : undefined;
    const target: ActionTarget = item
      ? {
          kind: "pick",
          capability: item.capability,
          capabilityName: item.capabilityName,
          tool: toolLine(item),
          section: sectionOf(item),
        }
      : { kind: "question", questionId: action.questionId };
    grouped[action.priority].push({ ...action, target });
  }
  const top = grouped.high.slice(0, MAX_TOP_ACTIONS);
  const rest = [...grouped.high.slice(MAX_TOP_ACTIONS), ...grouped.medium, ...grouped.low];
  return { ...grouped, top, rest };
}

/** "Closed by MLflow (Model registry, now)" / "Closes when answered". */
export function actionTargetText(target: ActionTarget): string {
  if (target.kind === "question") return "See your answer";
  const where = PLAN_SECTION_TITLES[target.section].split(" — ")[0]!.toLowerCase();
  return target.tool
    ? `Closed by ${target.tool} (${target.capabilityName}, ${where})`
    : `Closed by ${target.capabilityName} (${where})`;
}
