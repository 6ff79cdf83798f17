import type { MaturityStage } from "../catalog/vocabulary";
import type { PreparedCatalog } from "./prepared-catalog";
import { isPlatform } from "./relations";
import { WEIGHTS } from "./scoring";
import type { Horizon, RecommenderTool, ScoreComponent } from "./types";

const HORIZON_RANK: Record<Horizon, number> = { now: 0, next: 1, later: 2 };

/**
 * What is in the stack so far: the tools in use that stay, and the tools decided, with the jobs they were decided
 * for. Points that depend on the stack are only ever given towards what is already in it, so two picks can never
 * prop each other up.
 */
export class Stack {
  /** slug → the capabilities it fills (empty for a tool in use that fills no planned job yet). */
  readonly jobs = new Map<string, string[]>();
  /** slug → the earliest horizon it is adopted at ("in-use" for tools the team has). */
  readonly since = new Map<string, Horizon | "in-use">();
  /** capability → the tool decided for it. */
  readonly picks = new Map<string, RecommenderTool | null>();
  /** What the tools in the stack imply (a Git host implies Git) → the tool that brings it. */
  private readonly implying = new Map<string, string>();
  platform: RecommenderTool | null = null;

  constructor(
    staying: Iterable<string>,
    private readonly p: PreparedCatalog,
  ) {
    for (const slug of staying) {
      const tool = p.bySlug.get(slug);
      if (tool) this.enter(tool, "in-use");
    }
  }

  private enter(tool: RecommenderTool, since: Horizon | "in-use") {
    if (!this.jobs.has(tool.slug)) this.jobs.set(tool.slug, []);
    const before = this.since.get(tool.slug);
    if (
      before === undefined ||
      (before !== "in-use" && since !== "in-use" && HORIZON_RANK[since] < HORIZON_RANK[before])
    )
      this.since.set(tool.slug, since);
    for (const implied of tool.relations.implies)
      if (!this.implying.has(implied)) this.implying.set(implied, tool.slug);
    if (isPlatform(tool) && !this.platform) this.platform = tool;
  }

  has(slug: string): boolean {
    return this.jobs.has(slug);
  }

  /** A part of a platform already in the stack (SageMaker Pipelines when SageMaker is there). */
  isPartOfStackPlatform(tool: RecommenderTool): boolean {
    const platform = this.p.relations.platformOf(tool.slug);
    return platform !== undefined && this.has(platform);
  }

  /** A tool the team does not run yet (a part of a platform it runs still counts: it is one more thing to learn). */
  isNew(tool: RecommenderTool): boolean {
    return !this.has(tool.slug);
  }

  /** In the stack for a job that is its main job (or in use, where the team runs it for its main job). */
  isThereForMainJob(tool: RecommenderTool): boolean {
    if (this.since.get(tool.slug) === "in-use") return true;
    return (this.jobs.get(tool.slug) ?? []).some((job) => tool.capabilities.primary.includes(job));
  }

  /**
   * Would adopting this tool bring a rival of something the stack has: a second Git host, say (GitLab CI brings
   * GitLab, which implies Git, which GitHub in the stack already brings)?
   */
  bringsRival(tool: RecommenderTool): boolean {
    if (this.has(tool.slug)) return false;
    for (const brings of this.p.implied.get(tool.slug) ?? []) {
      if (this.has(brings)) continue;
      for (const implied of this.p.bySlug.get(brings)?.relations.implies ?? []) {
        const holder = this.implying.get(implied);
        if (holder !== undefined && holder !== brings) return true;
      }
    }
    return false;
  }

  add(tool: RecommenderTool, capability: string | null, horizon: Horizon) {
    this.enter(tool, horizon);
    const jobs = this.jobs.get(tool.slug)!;
    if (capability && !jobs.includes(capability)) jobs.push(capability);
  }
}

/** What the stack-dependent points need to know about the job being decided. */
export type JobContext = {
  capability: string;
  /** Capabilities whose picks this job's pick must work with, either way round. */
  coupledWith: readonly string[];
  nameOf: (capability: string) => string;
  stage: MaturityStage;
};

