import "server-only";
import { planImport } from "@/domain/admin/catalog-transfer";
import { toolInputOf } from "@/domain/admin/snapshots";
import { describeFreshnessChange, parseGitHubRepository } from "@/domain/catalog/github-freshness";
import type { Freshness } from "@/domain/catalog/schema";
import { isRetiredStatus } from "@/domain/catalog/vocabulary";
import { applyCatalogImport, type Actor, type ImportResult } from "./catalog-service";
import { getCatalog } from "../repositories/catalog-repository";
import {
  readRepositories,
  type FetchLike,
  type RefreshTarget,
  type RepositoryOutcome,
} from "./github-freshness-client";

/**
 * `npm run catalog:refresh -- [--apply] [--only slug,slug]`: reads each catalog repository on GitHub, prints what
 * would change in the `freshness` field (a dry run, like catalog:import), and with --apply writes it through the
 * audited import path in one transaction. Offline, it says so in one line and changes nothing.
 * See docs/decisions/016-catalog-refresh.md.
 */

export const REFRESH_ACTOR: Actor = { id: null, label: "cli (catalog:refresh)" };
const SOURCE = "GitHub (catalog:refresh)";

export type RefreshCommandOptions = {
  apply: boolean;
  /** Only these slugs (all tools with a GitHub repository when null). */
  only: string[] | null;
  fetch: FetchLike;
  token?: string;
  now: () => Date;
  sleep: (ms: number) => Promise<void>;
  log: (line: string) => void;
  warn: (line: string) => void;
};

