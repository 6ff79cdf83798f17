import { describe, expect, test } from "vitest";
import { connectionError, fixture, replayGitHub } from "../../../tests/support/github-replay";
import { readRepositories, type RefreshOptions, type RefreshTarget } from "./github-freshness-client";

const TODAY = "2026-12-03";
/** The rate-limit fixtures reset at 2026-12-01T12:00:00Z. */
const RESET = new Date("2026-12-01T12:00:00Z");

function target(slug: string, owner: string, repo: string): RefreshTarget {
  return { slug, repository: { owner, repo } };
}
const MLFLOW = target("mlflow", "mlflow", "mlflow");
const TGI = target("tgi", "huggingface", "text-generation-inference");
const TAGGED = target("tagged", "example-org", "tagged-only");
const GONE = target("gone", "example-org", "gone");

const MLFLOW_ROUTES = {
  "/repos/mlflow/mlflow": "repo-mlflow",
  "/repos/mlflow/mlflow/releases/latest": "release-mlflow",
};

/** Options with a fake clock that `sleep` moves forward; `start` is the time of the first request. */
function options(
  fetch: RefreshOptions["fetch"],
  overrides: Partial<RefreshOptions> = {},
  start = "2026-12-01T11:00:00Z",
) {
  const sleeps: number[] = [];
  let clock = new Date(start).getTime();
  const result: RefreshOptions = {
    fetch,
    today: TODAY,
    now: () => new Date(clock),
    sleep: (ms) => {
      sleeps.push(ms);
      clock += ms;
      return Promise.resolve();
    },
    concurrency: 1,
    ...overrides,
  };
  return { options: result, sleeps };
}

describe("reading repositories from GitHub", () => {
  test("an active repository: its latest release (publication day), last push and archived flag", async () => {
    const github = replayGitHub(MLFLOW_ROUTES);
    const run = await readRepositories([MLFLOW], options(github.fetch).options);
    expect(run.stopped).toBeNull();
    expect(run.outcomes.get("mlflow")).toEqual({
      kind: "checked",
      freshness: {
        checked: TODAY,
        latestRelease: { version: "v3.7.0", date: "2026-11-19" },
        lastActivity: "2026-12-03",
        archived: false,
      },
      movedTo: null,
    });
    expect(github.calls.map((c) => c.url)).toEqual([
      "https://api.github.com/repos/mlflow/mlflow",
      "https://api.github.com/repos/mlflow/mlflow/releases/latest",
    ]);
    expect(github.calls[0]?.headers).toMatchObject({
      accept: "application/vnd.github+json",
      "x-github-api-version": "2022-11-28",
    });
    expect(github.calls[0]?.headers).not.toHaveProperty("authorization");
  });

  test("a token is sent as a bearer token", async () => {
    const github = replayGitHub(MLFLOW_ROUTES);
    await readRepositories([MLFLOW], options(github.fetch, { token: "ghp_test" }).options);
    expect(github.calls.every((c) => c.headers.authorization === "Bearer ghp_test")).toBe(true);
  });

  test("an archived repository says so and keeps its last release", async () => {
    const github = replayGitHub({
      "/repos/huggingface/text-generation-inference": "repo-archived",
      "/repos/huggingface/text-generation-inference/releases/latest": "release-archived",
    });
    const run = await readRepositories([TGI], options(github.fetch).options);
    expect(run.outcomes.get("tgi")).toMatchObject({
      kind: "checked",
      freshness: {
        archived: true,
        latestRelease: { version: "v3.3.6", date: "2025-09-16" },
        lastActivity: "2026-03-20",
      },
    });
  });

  test("a repository without GitHub releases: no release, its last push still recorded (tags are not read)", async () => {
    const github = replayGitHub({
      "/repos/example-org/tagged-only": "repo-no-releases",
      "/repos/example-org/tagged-only/releases/latest": "release-none-404",
    });
    const run = await readRepositories([TAGGED], options(github.fetch).options);
    expect(run.outcomes.get("tagged")).toMatchObject({
      kind: "checked",
      freshness: { latestRelease: null, lastActivity: "2026-11-27", archived: false },
    });
    expect(github.calls.some((c) => c.url.includes("/tags"))).toBe(false);
  });

  test("a repository that does not exist is reported, its release is not asked for, and the run goes on", async () => {
    const github = replayGitHub({ "/repos/example-org/gone": "not-found-404", ...MLFLOW_ROUTES });
    const run = await readRepositories([GONE, MLFLOW], options(github.fetch).options);
    expect(run.outcomes.get("gone")).toEqual({ kind: "not-found" });
    expect(run.outcomes.get("mlflow")?.kind).toBe("checked");
    expect(github.calls.filter((c) => c.url.includes("example-org/gone"))).toHaveLength(1);
  });

  test("a moved repository is read where it lives now, and the new address is reported", async () => {
    const github = replayGitHub({
      "/repos/old-owner/old-name": "repo-moved",
      "/repos/new-owner/new-name/releases/latest": "release-none-404",
    });
    const run = await readRepositories([target("moved", "old-owner", "old-name")], options(github.fetch).options);
    expect(run.outcomes.get("moved")).toMatchObject({
      kind: "checked",
      movedTo: "https://github.com/new-owner/new-name",
    });
  });

  test("a server error is that repository's error, not the run's", async () => {
    const github = replayGitHub({ "/repos/example-org/gone": "server-error-502", ...MLFLOW_ROUTES });
    const run = await readRepositories([GONE, MLFLOW], options(github.fetch).options);
    expect(run.outcomes.get("gone")).toEqual({ kind: "error", message: "GitHub answered 502 Server Error" });
    expect(run.outcomes.get("mlflow")?.kind).toBe("checked");
    expect(run.stopped).toBeNull();
  });
});

