import type { Constraints } from "../assessment/constraints";
import type { CatalogCapability, CatalogPhase, CatalogTool } from "../catalog/types";
import type { MaturityStage } from "../catalog/vocabulary";

/** What the engine reads of a tool: the catalog DTO without prose it does not need. */
export type RecommenderTool = Pick<
  CatalogTool,
  | "slug"
  | "name"
  | "summary"
  | "license"
  | "isOpenSource"
  | "pricing"
  | "hosting"
  | "clouds"
  | "needsKubernetes"
  | "stages"
  | "opsComplexity"
  | "learningCurve"
  | "teamSizes"
  | "capabilities"
  | "integrations"
  | "risks"
  | "status"
  | "successor"
>;

export type RecommenderCatalog = {
  phases: Pick<CatalogPhase, "slug" | "name" | "order" | "isOverlay">[];
  capabilities: Pick<CatalogCapability, "slug" | "name" | "phase" | "neededFromStage">[];
  tools: RecommenderTool[];
};

/** What the engine reads of an assessment. */
export type RecommenderProfile = {
  stage: MaturityStage;
  dimensions: { slug: string; score: number }[];
  constraints: Constraints;
};

export type Horizon = "now" | "next" | "later";

export type ScoreComponent = {
  /** Stable key, e.g. "stage-fit". */
  key: string;
  label: string;
  /** Contribution to the total, already weighted. */
  points: number;
  /** Why, in words. */
  note: string;
};

export type ToolChoice = {
  slug: string;
  name: string;
  score: number;
  breakdown: ScoreComponent[];
};

export type Alternative = ToolChoice & { whyNot: string };

/**
 * What the plan does with a capability:
 * - keep: in place — a tool the team uses, or a practice its answers say is in place; nothing to adopt;
 * - adopt: a new tool;
 * - replace: a tool in use gives way, for a hard reason or a large stated advantage (see `replaces`).
 */
export type Change = "keep" | "adopt" | "replace";

/** Two candidates within the toss-up margin: the report says "A or B — choose by …" instead of deciding. */
export type TossUp = {
  slug: string;
  name: string;
  /** Points between the pick and this tool (always below the engine's TOSS_UP_MARGIN). */
  margin: number;
  /** When to choose the pick, in the team's terms. */
  chooseIf: string;
  /** When to choose this one instead. */
  chooseOtherIf: string;
};

export type RecommendationItem = {
  capability: string;
  capabilityName: string;
  phase: string;
  horizon: Horizon;
  /** Stage at which to adopt it, after the answers pulled it earlier or pushed it later. */
  adoptAtStage: MaturityStage;
  /** When the team should adopt it: the event that makes it worth the effort. */
  trigger: string;
  /** The answers and constraints that decided when and what. */
  drivers: string[];
  /** keep (in place), adopt or replace. */
  change: Change;
  pick:
    | (ToolChoice & {
        reasons: string[];
        isKept: boolean;
        companions: { slug: string; name: string; why: string }[];
        /** False when the tool does this job on the side (allowed in a critical slot only when already in the stack). */
        isMainJob: boolean;
        /** What it costs, in words (price model or band). */
        cost: string;
        /** What it takes to run, in people-time. */
        effort: string;
      })
    | null;
  alternatives: Alternative[];
  /** Why nothing could be picked (only when pick is null and the capability is not in place). */
  uncoveredReason?: string;
  /** When in place without a named tool: the answer that shows it. */
  inPlaceBy?: { questionId: string; answer: string };
  /** The trigger has already happened for this team ("now, because you run more than 20 models"). */
  triggerMet?: string;
  /** Why the item is not in "now" although the answers made it due (the team's budget for new tools). */
  deferred?: string;
  /** A near-tie, shown as a choice. */
  tossUp?: TossUp;
  /** For change "replace": the tool in use that gives way, why, and what the move costs. */
  replaces?: { slug: string; name: string; reason: string; migration: string };
};

export type Exclusion = { slug: string; name: string; reasons: string[]; successor?: { slug: string; name: string } };

export type WarningKind =
  | "uncovered"
  | "sprawl"
  | "overlap"
  | "weak-integration"
  | "replaced-tool"
  | "retired-tool-in-use"
  | "risk"
  | "over-engineering";
export type StackWarning = { kind: WarningKind; message: string; capability?: string; tools?: string[] };

export type Recommendation = {
  engineVersion: string;
  stage: MaturityStage;
  items: RecommendationItem[];
  /**
   * Distinct tools: in place (kept), and new per horizon (a tool picked for several capabilities counts once, at
   * its earliest horizon).
   */
  toolCount: Record<Horizon | "inPlace", number>;
  /** Whether the team trains or fine-tunes models: the lifecycle diagram draws the retraining loop only then. */
  trainsModels: boolean;
  /** How many new tools this team can take on now, how many the plan uses, and why that number. */
  nowBudget: { limit: number; used: number; why: string };
  /** Context answers the team did not know: the default the engine used and what an answer could change. */
  assumptions: { key: string; question: string; assumed: string; wouldChange: string }[];
  /** Tools a reader might expect that the constraints rule out, with the reason. */
  excluded: Exclusion[];
  warnings: StackWarning[];
  /** The constraints as the engine read them, in words. */
  constraintNotes: string[];
};
