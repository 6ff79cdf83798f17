import type { Constraints } from "../assessment/constraints";
import { PRICING_LABELS, type MaturityStage, type TeamSize } from "../catalog/vocabulary";
import type { RecommenderTool, ScoreComponent } from "./types";

/**
 * Soft preferences: every eligible tool gets points per criterion for one capability. The weights below are the
 * engine's tuning knobs; each says why it has its size. Totals are comparable only within one capability.
 */
export const WEIGHTS = {
  /** Chosen for this job (primary) beats doing it on the side (secondary). */
  primaryCapability: 4,
  secondaryCapability: 1,
  /** The catalog's own judgement of where a tool is a sensible choice. */
  stageFit: 2,
  /** Operating cost must fit the team that will carry it: the classic over-engineering mistake. */
  opsOverCapacity: 1.5,
  learningOverCapacity: 0.6,
  hostingPreference: 1.2,
  /** A native service of the team's chosen cloud integrates with its identity, networking and billing. */
  cloudNative: 0.8,
  /** …and worth more to a team that wants managed services: one vendor, one bill, one identity system. */
  cloudNativeManaged: 2.2,
  preferOpenSource: 1,
  budget: 1,
  maintenanceOnly: 1.5,
  riskSignal: 0.35,
  /** Ecosystem breadth: log-scaled count of catalog integrations. */
  ecosystem: 0.6,
  /** Per integration with another pick of the stack, up to `integrationCap`. */
  integrationWithStack: 0.5,
  integrationCap: 2,
  /** A team that already runs Kubernetes gets more from tools built on it. */
  kubernetesNative: 0.6,
  /** Working (or not) with the pick of a coupled capability, e.g. CI with the code host. */
  coupled: 1.5,
  /** Keeping a tool the team already uses avoids migration cost; strong, but constraints still win. */
  alreadyInUse: 4,
  /** Reusing a tool already picked for another capability adds no new tool to learn and run. */
  reuse: { 1: 2.5, 2: 2, 3: 1.5, 4: 1 } satisfies Record<MaturityStage, number>,
  /** Share of the reuse bonus when the tool does this job only on the side. */
  reuseSecondaryShare: 0.4,
  /** …unless the tool is an ML platform: its side features are first-class parts of a product you already run. */
  reusePlatformShare: 0.9,
} as const;

/** How much operational complexity (1–5) a team can carry, by size; a higher stage brings practice. */
const CAPACITY: Record<TeamSize, number> = { solo: 1.5, small: 2.5, medium: 3.5, large: 4.5 };
const SIZES: TeamSize[] = ["solo", "small", "medium", "large"];

/**
 * The operating capacity of the team when it adopts a capability. For later stages the team is assumed to grow one
 * size per stage: a stage-4 recommendation for today's three-person team is for the team it will have become.
 */