function reuseShare(tool: RecommenderTool, capability: string, partOfPlatform: boolean): number {
  if (tool.capabilities.primary.includes(capability)) return 1;
  return isPlatform(tool) || partOfPlatform ? WEIGHTS.reusePlatformShare : WEIGHTS.reuseSecondaryShare;
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/**
 * Points that depend on the picks decided so far: reuse (fewer tools), coupling (CI with the code host),
 * companionship (Grafana with Prometheus) and native integrations. Pushes each with its sentence when `parts` is
 * given; returns the total either way.
 */
export function stackScore(
  tool: RecommenderTool,
  job: JobContext,
  stack: Stack,
  p: PreparedCatalog,
  parts: ScoreComponent[] | null,
): number {
  let sum = 0;
  const inPlatform = stack.isPartOfStackPlatform(tool);
  if (stack.has(tool.slug) || inPlatform) {
    const points = round2(WEIGHTS.reuse[job.stage] * reuseShare(tool, job.capability, inPlatform));
    sum += points;
    if (parts) {
      let note: string;
      if (inPlatform)
        note = `Part of ${p.bySlug.get(p.relations.platformOf(tool.slug)!)?.name ?? "a platform"} you already have`;
      else if (stack.since.get(tool.slug) === "in-use") note = "You already run it: no new tool to learn";
      else {
        const jobs = (stack.jobs.get(tool.slug) ?? []).filter((j) => j !== job.capability).map(job.nameOf);
        note = `Already in your stack for ${jobs.join(", ") || "another job"}: no new tool to learn`;
      }
      parts.push({ key: "reuse", label: "Fewer tools", points, note });
    }
  }
  // A part of a platform the team already runs (GitHub Actions on GitHub) needs no new vendor, account or hosting
  // decision: the preferences that count against a new product were settled when the platform was chosen.
  if (inPlatform && !stack.has(tool.slug)) {
    const platform = p.relations.platformOf(tool.slug)!;
    if (stack.since.get(platform) === "in-use") {
      sum += WEIGHTS.sameVendor;
      if (parts)
        parts.push({
          key: "same-vendor",
          label: "Same vendor",
          points: WEIGHTS.sameVendor,
          note: `Part of ${p.bySlug.get(platform)?.name ?? platform}, which you already run: no new vendor, account or hosting decision`,
        });
    }
  }
  const partners = p.partners.get(tool.slug)!;
  const companions = p.relations.companionsOf(tool.slug);
  for (const coupled of job.coupledWith) {
    const other = stack.picks.get(coupled);
    if (!other) continue;
    const works =
      other.slug === tool.slug ||
      partners.has(other.slug) ||
      companions.has(other.slug) ||
      tool.relations.implies.includes(other.slug);
    const points = works ? WEIGHTS.coupled : -WEIGHTS.coupled;
    sum += points;
    if (parts) {
      const name = job.nameOf(coupled);
      parts.push({
        key: `coupled-${coupled}`,
        label: `Fits your ${name}`,
        points,
        note: works
          ? `Works with ${other.name}, your ${name}`
          : `No native integration with ${other.name}, your ${name}`,
      });
    }
  }
  let companionCount = 0;
  for (const slug of companions) if (stack.has(slug)) companionCount += 1;
  if (companionCount > 0) {
    sum += WEIGHTS.companion;
    if (parts) {
      const names = [...companions].filter((slug) => stack.has(slug)).map((s) => p.bySlug.get(s)?.name ?? s);
      parts.push({
        key: "companion",
        label: "Goes with your stack",
        points: WEIGHTS.companion,
        note: `Made to be used with ${names.sort().join(", ")}`,
      });
    }
  }
  let integrated = 0;
  // Whichever list is shorter is walked: the stack (a dozen tools) or the tool's integrations (up to dozens).
  if (stack.jobs.size < partners.size) {
    for (const slug of stack.jobs.keys()) if (slug !== tool.slug && partners.has(slug)) integrated += 1;
  } else for (const partner of partners) if (partner !== tool.slug && stack.has(partner)) integrated += 1;
  if (integrated > 0) {
    const points = round2(Math.min(WEIGHTS.integrationCap, WEIGHTS.integrationWithStack * integrated));
    sum += points;
    if (parts) {
      const names = tool.integrations
        .filter((s) => s !== tool.slug && stack.has(s))
        .map((s) => p.bySlug.get(s)?.name ?? s)
        .sort();
      parts.push({
        key: "integration",
        label: "Integrates with the stack",
        points,
        note: `Works natively with ${names.slice(0, 3).join(", ")}${names.length > 3 ? ` and ${names.length - 3} more of your tools` : ""}`,
      });
    }
  }
  return sum;
}
