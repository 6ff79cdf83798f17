import type { MaturityProfile } from "../assessment/score";
import type { Horizon, Recommendation, RecommendationItem } from "../recommender/types";
import type { ReportActionItem } from "./report-data";
import { scoreNote } from "./score-text";

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

/** An unknown's question as a sentence: the context questions are short titles ("Whether you run Kubernetes"). */
export function questionText(unknown: Pick<Unknown, "question">): string {
  return /[?.!]$/.test(unknown.question) ? unknown.question : `${unknown.question}.`;
}

/** At most this many questions lead the report as the discovery list; the rest stay with the other unknowns. */
export const MAX_DISCOVERY = 5;

export const DISCOVERY_TITLE = "Find out first";
export const DISCOVERY_INTRO =
  "The questions whose answers would change this plan most. Find these out before you start the changes below.";
export const OTHER_UNKNOWNS_TITLE = "Other unknowns";
export const OTHER_UNKNOWNS_INTRO = "Answers you did not know that matter less to the plan; finding out still helps.";

/** "Your answer could change up to 3 items of this plan." → 3; "would not change" → 0; unstated → 1. */
function itemsAnAnswerCouldChange(wouldChange: string): number {
  if (/would not change/i.test(wouldChange)) return 0;
  const count = /up to (\d+)/.exec(wouldChange)?.[1];
  return count ? Number(count) : 1;
}

/**
 * The short discovery list the report leads with, and the rest of the unknowns. Ranked by how much an answer would
 * change the plan:
 * 1. the engine's assumptions for context questions (they change picks), most plan items an answer could change
 *    first; an assumption whose answer would change nothing is not a question to lead with;
 * 2. "don't know" maturity answers whose gap a "now" change closes (an answer can turn the change into "in place")
 *    and those in the weakest areas (an answer can change which area comes first), both before either, then by the
 *    question's weight.
 * At most MAX_DISCOVERY lead; each says what an answer would change. `rest` keeps every other unknown, in
 * unknownsOf's order, so that each unknown is listed exactly once.
 */
