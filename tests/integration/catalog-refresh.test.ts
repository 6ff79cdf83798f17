import { copyFileSync, rmSync } from "node:fs";
import path from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test, vi } from "vitest";
import type * as Refresh from "../../src/server/catalog/catalog-refresh";
import type * as Editor from "../../src/server/catalog/catalog-service";
import type * as CatalogRepository from "../../src/server/repositories/catalog-repository";
import { toolInputOf } from "../../src/domain/admin/snapshots";
import { createPrismaClient, type DbClient } from "../../src/server/db/prisma";
import { seedFromContent } from "../../src/server/seed/run-seed";
import { connectionError, replayGitHub } from "../support/github-replay";
import { loadRoute } from "../support/load-route";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

/**
 * `npm run catalog:refresh` end to end on a real SQLite catalog seeded from content/: GitHub is replaced by recorded
 * answers (tests/fixtures/github), everything else is real — the dry run, the audited write, the offline refusal.
 */

const NOW = new Date("2026-12-03T09:00:00Z");
const ROUTES = {
  "/repos/mlflow/mlflow": "repo-mlflow",
  "/repos/mlflow/mlflow/releases/latest": "release-mlflow",
  "/repos/huggingface/text-generation-inference": "repo-archived",
  "/repos/huggingface/text-generation-inference/releases/latest": "release-archived",
};
const ONLY = ["mlflow", "text-generation-inference"];

type Modules = { refresh: typeof Refresh; editor: typeof Editor; repo: typeof CatalogRepository };
let template: TestDatabase;
let db: { url: string; file: string; prisma: DbClient };
let modules: Modules;

// Seeding 300+ tools takes seconds: seed once, then give each test its own copy of the file.
beforeAll(async () => {
  template = await createTestDatabase("sqlite");
  await seedFromContent(template.prisma, path.resolve("content"));
  await template.prisma.$disconnect();
}, 120_000);

afterAll(async () => {
  await template.dispose();
});

beforeEach(async () => {
  const file = template.url.replace(/^file:/, "").replace(/\.db$/, `-${Math.random().toString(36).slice(2)}.db`);
  copyFileSync(template.url.replace(/^file:/, ""), file);
  db = { url: `file:${file}`, file, prisma: createPrismaClient(`file:${file}`) };
  modules = await loadRoute(db.url, async () => ({
    refresh: await import("../../src/server/catalog/catalog-refresh"),
    editor: await import("../../src/server/catalog/catalog-service"),
    repo: await import("../../src/server/repositories/catalog-repository"),
  }));
});

afterEach(async () => {
  vi.unstubAllEnvs();
  await db.prisma.$disconnect();
  const { prisma } = await import("../../src/server/db/client");
  await prisma.$disconnect();
  for (const suffix of ["", "-wal", "-shm"]) rmSync(`${db.file}${suffix}`, { force: true });
});

function command(fetch: Refresh.RefreshCommandOptions["fetch"], overrides: Partial<Refresh.RefreshCommandOptions>) {
  const out: string[] = [];
  const err: string[] = [];
  const run = () =>
    modules.refresh.runCatalogRefresh({
      apply: false,
      only: ONLY,
      fetch,
      now: () => NOW,
      sleep: () => Promise.resolve(),
      log: (line) => out.push(line),
      warn: (line) => err.push(line),
      ...overrides,
    });
  return { run, out, err };
}

const freshnessOf = async (slug: string) =>
  (await modules.repo.getCatalog()).tools.find((t) => t.slug === slug)?.freshness ?? null;

