import {
  freshnessFromGitHub,
  isMoved,
  ZGitHubRelease,
  ZGitHubRepo,
  type GitHubRelease,
  type GitHubRepository,
} from "@/domain/catalog/github-freshness";
import type { Freshness } from "@/domain/catalog/schema";

/**
 * Reads latest release, last push and the archived flag of catalog repositories from GitHub's REST API, for
 * `npm run catalog:refresh`. Two requests per repository (the repository, then its latest release), a small pool of
 * them at a time, and GitHub's rate-limit headers obeyed: a short wait is waited out, a long one stops the run with
 * what was read so far. A failed connection stops everything: the caller reports "offline" and writes nothing.
 * `fetch`, the clock and `sleep` are parameters, so the tests replay recorded answers without a network.
 */

export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

export type RefreshTarget = { slug: string; repository: GitHubRepository };

export type RepositoryOutcome =
  | { kind: "checked"; freshness: Freshness; movedTo: string | null }
  | { kind: "not-found" }
  | { kind: "error"; message: string };

export type RefreshRun = {
  outcomes: Map<string, RepositoryOutcome>;
  /** Why the run ended early, if it did; the slugs in `unchecked` were not read. */
  stopped:
    | null
    | { reason: "offline"; detail: string }
    | { reason: "rate-limited"; resetAt: Date | null; unchecked: string[] };
};

export type RefreshOptions = {
  fetch: FetchLike;
  /** A GitHub token raises the limit from 60 to 5,000 requests an hour; public data needs no scope. */
  token?: string;
  /** The day written as `freshness.checked` (YYYY-MM-DD). */
  today: string;
  now: () => Date;
  sleep: (ms: number) => Promise<void>;
  /** Requests in flight at once. GitHub asks clients not to hammer the API; a few in parallel is polite. */
  concurrency?: number;
  /** Wait for a rate-limit reset at most this long; beyond it the run stops. */
  maxWaitMs?: number;
  /** Each request gives up after this long (a silent network is offline, not slow). */
  timeoutMs?: number;
  onOutcome?: (slug: string, outcome: RepositoryOutcome, done: number, total: number) => void;
  onWait?: (ms: number, why: string) => void;
};

export const GITHUB_API = "https://api.github.com";
/** Parallel requests: two per repository, so four repositories are read at a time. */
const DEFAULT_CONCURRENCY = 4;
/** GitHub's advice for a secondary limit without Retry-After is to wait at least a minute. */
const DEFAULT_MAX_WAIT_MS = 65_000;
const DEFAULT_TIMEOUT_MS = 20_000;
const MAX_RETRIES = 2;

/** Thrown when the network fails (DNS, refused or reset connection, timeout): nothing from this run is trusted. */
export class GitHubUnreachableError extends Error {
  constructor(readonly detail: string) {
    super(`GitHub is unreachable (${detail})`);
  }
}

class RateLimitedError extends Error {
  constructor(readonly resetAt: Date | null) {
    super("rate limited");
  }
}

/** The most specific code of a failed fetch: ENOTFOUND, ECONNREFUSED, UND_ERR_CONNECT_TIMEOUT, TimeoutError… */
export function networkErrorDetail(error: unknown): string {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current instanceof Error; depth++) {
    const code = (current as Error & { code?: unknown }).code;
    const host = (current as Error & { hostname?: unknown }).hostname;
    if (typeof code === "string") return typeof host === "string" ? `${code} ${host}` : code;
    if (current.name === "TimeoutError" || current.name === "AbortError") return "no answer in time";
    current = current.cause;
  }
  return error instanceof Error ? error.message : String(error);
}

type Answer = { status: number; body: unknown };

/** One GitHub request, with the rate limit handled: waits when allowed, throws RateLimitedError when not. */
function createRequester(options: RefreshOptions) {
  const maxWait = options.maxWaitMs ?? DEFAULT_MAX_WAIT_MS;
  const timeout = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const headers: Record<string, string> = {
    accept: "application/vnd.github+json",
    "x-github-api-version": "2022-11-28",
    "user-agent": "mlops-stack-advisor-catalog-refresh",
  };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  /** Set once the primary limit is spent: every request waits for (or stops at) the same reset. */
  let exhaustedUntil: Date | null = null;

  async function waitOrStop(until: Date | null, why: string) {
    const ms = until ? until.getTime() - options.now().getTime() : Number.POSITIVE_INFINITY;
    if (ms > maxWait) throw new RateLimitedError(until);
    if (ms > 0) {
      options.onWait?.(ms, why);
      await options.sleep(ms);
    }
  }

  return async function request(path: string): Promise<Answer> {
    for (let attempt = 0; ; attempt++) {
      if (exhaustedUntil) {
        await waitOrStop(exhaustedUntil, "the hourly request limit is spent");
        exhaustedUntil = null;
      }
      let response: Response;
      try {
        response = await options.fetch(`${GITHUB_API}${path}`, {
          headers,
          signal: AbortSignal.timeout(timeout),
        });
      } catch (error) {
        throw new GitHubUnreachableError(networkErrorDetail(error));
      }
      const remaining = response.headers.get("x-ratelimit-remaining");
      const reset = Number(response.headers.get("x-ratelimit-reset"));
      const resetAt = Number.isFinite(reset) && reset > 0 ? new Date(reset * 1000) : null;
      if (remaining === "0" && resetAt && response.ok) exhaustedUntil = resetAt;

      if (response.status === 403 || response.status === 429) {
        const body = await readJson(response);
        const message = messageOf(body);
        const retryAfter = Number(response.headers.get("retry-after"));
        const isPrimary = remaining === "0";
        const isSecondary = Number.isFinite(retryAfter) && retryAfter > 0 ? true : /rate limit/i.test(message);
        if (!isPrimary && !isSecondary) return { status: response.status, body };
        if (attempt >= MAX_RETRIES) throw new RateLimitedError(resetAt);
        const until = isPrimary
          ? resetAt
          : new Date(options.now().getTime() + (retryAfter > 0 ? retryAfter * 1000 : 60_000));
        await waitOrStop(until, isPrimary ? "the hourly request limit is spent" : "GitHub asked to slow down");
        continue;
      }
      return { status: response.status, body: await readJson(response) };
    }
  };
}