export function discoveryOf(
  profile: MaturityProfile,
  recommendation: Recommendation,
): { first: Unknown[]; rest: Unknown[] } {
  const all = unknownsOf(profile, recommendation);
  const candidates: { unknown: Unknown; tier: number; weight: number; order: number }[] = [];
  const itemOf = new Map(recommendation.items.map((i) => [i.capability, i]));
  const closesOf = new Map(
    profile.actionItems.flatMap((a) => (a.isDiscovery && a.closes ? [[a.questionId, a.closes] as const] : [])),
  );
  const weakest = new Set(profile.overall.weakestDimensions);
  recommendation.assumptions.forEach((a, order) => {
    const count = itemsAnAnswerCouldChange(a.wouldChange);
    const unknown = all.find((u) => u.question === a.question);
    if (count > 0 && unknown) candidates.push({ unknown, tier: 0, weight: count, order });
  });
  let order = 0;
  for (const dimension of profile.dimensions)
    for (const q of dimension.drivers) {
      order += 1;
      const unknown = all.find((u) => u.question === q.prompt && u.source === "dont-know");
      if (!q.isDontKnow || !unknown) continue;
      const capability = closesOf.get(q.questionId);
      const item = capability ? itemOf.get(capability) : undefined;
      const closesNow = item !== undefined && sectionOf(item) === "now";
      const isWeakest = weakest.has(dimension.slug);
      if (!closesNow && !isWeakest) continue;
      const changes: string[] = [];
      if (closesNow && item)
        changes.push(
          `If it is already in place, ${item.capabilityName} is kept as it is instead of ` +
            (item.pick ? `adopting ${toolLine(item)} now.` : "being a change now."),
        );
      if (isWeakest)
        changes.push(
          `${dimension.name} is your weakest area on what you know (${scoreNote(dimension)}); an answer narrows ` +
            "that and can change which changes come first.",
        );
      candidates.push({
        unknown: { ...unknown, wouldChange: changes.join(" ") },
        tier: closesNow && isWeakest ? 1 : 2,
        weight: q.weight,
        order,
      });
    }
  const first = candidates
    .sort((a, b) => a.tier - b.tier || b.weight - a.weight || a.order - b.order)
    .slice(0, MAX_DISCOVERY)
    .map((c) => c.unknown);
  const led = new Set(first.map((u) => u.question));
  return { first, rest: all.filter((u) => !led.has(u.question)) };
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

/** At most this many actions are high priority, and the summaries lead with all of them (the scoring caps "high"). */
export const MAX_TOP_ACTIONS = 5;

/**
 * The action items grouped by priority, each with what closes it: the pick for its `closes` capability when the plan
 * has one, else its question. One priority model, whatever the stored profile says: an action is high only when a
 * "now" change closes it, at most MAX_TOP_ACTIONS of them (any other "high" reads as medium); "find out" actions from
 * "don't know" answers are not actions in these lists, since their questions are in the discovery list and the
 * unknowns. `top` (= high) is what the summaries lead with; `rest` is the medium and low ones, so that the counts add
 * up to the tables.
 */
export function plannedActions(
  profile: MaturityProfile,
  recommendation: Recommendation,
): Record<ReportActionItem["priority"], PlannedAction[]> & { top: PlannedAction[]; rest: PlannedAction[] } {
  const byCapability = new Map(recommendation.items.map((i) => [i.capability, i]));
  const grouped: Record<ReportActionItem["priority"], PlannedAction[]> = { high: [], medium: [], low: [] };
  for (const action of profile.actionItems as ReportActionItem[]) {
    if (action.isDiscovery) continue;
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
    const isHigh =
      action.priority === "high" &&
      target.kind === "pick" &&
      target.section === "now" &&
      grouped.high.length < MAX_TOP_ACTIONS;
    const priority = action.priority === "high" && !isHigh ? "medium" : action.priority;
    grouped[priority].push({ ...action, priority, target });
  }
  return { ...grouped, top: grouped.high, rest: [...grouped.medium, ...grouped.low] };
}

/** Counts by plan section, as the tables list them, with the new tools the "now" changes bring. */
export type PlanCounts = Record<PlanSection, number> & { newToolsNow: number };

export function planCounts(recommendation: Recommendation): PlanCounts {
  const plan = planBySection(recommendation);
  return {
    inPlace: plan.inPlace.length,
    now: plan.now.length,
    next: plan.next.length,
    later: plan.later.length,
    newToolsNow: recommendation.toolCount.now,
  };
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * The summary's sentence about the plan, the same in every format, counting what the plan's sections list (one row
 * per capability), then why "now" is that size: "The plan keeps 6 in place, makes 3 changes now (bringing 2 new
 * tools), then 4 next and 2 later. A first stack is built a handful of tools at a time: about 5 at once."
 */
export function planSummaryText(recommendation: Recommendation): string {
  const c = planCounts(recommendation);
  return (
    `The plan keeps ${c.inPlace} in place, makes ${plural(c.now, "change", "changes")} now ` +
    `(bringing ${plural(c.newToolsNow, "new tool", "new tools")}), then ${c.next} next and ${c.later} later. ` +
    recommendation.nowBudget.why
  );
}

/** The same sentence's counts read back from rendered text, for the editorial check; null when it is not there. */
export function readPlanSummary(text: string): Omit<PlanCounts, "newToolsNow"> | null {
  const m =
    /The plan keeps (\d+) in place, makes (\d+) changes? now \(bringing \d+ new tools?\), then (\d+) next and (\d+)\s+later\./.exec(
      text.replace(/\s+/g, " "),
    );
  return m ? { inPlace: Number(m[1]), now: Number(m[2]), next: Number(m[3]), later: Number(m[4]) } : null;
}

/** "Closed by MLflow (Model registry, now)" / "Closes when answered". */
export function actionTargetText(target: ActionTarget): string {
  if (target.kind === "question") return "See your answer";
  const where = PLAN_SECTION_TITLES[target.section].split(" — ")[0]!.toLowerCase();
  return target.tool
    ? `Closed by ${target.tool} (${target.capabilityName}, ${where})`
    : `Closed by ${target.capabilityName} (${where})`;
}