/** Exit codes: 0 done (or a dry run); 1 nothing or not everything written with --apply; 2 bad arguments. */
export async function runCatalogRefresh(options: RefreshCommandOptions): Promise<number> {
  const { log, warn } = options;
  const catalog = await getCatalog();
  const today = options.now().toISOString().slice(0, 10);

  const unknown = (options.only ?? []).filter((slug) => !catalog.tools.some((t) => t.slug === slug));
  if (unknown.length > 0) {
    warn(`Unknown tool slug(s): ${unknown.join(", ")}.`);
    return 2;
  }
  const tools = catalog.tools.filter((t) => options.only === null || options.only.includes(t.slug));
  const targets: RefreshTarget[] = [];
  const elsewhere: string[] = [];
  for (const tool of tools) {
    const repository = parseGitHubRepository(tool.repository);
    if (repository) targets.push({ slug: tool.slug, repository });
    else if (tool.repository) elsewhere.push(tool.slug);
  }
  log(
    `Reading ${targets.length} GitHub ${targets.length === 1 ? "repository" : "repositories"} ` +
      `(${options.token ? "with GITHUB_TOKEN" : "no GITHUB_TOKEN: 60 requests an hour, two per repository"}).`,
  );
  if (elsewhere.length > 0)
    log(`Skipped ${elsewhere.length} whose repository is not a GitHub repository: ${elsewhere.join(", ")}.`);

  const width = String(targets.length).length;
  const run = await readRepositories(targets, {
    fetch: options.fetch,
    token: options.token,
    today,
    now: options.now,
    sleep: options.sleep,
    onOutcome: (slug, outcome, done, total) =>
      log(`[${String(done).padStart(width)}/${total}] ${slug.padEnd(28)} ${describeOutcome(outcome)}`),
    onWait: (ms, why) => log(`Waiting ${Math.ceil(ms / 1000)} s: ${why}.`),
  });

  if (run.stopped?.reason === "offline") {
    warn(`Offline: GitHub is unreachable (${run.stopped.detail}); nothing was changed.`);
    return options.apply ? 1 : 0;
  }

  const bySlug = new Map(tools.map((t) => [t.slug, t]));
  const updates = new Map<string, Freshness>();
  let recheckedOnly = 0;
  const findings: string[] = [];
  const diff: string[] = [];
  for (const target of targets) {
    const outcome = run.outcomes.get(target.slug);
    const tool = bySlug.get(target.slug)!;
    if (!outcome) continue;
    if (outcome.kind === "not-found") findings.push(`${tool.slug}: ${tool.repository} was not found on GitHub.`);
    if (outcome.kind === "error") findings.push(`${tool.slug}: ${outcome.message}.`);
    if (outcome.kind !== "checked") continue;
    if (outcome.movedTo) findings.push(`${tool.slug}: the repository moved to ${outcome.movedTo}.`);
    if (outcome.freshness.archived && !isRetiredStatus(tool.status))
      findings.push(`${tool.slug}: the repository is archived but the entry says "${tool.status}".`);
    if (JSON.stringify(tool.freshness) === JSON.stringify(outcome.freshness)) continue;
    updates.set(tool.slug, outcome.freshness);
    const lines = describeFreshnessChange(tool.freshness, outcome.freshness);
    if (lines.length === 0) {
      recheckedOnly += 1;
      continue;
    }
    diff.push(`~ update ${tool.slug}`, ...lines.map((line) => `    ${line}`));
  }
  for (const line of diff) log(line);
  for (const finding of findings) log(`! ${finding}`);
  log(
    `${updates.size - recheckedOnly} to update, ${recheckedOnly} only re-checked (checked: ${today}), ` +
      `${run.outcomes.size - updates.size} unchanged or not read.`,
  );

  let code = 0;
  if (run.stopped?.reason === "rate-limited") {
    const { resetAt, unchecked } = run.stopped;
    warn(
      `Stopped by GitHub's rate limit${resetAt ? ` (resets ${resetAt.toISOString().slice(11, 16)} UTC)` : ""}: ` +
        `${unchecked.length} not read (${unchecked.slice(0, 8).join(", ")}${unchecked.length > 8 ? ", …" : ""}). ` +
        (options.token ? "Run again after the reset." : "Set GITHUB_TOKEN for 5,000 requests an hour."),
    );
    if (options.apply) code = 1;
  }

  if (!options.apply) {
    if (updates.size > 0) log(`Dry run: nothing was written. Add --apply to write ${updates.size} entries.`);
    return code;
  }
  if (updates.size === 0) return code;
  const result = await applyFreshness(updates, REFRESH_ACTOR);
  if (!result.ok) {
    warn(
      result.reason === "stale"
        ? "The catalog changed while refreshing; nothing was written. Run again."
        : `Refused; nothing was written: ${result.issues.map((i) => i.message).join("; ")}`,
    );
    return 1;
  }
  log(`Applied: ${result.report.updated.length} entries updated.`);
  return code;
}

function describeOutcome(outcome: RepositoryOutcome): string {
  if (outcome.kind === "not-found") return "not found";
  if (outcome.kind === "error") return `error: ${outcome.message}`;
  const { latestRelease, lastActivity, archived } = outcome.freshness;
  return [
    latestRelease ? `release ${latestRelease.version} (${latestRelease.date})` : "no releases",
    `pushed ${lastActivity ?? "never"}`,
    ...(archived ? ["ARCHIVED"] : []),
    ...(outcome.movedTo ? [`moved to ${outcome.movedTo}`] : []),
  ].join(" · ");
}

/**
 * Writes new `freshness` values through the catalog's audited import path, in one transaction. Each entry is taken
 * as it is inside that transaction with only `freshness` replaced, so an edit made while GitHub was being read is
 * kept, not overwritten.
 */
export function applyFreshness(updates: ReadonlyMap<string, Freshness>, actor: Actor): Promise<ImportResult> {
  return applyCatalogImport(
    (catalog) =>
      planImport(catalog, {
        phases: [],
        capabilities: [],
        tools: catalog.tools
          .filter((tool) => updates.has(tool.slug))
          .map((tool, index) => ({
            file: SOURCE,
            index,
            tool: { ...toolInputOf(tool), freshness: updates.get(tool.slug)! },
          })),
      }),
    actor,
    SOURCE,
    undefined,
  );
}