describe("rate limits", () => {
  test("the hourly limit spent with the reset an hour away: the run stops, lists what it did not read, asks no more", async () => {
    const github = replayGitHub({ "/repos/mlflow/mlflow": "rate-limited-403" });
    const { options: opts, sleeps } = options(github.fetch, {}, "2026-12-01T11:00:00Z");
    const run = await readRepositories([MLFLOW, TGI, TAGGED], opts);
    expect(run.stopped).toEqual({ reason: "rate-limited", resetAt: RESET, unchecked: ["mlflow", "tgi", "tagged"] });
    expect(run.outcomes.size).toBe(0);
    expect(github.calls).toHaveLength(1);
    expect(sleeps).toEqual([]);
  });

  test("the hourly limit resetting within a minute: it waits for the reset header's time, then carries on", async () => {
    const github = replayGitHub({
      "/repos/mlflow/mlflow": ["rate-limited-403", "repo-mlflow"],
      "/repos/mlflow/mlflow/releases/latest": "release-mlflow",
    });
    const { options: opts, sleeps } = options(github.fetch, {}, "2026-12-01T11:59:20Z");
    const run = await readRepositories([MLFLOW], opts);
    expect(sleeps).toEqual([40_000]);
    expect(run.stopped).toBeNull();
    expect(run.outcomes.get("mlflow")?.kind).toBe("checked");
  });

  test("a secondary limit waits the Retry-After seconds and retries", async () => {
    const github = replayGitHub({
      "/repos/mlflow/mlflow": ["secondary-limit-403", "repo-mlflow"],
      "/repos/mlflow/mlflow/releases/latest": "release-mlflow",
    });
    const { options: opts, sleeps } = options(github.fetch);
    const run = await readRepositories([MLFLOW], opts);
    expect(sleeps).toEqual([30_000]);
    expect(run.outcomes.get("mlflow")?.kind).toBe("checked");
  });

  test("a successful answer that spends the last request makes the next request wait for the reset first", async () => {
    const spent = {
      ...fixture("repo-mlflow"),
      headers: { "x-ratelimit-remaining": "0", "x-ratelimit-reset": "1796126400" },
    };
    const github = replayGitHub({
      "/repos/mlflow/mlflow": spent,
      "/repos/mlflow/mlflow/releases/latest": "release-mlflow",
    });
    const { options: opts, sleeps } = options(github.fetch, {}, "2026-12-01T11:59:50Z");
    const run = await readRepositories([MLFLOW], opts);
    expect(sleeps).toEqual([10_000]);
    expect(run.outcomes.get("mlflow")?.kind).toBe("checked");
  });

  test("a 403 that is not a rate limit is the repository's error", async () => {
    const forbidden = {
      status: 403,
      headers: { "x-ratelimit-remaining": "50" },
      body: { message: "Repository access blocked" },
    };
    const github = replayGitHub({ "/repos/mlflow/mlflow": forbidden });
    const run = await readRepositories([MLFLOW], options(github.fetch).options);
    expect(run.outcomes.get("mlflow")).toEqual({
      kind: "error",
      message: "GitHub answered 403 Repository access blocked",
    });
  });
});

describe("offline", () => {
  test.each([
    ["DNS fails", connectionError("ENOTFOUND"), "ENOTFOUND api.github.com"],
    ["the connection is refused", connectionError("ECONNREFUSED"), "ECONNREFUSED api.github.com"],
    ["nothing answers in time", Object.assign(new Error("timed out"), { name: "TimeoutError" }), "no answer in time"],
  ])("%s: the run stops at once and says why", async (_name, error, detail) => {
    const github = replayGitHub({
      "/repos/mlflow/mlflow": error,
      "/repos/huggingface/text-generation-inference": error,
    });
    const run = await readRepositories([MLFLOW, TGI], options(github.fetch).options);
    expect(run.stopped).toEqual({ reason: "offline", detail });
    expect(github.calls).toHaveLength(1);
  });

  test("a pool of four stops issuing requests once one of them finds the network gone", async () => {
    const down = connectionError("EAI_AGAIN");
    const routes = Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`/repos/org/r${i}`, down] as const));
    const github = replayGitHub(routes);
    const targets = Array.from({ length: 12 }, (_, i) => target(`r${i}`, "org", `r${i}`));
    const run = await readRepositories(targets, options(github.fetch, { concurrency: 4 }).options);
    expect(run.stopped).toMatchObject({ reason: "offline" });
    expect(github.calls.length).toBeLessThanOrEqual(4);
  });
});
