import { isOpenSourceLicense } from "./licenses";
import type { Freshness, ToolInput } from "./schema";
import type { RiskKind, SourceFact, ToolStatus } from "./vocabulary";

/**
 * How old a catalog entry's facts may be before we tell users they may be out of date, and what the refresh
 * command read from the tool's repository. Pure: every function takes "today" (YYYY-MM-DD, UTC) as a parameter.
 * The review-interval table is documented in docs/catalog-content.md ("Review intervals").
 */

/** Days between reviews, by how fast an entry's facts change. `reviewIntervalDays` on an entry overrides them. */
export const REVIEW_INTERVAL_DAYS = {
  /** LLMOps tools, commercial or SaaS-only products, tools with an ownership or activity risk, tools in maintenance. */
  volatile: 90,
  /** Everything in between: open core, cloud services, source-available licences. */
  standard: 180,
  /** Open-source projects under an OSI licence without risk signals, and retired tools (their facts are settled). */
  stable: 365,
} as const;

/** The lifecycle phase whose capabilities make a tool an LLMOps tool (content/phases.yaml). */
export const LLMOPS_PHASE = "llmops";

/** Risks that mean status, licence or ownership may change any quarter. */
const VOLATILE_RISKS: readonly RiskKind[] = ["acquired", "relicensed", "end-of-life-announced", "low-activity"];
const RETIRED: readonly ToolStatus[] = ["sunset", "deprecated", "renamed"];

/** Why an entry has the review interval it has; `reason` completes "reviewed every N days: …". */
export type ReviewInterval = {
  days: number;
  basis: "entry" | "retired" | "llmops" | "risk" | "maintenance" | "commercial" | "saas-only" | "open-source" | "other";
  reason: string;
};

/** What the interval rules need to know about the rest of the catalog. */
export type ReviewContext = { llmopsCapabilities: ReadonlySet<string> };

export function reviewContextOf(capabilities: readonly { slug: string; phase: string }[]): ReviewContext {
  return { llmopsCapabilities: new Set(capabilities.filter((c) => c.phase === LLMOPS_PHASE).map((c) => c.slug)) };
}

export type ReviewedTool = Pick<
  ToolInput,
  "lastReviewed" | "reviewIntervalDays" | "status" | "pricing" | "hosting" | "license" | "risks" | "capabilities"
>;

/**
 * The review interval of an entry: its own `reviewIntervalDays` when set, otherwise the first rule that matches, in
 * this order: retired (365), LLMOps primary capability (90), volatile risk (90), maintenance (90), paid or freemium
 * (90), managed SaaS only (90), open source under an OSI licence (365), anything else (180).
 */
export function reviewInterval(tool: ReviewedTool, context: ReviewContext): ReviewInterval {
  const { volatile, standard, stable } = REVIEW_INTERVAL_DAYS;
  if (tool.reviewIntervalDays !== null)
    return { days: tool.reviewIntervalDays, basis: "entry", reason: "set on the entry" };
  if (RETIRED.includes(tool.status))
    return { days: stable, basis: "retired", reason: "retired, its facts are settled" };
  if (tool.capabilities.primary.some((c) => context.llmopsCapabilities.has(c)))
    return { days: volatile, basis: "llmops", reason: "an LLMOps tool" };
  const risk = tool.risks.find((r) => VOLATILE_RISKS.includes(r.kind));
  if (risk) return { days: volatile, basis: "risk", reason: `risk: ${risk.kind.replace(/-/g, " ")}` };
  if (tool.status === "maintenance") return { days: volatile, basis: "maintenance", reason: "in maintenance mode" };
  if (tool.pricing === "paid" || tool.pricing === "freemium")
    return { days: volatile, basis: "commercial", reason: `${tool.pricing} pricing` };
  if (tool.hosting.length === 1 && tool.hosting[0] === "managed-saas")
    return { days: volatile, basis: "saas-only", reason: "sold as a managed service only" };
  if (tool.pricing === "open-source" && isOpenSourceLicense(tool.license))
    return { days: stable, basis: "open-source", reason: "a stable open-source project" };
  return { days: standard, basis: "other", reason: "the default" };
}

const DAY_MS = 86_400_000;

function utc(date: string): number {
  return Date.parse(`${date}T00:00:00Z`);
}