export function teamCapacity(
  teamSize: TeamSize,
  teamStage: MaturityStage,
  adoptAtStage: MaturityStage = teamStage,
): number {
  const growth = Math.max(0, adoptAtStage - teamStage);
  const size = SIZES[Math.min(SIZES.length - 1, SIZES.indexOf(teamSize) + growth)]!;
  return Math.min(5, CAPACITY[size] + (Math.max(teamStage, adoptAtStage) - 1) * 0.25);
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/** Scores one tool for one capability, independent of the rest of the stack. */
export function scoreTool(
  tool: RecommenderTool,
  capability: string,
  adoptAtStage: MaturityStage,
  c: Constraints,
  teamStage: MaturityStage,
): ScoreComponent[] {
  const parts: ScoreComponent[] = [];
  const add = (key: string, label: string, points: number, note: string) => {
    if (points !== 0) parts.push({ key, label, points: round2(points), note });
  };

  const isPrimary = tool.capabilities.primary.includes(capability);
  add(
    "capability",
    "Capability",
    isPrimary ? WEIGHTS.primaryCapability : WEIGHTS.secondaryCapability,
    isPrimary ? "Built for this job" : "Does this as a side feature",
  );

  if (tool.stages.includes(adoptAtStage))
    add("stage-fit", "Stage fit", WEIGHTS.stageFit, `A sensible choice at stage ${adoptAtStage}`);
  else {
    const nearest = Math.min(...tool.stages.map((s) => Math.abs(s - adoptAtStage)));
    const direction = tool.stages.every((s) => s > adoptAtStage)
      ? "built for more mature teams"
      : "outgrown by teams at this stage";
    add(
      "stage-fit",
      "Stage fit",
      -WEIGHTS.stageFit * nearest * 0.75,
      `Usually ${direction} (stages ${tool.stages.join(", ")})`,
    );
  }

  const capacity = teamCapacity(c.teamSize, teamStage, adoptAtStage);
  if (tool.opsComplexity > capacity) {
    add(
      "ops",
      "Operating effort",
      -WEIGHTS.opsOverCapacity * (tool.opsComplexity - capacity),
      `Ops complexity ${tool.opsComplexity}/5 is heavy for your team`,
    );
  } else if (tool.opsComplexity <= 2) {
    add("ops", "Operating effort", 0.3, `Little to operate (${tool.opsComplexity}/5)`);
  }
  if (tool.learningCurve > capacity + 0.5) {
    add(
      "learning",
      "Learning curve",
      -WEIGHTS.learningOverCapacity * (tool.learningCurve - capacity - 0.5),
      `Learning curve ${tool.learningCurve}/5 is steep for your team`,
    );
  }

  if (tool.needsKubernetes && c.kubernetes === "yes")
    add("kubernetes", "Kubernetes", WEIGHTS.kubernetesNative, "Builds on the Kubernetes cluster you already run");

  const managed = tool.hosting.some((h) => h === "managed-saas" || h === "cloud-service");
  const selfHosted = tool.hosting.includes("self-hosted");
  if (c.hostingPreference === "managed") {
    add(
      "hosting",
      "Hosting preference",
      managed ? WEIGHTS.hostingPreference : -WEIGHTS.hostingPreference * 0.5,
      managed ? "Available as a managed service, as you prefer" : "Self-hosted only; you prefer managed services",
    );
  } else if (c.hostingPreference === "self-hosted") {
    add(
      "hosting",
      "Hosting preference",
      selfHosted ? WEIGHTS.hostingPreference : -WEIGHTS.hostingPreference,
      selfHosted ? "Can be self-hosted, as you prefer" : "Hosted only; you prefer to self-host",
    );
  }

  // The cloud provider's own services (not multi-cloud products that happen to run there).
  const isProviderService = tool.hosting.includes("cloud-service") && tool.clouds.length === 1;
  if (
    isProviderService &&
    (c.cloud === "aws" || c.cloud === "gcp" || c.cloud === "azure") &&
    tool.clouds.includes(c.cloud)
  ) {
    const weight =
      c.hostingPreference === "managed"
        ? WEIGHTS.cloudNativeManaged
        : c.hostingPreference === "self-hosted"
          ? WEIGHTS.cloudNative * 0.25
          : WEIGHTS.cloudNative;
    add(
      "cloud",
      "Cloud fit",
      weight,
      `Native to ${c.cloud.toUpperCase()}, your cloud: its identity, networking and billing, no new vendor`,
    );
  }

  if (c.licensePolicy === "prefer-open-source") {
    add(
      "license",
      "Licence",
      tool.isOpenSource ? WEIGHTS.preferOpenSource : -WEIGHTS.preferOpenSource * 0.5,
      tool.isOpenSource ? "Open source, as you prefer" : "Not open source; you prefer open source",
    );
  }

  const budgetPenalty: Record<Constraints["budget"], Partial<Record<RecommenderTool["pricing"], number>>> = {
    none: { freemium: 1, "pay-as-you-go": 1.5, "open-core": 0.1 },
    small: { paid: 1, freemium: 0.2, "pay-as-you-go": 0.3 },
    moderate: { paid: 0.3 },
    large: {},
  };
  const penalty = budgetPenalty[c.budget][tool.pricing] ?? 0;
  if (penalty > 0)
    add(
      "budget",
      "Budget",
      -WEIGHTS.budget * penalty,
      `${PRICING_LABELS[tool.pricing]} strains a ${c.budget === "none" ? "zero" : c.budget} tooling budget`,
    );
  else if (tool.pricing === "open-source" && (c.budget === "none" || c.budget === "small"))
    add("budget", "Budget", 0.3, "Free to use");

  if (tool.status === "maintenance")
    add("status", "Project health", -WEIGHTS.maintenanceOnly, "In maintenance only: few new features or fixes");
  const onTeamCloud = isProviderService && tool.clouds.includes(c.cloud as "aws");
  for (const risk of tool.risks) {
    // Depending on your own cloud provider is a commitment already made, not a new risk.
    if (risk.kind === "single-vendor" && onTeamCloud) continue;
    const weight = risk.kind === "end-of-life-announced" ? 3 : risk.kind === "low-activity" ? 1.5 : 1;
    add(`risk-${risk.kind}`, "Risk signal", -WEIGHTS.riskSignal * weight, risk.note);
  }

  add(
    "ecosystem",
    "Ecosystem",
    (WEIGHTS.ecosystem * Math.log2(1 + tool.integrations.length)) / 3,
    `${tool.integrations.length} native integrations in the catalog`,
  );
  return parts;
}

export function total(parts: ScoreComponent[]): number {
  return round2(parts.reduce((sum, p) => sum + p.points, 0));
}