async function readJson(response: Response): Promise<unknown> {
  try {
    return (await response.json()) as unknown;
  } catch {
    return null;
  }
}

function messageOf(body: unknown): string {
  return typeof body === "object" && body !== null && typeof (body as { message?: unknown }).message === "string"
    ? (body as { message: string }).message
    : "";
}

/** Reads one repository: GET /repos/{owner}/{repo}, then its latest release (404 there means "no releases"). */
async function readRepository(
  request: (path: string) => Promise<Answer>,
  target: RefreshTarget,
  today: string,
): Promise<RepositoryOutcome> {
  const { owner, repo } = target.repository;
  const repoAnswer = await request(`/repos/${encodeURIComponent(owner)}/${encodeURIComponent(repo)}`);
  if (repoAnswer.status === 404) return { kind: "not-found" };
  if (repoAnswer.status !== 200)
    return { kind: "error", message: `GitHub answered ${repoAnswer.status} ${messageOf(repoAnswer.body)}`.trim() };
  const parsedRepo = ZGitHubRepo.safeParse(repoAnswer.body);
  if (!parsedRepo.success) return { kind: "error", message: "unexpected repository answer from GitHub" };

  // The canonical name: a renamed or transferred repository is read where it lives now.
  const releaseAnswer = await request(`/repos/${parsedRepo.data.full_name}/releases/latest`);
  let release: GitHubRelease | null = null;
  if (releaseAnswer.status === 200) {
    const parsedRelease = ZGitHubRelease.safeParse(releaseAnswer.body);
    if (!parsedRelease.success) return { kind: "error", message: "unexpected release answer from GitHub" };
    release = parsedRelease.data;
  } else if (releaseAnswer.status !== 404) {
    return {
      kind: "error",
      message: `GitHub answered ${releaseAnswer.status} ${messageOf(releaseAnswer.body)} for the latest release`.trim(),
    };
  }
  return {
    kind: "checked",
    freshness: freshnessFromGitHub(parsedRepo.data, release, today),
    movedTo: isMoved(target.repository, parsedRepo.data) ? `https://github.com/${parsedRepo.data.full_name}` : null,
  };
}

/**
 * Reads every target, `concurrency` repositories at a time. Stops early when GitHub is unreachable (every outcome
 * is then discarded by the caller) or when the rate limit would make it wait longer than `maxWaitMs`.
 */
export async function readRepositories(targets: RefreshTarget[], options: RefreshOptions): Promise<RefreshRun> {
  const request = createRequester(options);
  const run: RefreshRun = { outcomes: new Map(), stopped: null };
  let next = 0;

  async function worker() {
    while (!run.stopped && next < targets.length) {
      const target = targets[next++]!;
      try {
        // A repository read in full while another request hit the rate limit is still a good answer: keep it.
        const outcome = await readRepository(request, target, options.today);
        run.outcomes.set(target.slug, outcome);
        options.onOutcome?.(target.slug, outcome, run.outcomes.size, targets.length);
      } catch (error) {
        if (error instanceof GitHubUnreachableError) run.stopped ??= { reason: "offline", detail: error.detail };
        else if (error instanceof RateLimitedError)
          run.stopped ??= { reason: "rate-limited", resetAt: error.resetAt, unchecked: [] };
        else throw error;
      }
    }
  }

  const workers = Math.max(1, Math.min(options.concurrency ?? DEFAULT_CONCURRENCY, targets.length));
  await Promise.all(Array.from({ length: workers }, worker));
  if (run.stopped?.reason === "rate-limited")
    run.stopped.unchecked = targets.map((t) => t.slug).filter((slug) => !run.outcomes.has(slug));
  return run;
}
