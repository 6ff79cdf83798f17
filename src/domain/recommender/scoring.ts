import type { Constraints } from "../assessment/constraints";
import { CLOUD_LABELS, type MaturityStage, type TeamSize } from "../catalog/vocabulary";
import { teamPhrase, jobName } from "./texts";
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
  /** Little to operate: a small, honest advantage for any team. */
  lightToOperate: 0.3,
  hostingPreference: 1.2,
  /** A native service of the team's chosen cloud integrates with its identity, networking and billing. */
  cloudNative: 0.8,
  /** …and worth more to a team that wants managed services: one vendor, one bill, one identity system. */
  cloudNativeManaged: 2.2,
  /** A cloud-only service covers only that cloud's part of a hybrid or multi-cloud estate. */
  partialEstate: 1,
  /** …which disqualifies it for a critical job that must span the whole estate (secrets, identity, monitoring). */
  partialEstateCritical: 3,
  preferOpenSource: 1,
  budget: 1,
  maintenanceOnly: 1.5,
  riskSignal: 0.35,
  /** Ecosystem breadth: log-scaled count of catalog integrations. Small: breadth is not fit. */
  ecosystem: 0.45,
  /** A team that already runs Kubernetes gets more from tools built on it. */
  kubernetesNative: 0.6,
  /** Per integration with a pick already decided, up to `integrationCap`. */
  integrationWithStack: 0.4,
  integrationCap: 1.2,
  /** Working (or not) with the decided pick of a coupled capability, e.g. CI with the code host. */
  coupled: 1.5,
  /** Travels with a decided pick (Grafana with Prometheus): they are meant to be used together. */
  companion: 1.2,
  /** Per other job due now that the same tool would also cover (one tool for several pulled needs), up to the cap. */
  coversMoreNow: 0.6,
  coversMoreCap: 1.2,
  /** A part of a platform the team runs needs no new vendor, account or hosting decision. */
  sameVendor: 1,
  /** The named successor of a retired tool the team uses: the path its maintainers prepared. */
  successor: 2,
  /** Reusing a tool already in the stack for another job adds no new tool to learn and run. */
  reuse: { 1: 2.5, 2: 2, 3: 1.5, 4: 1 } satisfies Record<MaturityStage, number>,
  /** Share of the reuse bonus when the tool does this job only on the side. */
  reuseSecondaryShare: 0.4,
  /** …unless the tool is an ML platform (or a part of one): its side features are first-class parts of a product you run. */
  reusePlatformShare: 0.9,
} as const;

/** How much operational complexity (1–5) a team can carry, by size; a higher stage brings practice. */
const CAPACITY: Record<TeamSize, number> = { solo: 2, small: 3, medium: 3.75, large: 4.5 };

/**
 * The operating capacity of the team when it adopts a capability: its size, plus a little practice per stage. The
 * team is not assumed to grow: a small team's "later" is still run by a small team unless it says otherwise.
 */