describe("npm run catalog:refresh", () => {
  test("a dry run prints each change like catalog:import and writes nothing", async () => {
    const revision = await modules.repo.getCatalogRevision();
    const { run, out, err } = command(replayGitHub(ROUTES).fetch, {});
    expect(await run()).toBe(0);
    expect(out).toContain("~ update mlflow");
    expect(out).toContain("    latest release: not checked → v3.7.0 (2026-11-19)");
    expect(out).toContain("    archived: not checked → yes");
    expect(out.at(-1)).toBe("Dry run: nothing was written. Add --apply to write 2 entries.");
    expect(err).toEqual([]);
    expect(await modules.repo.getCatalogRevision()).toBe(revision);
    expect(await freshnessOf("mlflow")).toBeNull();
  });

  test("--apply writes freshness through the audited import path; a second run the same day has nothing to do", async () => {
    const github = replayGitHub(ROUTES);
    const first = command(github.fetch, { apply: true });
    expect(await first.run()).toBe(0);
    expect(first.out.at(-1)).toBe("Applied: 2 entries updated.");
    expect(await freshnessOf("mlflow")).toEqual({
      checked: "2026-12-03",
      latestRelease: { version: "v3.7.0", date: "2026-11-19" },
      lastActivity: "2026-12-03",
      archived: false,
    });
    expect(await freshnessOf("text-generation-inference")).toMatchObject({ archived: true });
    const audits = await db.prisma.auditLog.findMany({
      where: { actorLabel: "cli (catalog:refresh)" },
      orderBy: { id: "asc" },
    });
    expect(audits.map((a) => `${a.action} ${a.entityType}`)).toEqual(["update tool", "update tool", "import catalog"]);

    const revision = await modules.repo.getCatalogRevision();
    const second = command(github.fetch, { apply: true });
    expect(await second.run()).toBe(0);
    expect(second.out.at(-1)).toMatch(/^0 to update, 0 only re-checked/);
    expect(await modules.repo.getCatalogRevision()).toBe(revision);
  });

  test("offline: one line, nothing changed; exit 0 for a dry run and 1 with --apply", async () => {
    const down = replayGitHub({
      "/repos/mlflow/mlflow": connectionError("ENOTFOUND"),
      "/repos/huggingface/text-generation-inference": connectionError("ENOTFOUND"),
    });
    const revision = await modules.repo.getCatalogRevision();
    for (const [apply, code] of [
      [false, 0],
      [true, 1],
    ] as const) {
      const { run, err } = command(down.fetch, { apply });
      expect(await run()).toBe(code);
      expect(err).toEqual(["Offline: GitHub is unreachable (ENOTFOUND api.github.com); nothing was changed."]);
    }
    expect(await modules.repo.getCatalogRevision()).toBe(revision);
  });

  test("rate-limited halfway: --apply writes what was read, names what was not, and exits 1", async () => {
    const github = replayGitHub({
      ...ROUTES,
      "/repos/huggingface/text-generation-inference": "rate-limited-403",
    });
    const { run, err } = command(github.fetch, { apply: true, now: () => new Date("2026-12-01T10:00:00Z") });
    expect(await run()).toBe(1);
    expect(err).toEqual([
      "Stopped by GitHub's rate limit (resets 12:00 UTC): 1 not read (text-generation-inference). Set GITHUB_TOKEN for 5,000 requests an hour.",
    ]);
    expect(await freshnessOf("mlflow")).toMatchObject({ checked: "2026-12-01" });
    expect(await freshnessOf("text-generation-inference")).toBeNull();
  });

  test("a repository GitHub does not know is reported and its entry left alone", async () => {
    const github = replayGitHub({ ...ROUTES, "/repos/mlflow/mlflow": "not-found-404" });
    const { run, out } = command(github.fetch, { apply: true });
    expect(await run()).toBe(0);
    expect(out).toContain("! mlflow: https://github.com/mlflow/mlflow was not found on GitHub.");
    expect(await freshnessOf("mlflow")).toBeNull();
  });

  test("unknown slugs in --only are refused before any request", async () => {
    const github = replayGitHub(ROUTES);
    const { run, err } = command(github.fetch, { only: ["mlflow", "no-such-tool"] });
    expect(await run()).toBe(2);
    expect(err).toEqual(["Unknown tool slug(s): no-such-tool."]);
    expect(github.calls).toEqual([]);
  });

  test("an edit made while GitHub was being read is kept: only freshness is replaced", async () => {
    const before = (await modules.repo.getCatalog()).tools.find((t) => t.slug === "mlflow")!;
    const edited = await modules.editor.updateTool(
      "mlflow",
      before.version,
      { ...toolInputOf(before), summary: "Edited while the refresh ran." },
      { id: null, label: "editor@example.com" },
    );
    expect(edited.ok).toBe(true);
    const freshness = {
      checked: "2026-12-03",
      latestRelease: { version: "v3.7.0", date: "2026-11-19" },
      lastActivity: "2026-12-03",
      archived: false,
    };
    const result = await modules.refresh.applyFreshness(new Map([["mlflow", freshness]]), { id: null, label: "t" });
    expect(result.ok).toBe(true);
    const after = (await modules.repo.getCatalog()).tools.find((t) => t.slug === "mlflow")!;
    expect(after.summary).toBe("Edited while the refresh ran.");
    expect(after.freshness).toEqual(freshness);
    expect(after.integrations).toEqual(before.integrations);
  });
});