/** The calendar day `days` after `date` (both YYYY-MM-DD). */
export function addDays(date: string, days: number): string {
  return new Date(utc(date) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((utc(to) - utc(from)) / DAY_MS);
}

/** The UTC calendar day of an instant: how callers with a clock turn it into "today". */
export function dayOf(instant: Date): string {
  return instant.toISOString().slice(0, 10);
}

export type ReviewDue = ReviewInterval & {
  /** The last day the entry counts as current: `lastReviewed` + interval. */
  dueOn: string;
  /** Today is after `dueOn`: pages show "may be out of date". */
  isOutOfDate: boolean;
  /** Days since `dueOn`; 0 while the entry is current. */
  daysOverdue: number;
};

export function reviewDue(tool: ReviewedTool, today: string, context: ReviewContext): ReviewDue {
  const interval = reviewInterval(tool, context);
  const dueOn = addDays(tool.lastReviewed, interval.days);
  const overdue = daysBetween(dueOn, today);
  return { ...interval, dueOn, isOutOfDate: overdue > 0, daysOverdue: Math.max(0, overdue) };
}

/** True when the entry is past its review interval: the day after `lastReviewed` + interval, and later. */
export function isOutOfDate(tool: ReviewedTool, today: string, context: ReviewContext): boolean {
  return reviewDue(tool, today, context).isOutOfDate;
}

/** Entries past their review interval with their due dates, longest overdue first (then by slug). */
export function entriesDueForReview<T extends ReviewedTool & { slug: string }>(
  tools: readonly T[],
  today: string,
  context: ReviewContext,
): { tool: T; review: ReviewDue }[] {
  return tools
    .map((tool) => ({ tool, review: reviewDue(tool, today, context) }))
    .filter(({ review }) => review.isOutOfDate)
    .sort((a, b) => a.review.dueOn.localeCompare(b.review.dueOn) || a.tool.slug.localeCompare(b.tool.slug));
}

/** The set of slugs past their review interval: what a report needs to badge its picks. */
export function outOfDateSlugs(
  tools: readonly (ReviewedTool & { slug: string })[],
  today: string,
  context: ReviewContext,
): ReadonlySet<string> {
  return new Set(tools.filter((t) => isOutOfDate(t, today, context)).map((t) => t.slug));
}

/** Whole calendar months from `from` to `to` (a month counts once its day of month is reached). */
export function monthsBetween(from: string, to: string): number {
  const [fy, fm, fd] = from.split("-").map(Number) as [number, number, number];
  const [ty, tm, td] = to.split("-").map(Number) as [number, number, number];
  return (ty - fy) * 12 + (tm - fm) - (td < fd ? 1 : 0);
}

/**
 * How long ago `date` was, as people say it: "today", "yesterday", "5 days ago", "3 weeks ago", "4 months ago",
 * "2 years ago". Months from two to 23, then whole years. A date after today (clocks differ) reads "today".
 */
export function relativeAge(date: string, today: string): string {
  const days = daysBetween(date, today);
  if (days <= 0) return "today";
  if (days === 1) return "yesterday";
  if (days < 14) return `${days} days ago`;
  const months = monthsBetween(date, today);
  if (months < 2) return `${Math.floor(days / 7)} weeks ago`;
  if (months < 24) return `${months} months ago`;
  return `${Math.floor(months / 12)} years ago`;
}

/** Facts every entry must back with a dated source (docs/catalog-content.md, "Sources"). */
export const REQUIRED_SOURCE_FACTS = ["status", "license", "pricing"] as const satisfies readonly SourceFact[];
export type RequiredSourceFact = (typeof REQUIRED_SOURCE_FACTS)[number];

/** The required facts that no source of the entry supports, in REQUIRED_SOURCE_FACTS order. */
export function undatedFacts(tool: Pick<ToolInput, "sources">): RequiredSourceFact[] {
  const supported = new Set(tool.sources.flatMap((s) => s.supports));
  return REQUIRED_SOURCE_FACTS.filter((fact) => !supported.has(fact));
}

/** A repository with no release (or, without releases, no push) for this long is a risk signal. */
export const STALE_REPOSITORY_MONTHS = 12;

export type RepositorySignal =
  { kind: "archived" } | { kind: "no-recent-release"; since: string } | { kind: "no-recent-activity"; since: string };

/**
 * What the refresh found worrying about a repository, judged at the day it looked (`freshness.checked`), so the
 * answer does not change with the clock: archived; else no release for STALE_REPOSITORY_MONTHS; else, for a
 * repository that publishes no releases, no push for as long. Null when nothing is known or all is well.
 */
export function repositorySignal(freshness: Freshness | null): RepositorySignal | null {
  if (!freshness) return null;
  if (freshness.archived) return { kind: "archived" };
  const { checked, latestRelease, lastActivity } = freshness;
  if (latestRelease) {
    return monthsBetween(latestRelease.date, checked) >= STALE_REPOSITORY_MONTHS
      ? { kind: "no-recent-release", since: latestRelease.date }
      : null;
  }
  if (lastActivity && monthsBetween(lastActivity, checked) >= STALE_REPOSITORY_MONTHS)
    return { kind: "no-recent-activity", since: lastActivity };
  return null;
}