export function teamCapacity(
  teamSize: TeamSize,
  teamStage: MaturityStage,
  adoptAtStage: MaturityStage = teamStage,
): number {
  return Math.min(5, CAPACITY[teamSize] + (Math.max(teamStage, adoptAtStage) - 1) * 0.25);
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/** How far each price model strains each budget (times WEIGHTS.budget). */
const BUDGET_PENALTY: Record<Constraints["budget"], Partial<Record<RecommenderTool["pricing"], number>>> = {
  none: { freemium: 0.6, "pay-as-you-go": 1.5 },
  small: { paid: 1, freemium: 0.2, "pay-as-you-go": 0.3 },
  moderate: { paid: 0.3 },
  large: {},
};

const BUDGET_WORDS: Record<Constraints["budget"], string> = {
  none: "zero",
  small: "small",
  moderate: "moderate",
  large: "large",
};

/** What the engine knows about the slot it scores a tool for. */
export type SlotContext = {
  capability: string;
  capabilityName: string;
  /** The stage the capability is adopted at, and the stage teams usually need it from. */
  adoptAtStage: MaturityStage;
  neededFromStage: MaturityStage;
  /** A critical job (secrets, identity, monitoring…): it must span the team's whole estate. */
  critical?: boolean;
};

/** Scores one tool for one capability, independent of the rest of the stack. `today` is YYYY-MM-DD, or null. */
export function scoreTool(
  tool: RecommenderTool,
  slot: SlotContext,
  c: Constraints,
  teamStage: MaturityStage,
  today: string | null = null,
): ScoreComponent[] {
  const parts: ScoreComponent[] = [];
  scoreInto(tool, slot, c, teamStage, today, parts);
  return parts;
}

/** What the numeric fast path needs of a tool, computed once per tool object. */
type ToolFeatures = {
  managed: boolean;
  selfHosted: boolean;
  cloudService: boolean;
  ecosystemPoints: number;
  /** Risk points other than single-vendor (which depends on the team's cloud), each rounded as the parts are. */
  otherRiskPoints: number;
  singleVendorPoints: number;
};
const features = new WeakMap<RecommenderTool, ToolFeatures>();
function featuresOf(tool: RecommenderTool): ToolFeatures {
  let f = features.get(tool);
  if (!f) {
    let otherRiskPoints = 0;
    let singleVendorPoints = 0;
    for (const risk of tool.risks) {
      const weight = risk.kind === "end-of-life-announced" ? 3 : risk.kind === "low-activity" ? 1.5 : 1;
      const points = round2(-WEIGHTS.riskSignal * weight);
      if (risk.kind === "single-vendor") singleVendorPoints += points;
      else otherRiskPoints += points;
    }
    f = {
      managed: tool.hosting.some((h) => h === "managed-saas" || h === "cloud-service"),
      selfHosted: tool.hosting.includes("self-hosted"),
      cloudService: tool.hosting.includes("cloud-service"),
      ecosystemPoints: round2((WEIGHTS.ecosystem * Math.log2(1 + tool.integrations.length)) / 3),
      otherRiskPoints,
      singleVendorPoints,
    };
    features.set(tool, f);
  }
  return f;
}

/**
 * The same total as `total(scoreTool(…))`, without building the explanation: the engine's hot path (every eligible
 * tool for every job). Kept equal to the explained score by a property test (scoring.test.ts).
 */
export function scoreToolTotal(
  tool: RecommenderTool,
  slot: SlotContext,
  c: Constraints,
  teamStage: MaturityStage,
  today: string | null = null,
): number {
  const f = featuresOf(tool);
  let sum = tool.capabilities.primary.includes(slot.capability)
    ? WEIGHTS.primaryCapability
    : WEIGHTS.secondaryCapability;
  const from = slot.adoptAtStage < slot.neededFromStage ? slot.adoptAtStage : slot.neededFromStage;
  const to = slot.adoptAtStage < slot.neededFromStage ? slot.neededFromStage : slot.adoptAtStage;
  let nearest = 9;
  for (const s of tool.stages) {
    const d = s < from ? from - s : s > to ? s - to : 0;
    if (d < nearest) nearest = d;
  }
  sum += nearest === 0 ? WEIGHTS.stageFit : round2(-WEIGHTS.stageFit * nearest * 0.75);
  const capacity = teamCapacity(c.teamSize, teamStage, slot.adoptAtStage);
  if (tool.opsComplexity > capacity) sum += round2(-WEIGHTS.opsOverCapacity * (tool.opsComplexity - capacity));
  else if (tool.opsComplexity <= 2) sum += WEIGHTS.lightToOperate;
  if (tool.learningCurve > capacity + 0.5)
    sum += round2(-WEIGHTS.learningOverCapacity * (tool.learningCurve - capacity - 0.5));
  if (tool.needsKubernetes && c.kubernetes === "yes") sum += WEIGHTS.kubernetesNative;
  if (c.hostingPreference === "managed")
    sum += f.managed ? WEIGHTS.hostingPreference : round2(-WEIGHTS.hostingPreference * 0.5);
  else if (c.hostingPreference === "self-hosted")
    sum += f.selfHosted ? WEIGHTS.hostingPreference : -WEIGHTS.hostingPreference;
  if (c.airGapped && f.selfHosted) sum += 0.2;
  else if (c.cloud === "on-premises" && f.selfHosted) sum += 0.2;
  let native = false;
  if (f.cloudService) {
    for (const cl of tool.clouds) {
      if (cl !== "any" && c.environments.includes(cl)) {
        native = true;
        break;
      }
    }
  }
  if (native) {
    sum +=
      c.hostingPreference === "managed"
        ? WEIGHTS.cloudNativeManaged
        : c.hostingPreference === "self-hosted"
          ? round2(WEIGHTS.cloudNative * 0.25)
          : WEIGHTS.cloudNative;
    if (c.environments.length > 1) sum -= slot.critical ? WEIGHTS.partialEstateCritical : WEIGHTS.partialEstate;
  }
  if (c.licensePolicy === "prefer-open-source")
    sum += tool.isOpenSource ? WEIGHTS.preferOpenSource : round2(-WEIGHTS.preferOpenSource * 0.5);
  const penalty = BUDGET_PENALTY[c.budget][tool.pricing] ?? 0;
  if (penalty > 0) sum += round2(-WEIGHTS.budget * penalty);
  else if (tool.pricing === "open-source" && (c.budget === "none" || c.budget === "small")) sum += 0.3;
  if (tool.status === "maintenance") sum -= WEIGHTS.maintenanceOnly;
  sum += f.otherRiskPoints;
  if (!native) sum += f.singleVendorPoints;
  if (tool.freshness && staleRepository(tool, today)) sum += round2(-WEIGHTS.riskSignal * 1.5);
  sum += f.ecosystemPoints;
  return round2(sum);
}

/** Adds every criterion's points; pushes each with its sentence when `parts` is given. Returns the total. */
function scoreInto(
  tool: RecommenderTool,
  slot: SlotContext,
  c: Constraints,
  teamStage: MaturityStage,
  today: string | null,
  parts: ScoreComponent[] | null,
): number {
  let sum = 0;
  const add = (key: string, label: string, points: number, note: () => string) => {
    if (points === 0) return;
    const rounded = round2(points);
    sum += rounded;
    if (parts) parts.push({ key, label, points: rounded, note: note() });
  };

  const isPrimary = tool.capabilities.primary.includes(slot.capability);
  add("capability", "Capability", isPrimary ? WEIGHTS.primaryCapability : WEIGHTS.secondaryCapability, () =>
    isPrimary ? `Built for ${jobName(slot.capabilityName)}` : "Does this as a side feature",
  );

  // Stage fit is judged over the stages the slot spans: a capability the answers pulled forward is not held
  // against the tools built for it.
  const from = Math.min(slot.adoptAtStage, slot.neededFromStage);
  const to = Math.max(slot.adoptAtStage, slot.neededFromStage);
  if (tool.stages.some((s) => s >= from && s <= to))
    add("stage-fit", "Stage fit", WEIGHTS.stageFit, () => `Suited to teams at stage ${slot.adoptAtStage}`);
  else {
    const nearest = Math.min(...tool.stages.map((s) => (s < from ? from - s : s - to)));
    const direction = tool.stages.every((s) => s > to) ? "built for more mature teams" : "outgrown at this stage";
    add(
      "stage-fit",
      "Stage fit",
      -WEIGHTS.stageFit * nearest * 0.75,
      () => `Usually ${direction} (stages ${tool.stages.join(", ")})`,
    );
  }

  const capacity = teamCapacity(c.teamSize, teamStage, slot.adoptAtStage);
  const team = teamPhrase(c.teamSize);
  if (tool.opsComplexity > capacity) {
    add(
      "ops",
      "Operating effort",
      -WEIGHTS.opsOverCapacity * (tool.opsComplexity - capacity),
      () =>
        `${tool.opsComplexity - capacity >= 1 ? "Heavy" : "A lot"} to operate (${tool.opsComplexity}/5) for ${team}`,
    );
  } else if (tool.opsComplexity <= 2) {
    add(
      "ops",
      "Operating effort",
      WEIGHTS.lightToOperate,
      () => `Little to operate (${tool.opsComplexity}/5) for ${team}`,
    );
  }
  if (tool.learningCurve > capacity + 0.5) {
    add(
      "learning",
      "Learning curve",
      -WEIGHTS.learningOverCapacity * (tool.learningCurve - capacity - 0.5),
      () => `Steep to learn (${tool.learningCurve}/5) for ${team}`,
    );
  }

  if (tool.needsKubernetes && c.kubernetes === "yes")
    add(
      "kubernetes",
      "Kubernetes",
      WEIGHTS.kubernetesNative,
      () => "Runs on the Kubernetes cluster you already operate",
    );

  const managed = tool.hosting.some((h) => h === "managed-saas" || h === "cloud-service");
  const selfHosted = tool.hosting.includes("self-hosted");
  if (c.hostingPreference === "managed") {
    add("hosting", "Hosting preference", managed ? WEIGHTS.hostingPreference : -WEIGHTS.hostingPreference * 0.5, () =>
      managed
        ? "Available as a managed service, as you prefer"
        : "You run it yourself, though you prefer managed services",
    );
  } else if (c.hostingPreference === "self-hosted") {
    add("hosting", "Hosting preference", selfHosted ? WEIGHTS.hostingPreference : -WEIGHTS.hostingPreference, () =>
      selfHosted ? "You can host it yourself, as you prefer" : "Hosted only, though you prefer to self-host",
    );
  }
  if (c.airGapped && selfHosted)
    add("air-gapped", "Air-gapped", 0.2, () => "Installs and runs inside your air-gapped network");
  else if (c.cloud === "on-premises" && selfHosted)
    add("on-premises", "On-premises", 0.2, () => "Runs on your own servers");

  // The cloud provider's own services (not multi-cloud products that happen to run there).
  const providerClouds = tool.hosting.includes("cloud-service") ? tool.clouds.filter((cl) => cl !== "any") : [];
  const estateClouds = c.environments.filter((e) => e !== "on-premises");
  const nativeTo = providerClouds.find((cl) => estateClouds.includes(cl));
  if (nativeTo) {
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
      () => `Native to ${CLOUD_LABELS[nativeTo]}, where you run: its identity, networking and billing, no new vendor`,
    );
    if (c.environments.length > 1)
      add("estate", "Whole estate", slot.critical ? -WEIGHTS.partialEstateCritical : -WEIGHTS.partialEstate, () =>
        slot.critical
          ? `Covers only the ${CLOUD_LABELS[nativeTo]} part of your estate, and this job must span all of it`
          : `Covers only the ${CLOUD_LABELS[nativeTo]} part of your estate`,
      );
  }

  if (c.licensePolicy === "prefer-open-source") {
    add("license", "Licence", tool.isOpenSource ? WEIGHTS.preferOpenSource : -WEIGHTS.preferOpenSource * 0.5, () =>
      tool.isOpenSource ? "Open source, as you prefer" : "Not open source, though you prefer open source",
    );
  }

  const penalty = BUDGET_PENALTY[c.budget][tool.pricing] ?? 0;
  if (penalty > 0)
    add(
      "budget",
      "Budget",
      -WEIGHTS.budget * penalty,
      () => `Its price strains your ${BUDGET_WORDS[c.budget]} tooling budget`,
    );
  else if (tool.pricing === "open-source" && (c.budget === "none" || c.budget === "small"))
    add("budget", "Budget", 0.3, () => `Free to use, which suits your ${BUDGET_WORDS[c.budget]} tooling budget`);

  if (tool.status === "maintenance")
    add("status", "Project health", -WEIGHTS.maintenanceOnly, () => "In maintenance only: few new features or fixes");
  const onTeamCloud = nativeTo !== undefined;
  for (const risk of tool.risks) {
    // Depending on your own cloud provider is a commitment already made, not a new risk.
    if (risk.kind === "single-vendor" && onTeamCloud) continue;
    const weight = risk.kind === "end-of-life-announced" ? 3 : risk.kind === "low-activity" ? 1.5 : 1;
    add(`risk-${risk.kind}`, "Risk signal", -WEIGHTS.riskSignal * weight, () => risk.note);
  }
  const stale = staleRepository(tool, today);
  if (stale) add("risk-stale", "Risk signal", -WEIGHTS.riskSignal * 1.5, () => stale);

  add(
    "ecosystem",
    "Ecosystem",
    (WEIGHTS.ecosystem * Math.log2(1 + tool.integrations.length)) / 3,
    () => `${tool.integrations.length} native integrations in the catalog`,
  );
  return round2(sum);
}

/** Days between two YYYY-MM-DD dates. */
function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** A repository archived, or without a release for a year, as last read by `npm run catalog:refresh`. */
export function staleRepository(tool: Pick<RecommenderTool, "freshness">, today: string | null): string | null {
  const f = tool.freshness;
  if (!f) return null;
  if (f.archived) return `Its repository was archived (read-only) as of ${f.checked}`;
  if (today && f.latestRelease && daysBetween(f.latestRelease.date, today) > 365)
    return `No release for over a year (last ${f.latestRelease.version}, ${f.latestRelease.date})`;
  return null;
}

export function total(parts: ScoreComponent[]): number {
  return round2(parts.reduce((sum, p) => sum + p.points, 0));
}
