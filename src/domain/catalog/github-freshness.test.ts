import { describe, expect, test } from "vitest";
import { describeFreshnessChange, freshnessFromGitHub, isMoved, parseGitHubRepository } from "./github-freshness";
import type { Freshness } from "./schema";

describe("parseGitHubRepository", () => {
  test.each([
    ["https://github.com/mlflow/mlflow", { owner: "mlflow", repo: "mlflow" }],
    ["https://www.github.com/feast-dev/feast.git", { owner: "feast-dev", repo: "feast" }],
    ["https://github.com/aws/sagemaker-python-sdk/tree/master/src", { owner: "aws", repo: "sagemaker-python-sdk" }],
    ["https://github.com/kubeflow", null], // an organisation, not a repository
    ["https://gitlab.com/gitlab-org/gitlab", null],
    ["https://svn.r-project.org/R/", null],
    ["https://mlflow.github.io/mlflow", null],
    ["not a url", null],
    [null, null],
  ])("%s → %j", (url, expected) => {
    expect(parseGitHubRepository(url)).toEqual(expected);
  });
});

describe("freshnessFromGitHub", () => {
  const repo = { full_name: "org/repo", archived: false, pushed_at: "2026-11-30T23:59:59Z" };

  test("days are UTC calendar days; the publication date wins over the commit date", () => {
    const release = { tag_name: " v1.2.0 ", published_at: "2026-11-20T00:30:00Z", created_at: "2026-11-18T10:00:00Z" };
    expect(freshnessFromGitHub(repo, release, "2026-12-01")).toEqual({
      checked: "2026-12-01",
      latestRelease: { version: "v1.2.0", date: "2026-11-20" },
      lastActivity: "2026-11-30",
      archived: false,
    });
  });

  test("an unpublished date falls back to the commit date; a very long tag is cut to what the schema accepts", () => {
    const release = { tag_name: "x".repeat(120), published_at: null, created_at: "2026-10-01T08:00:00Z" };
    const freshness = freshnessFromGitHub(repo, release, "2026-12-01");
    expect(freshness.latestRelease).toEqual({ version: "x".repeat(80), date: "2026-10-01" });
  });

  test("an empty repository has no last push", () => {
    expect(freshnessFromGitHub({ ...repo, pushed_at: null }, null, "2026-12-01").lastActivity).toBeNull();
  });

  test.each([
    ["org/repo", false],
    ["Org/Repo", false], // GitHub names are case-insensitive
    ["new-org/repo", true],
  ])("answered as %s: moved %s", (fullName, moved) => {
    expect(isMoved({ owner: "org", repo: "repo" }, { ...repo, full_name: fullName })).toBe(moved);
  });
});

describe("describeFreshnessChange", () => {
  const base: Freshness = {
    checked: "2026-11-01",
    latestRelease: { version: "v1.0", date: "2026-09-01" },
    lastActivity: "2026-10-30",
    archived: false,
  };
  test.each([
    ["nothing but the check date", { ...base, checked: "2026-12-01" }, []],
    [
      "a new release",
      { ...base, latestRelease: { version: "v1.1", date: "2026-11-20" } },
      ["latest release: v1.0 (2026-09-01) → v1.1 (2026-11-20)"],
    ],
    [
      "archived, no more pushes",
      { ...base, archived: true, lastActivity: null },
      ["last push: 2026-10-30 → none", "archived: no → yes"],
    ],
  ] as const)("%s", (_name, after, lines) => {
    expect(describeFreshnessChange(base, after)).toEqual(lines);
  });

  test("a first check names every fact", () => {
    expect(describeFreshnessChange(null, base)).toEqual([
      "latest release: not checked → v1.0 (2026-09-01)",
      "last push: not checked → 2026-10-30",
      "archived: not checked → no",
    ]);
  });
});
