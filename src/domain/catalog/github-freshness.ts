import { z } from "zod";
import type { Freshness } from "./schema";

/**
 * The pure half of `npm run catalog:refresh`: which catalog repositories live on GitHub, what of GitHub's REST
 * answers we keep, and how a change reads in the dry run. The requests themselves are in
 * src/server/catalog/github-freshness-client.ts. See docs/decisions/016-catalog-refresh.md.
 */

export type GitHubRepository = { owner: string; repo: string };

const NAME = /^[A-Za-z0-9_.-]{1,100}$/;

/**
 * owner/repo of a github.com repository URL (with or without www., a trailing .git, or a path inside the repository
 * such as /tree/main/sdk); null for anything else (GitLab, SVN, a github.io site, an organisation page).
 */
export function parseGitHubRepository(url: string | null): GitHubRepository | null {
  if (!url) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (!/^(www\.)?github\.com$/i.test(parsed.hostname)) return null;
  const [owner, rawRepo] = parsed.pathname.split("/").filter(Boolean);
  const repo = rawRepo?.replace(/\.git$/i, "");
  if (!owner || !repo || !NAME.test(owner) || !NAME.test(repo)) return null;
  return { owner, repo };
}

/** The fields of `GET /repos/{owner}/{repo}` we read; GitHub sends many more. */
export const ZGitHubRepo = z.object({
  full_name: z.string().min(3),
  archived: z.boolean(),
  /** The last push to any branch; null for an empty repository. */
  pushed_at: z.string().nullable(),
});
export type GitHubRepo = z.infer<typeof ZGitHubRepo>;

/** The fields of `GET /repos/{owner}/{repo}/releases/latest` we read (the newest full release, no drafts or pre-releases). */
export const ZGitHubRelease = z.object({
  tag_name: z.string().min(1),
  published_at: z.string().nullable(),
  created_at: z.string(),
});
export type GitHubRelease = z.infer<typeof ZGitHubRelease>;

const MAX_VERSION_LENGTH = 80;

/** A GitHub timestamp (2026-11-20T14:03:11Z) as the calendar day it fell on in UTC; null when unparseable. */
function dayOfTimestamp(value: string | null): string | null {
  if (!value) return null;
  const time = Date.parse(value);
  return Number.isNaN(time) ? null : new Date(time).toISOString().slice(0, 10);
}

/**
 * What we store from GitHub's answers. A repository without a GitHub release gets `latestRelease: null` (tags are not
 * read: their API carries no date and is not ordered by time); its last push still shows whether it is alive.
 */
export function freshnessFromGitHub(repo: GitHubRepo, release: GitHubRelease | null, checked: string): Freshness {
  const releaseDay = release ? dayOfTimestamp(release.published_at ?? release.created_at) : null;
  return {
    checked,
    latestRelease:
      release && releaseDay
        ? { version: release.tag_name.trim().slice(0, MAX_VERSION_LENGTH), date: releaseDay }
        : null,
    lastActivity: dayOfTimestamp(repo.pushed_at),
    archived: repo.archived,
  };
}

/** True when GitHub answered for a repository under another owner or name: the catalog's URL should follow it. */
export function isMoved(requested: GitHubRepository, repo: GitHubRepo): boolean {
  return `${requested.owner}/${requested.repo}`.toLowerCase() !== repo.full_name.toLowerCase();
}

/** One line per changed fact, for the dry run ("latest release: v1.2.0 (2026-01-10) → v1.3.0 (2026-03-02)"). */
export function describeFreshnessChange(before: Freshness | null, after: Freshness): string[] {
  const release = (f: Freshness | null) =>
    f === null ? "not checked" : f.latestRelease ? `${f.latestRelease.version} (${f.latestRelease.date})` : "none";
  const activity = (f: Freshness | null) => (f === null ? "not checked" : (f.lastActivity ?? "none"));
  const archived = (f: Freshness | null) => (f === null ? "not checked" : f.archived ? "yes" : "no");
  const lines: string[] = [];
  for (const [label, show] of [
    ["latest release", release],
    ["last push", activity],
    ["archived", archived],
  ] as const) {
    if (show(before) !== show(after)) lines.push(`${label}: ${show(before)} → ${show(after)}`);
  }
  return lines;
}
