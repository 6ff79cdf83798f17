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
  pick:
    | (ToolChoice & { reasons: string[]; isKept: boolean; companions: { slug: string; name: string; why: string }[] })
    | null;
  alternatives: Alternative[];
  /** Why nothing could be picked (only when pick is null). */
  uncoveredReason?: string;
};

export type Exclusion = { slug: string; name: string; reasons: string[]; successor?: { slug: string; name: string } };

export type WarningKind =
  "uncovered" | "sprawl" | "overlap" | "weak-integration" | "replaced-tool" | "retired-tool-in-use" | "risk";
export type StackWarning = { kind: WarningKind; message: string; capability?: string; tools?: string[] };

export type Recommendation = {
  engineVersion: string;
  stage: MaturityStage;
  items: RecommendationItem[];
  /** Distinct tools per horizon (a tool picked for several capabilities counts once, at its earliest horizon). */
  toolCount: Record<Horizon, number>;
  /** Tools a reader might expect that the constraints rule out, with the reason. */
  excluded: Exclusion[];
  warnings: StackWarning[];
  /** The constraints as the engine read them, in words. */
  constraintNotes: string[];
};
