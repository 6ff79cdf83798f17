import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import { parse, stringify } from "yaml";
import type * as Transfer from "../../src/server/admin/catalog-transfer";
import type * as CatalogRepository from "../../src/server/repositories/catalog-repository";
import { loadCatalogContent } from "../../src/server/content/load-catalog-content";
import { seedFromContent } from "../../src/server/seed/run-seed";
import { loadRoute } from "../support/load-route";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

/** Export and import in the content/ format: exact round trips, dry runs, one-transaction applies, whole rejections. */

const actor = { id: "u-1", label: "importer@example.com" };
const NOW = new Date("2026-11-23T12:00:00Z");

type Modules = { transfer: typeof Transfer; repo: typeof CatalogRepository };
async function open(db: TestDatabase): Promise<Modules> {
  return loadRoute(db.url, async () => ({
    transfer: await import("../../src/server/admin/catalog-transfer"),
    repo: await import("../../src/server/repositories/catalog-repository"),
  }));
}

let source: TestDatabase;
let exported: string;

beforeAll(async () => {
  source = await createTestDatabase("sqlite");
  await seedFromContent(source.prisma, path.resolve("content"));
  const { transfer, repo } = await open(source);
  exported = transfer.bundleYaml(await repo.getCatalog(), NOW);
}, 120_000);

afterAll(async () => {
  vi.unstubAllEnvs();
  await source.dispose();
});

describe("round trip", () => {
  test("export, then import into a fresh database, reproduces the catalog exactly", async () => {
    const target = await createTestDatabase("sqlite");
    try {
      const { transfer, repo } = await open(target);
      const parsed = transfer.parseBundle(exported, "catalog.yaml");
      if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues.slice(0, 3)));
      const result = await transfer.applyImport(parsed.incoming, actor, "catalog.yaml", 0);
      expect(result).toMatchObject({ ok: true });
      const original = await (await open(source)).repo.getCatalog();
      const copy = await (await open(target)).repo.getCatalog();
      expect(copy).toEqual(original);
      expect(transfer.bundleYaml(copy, NOW)).toBe(exported);
      expect(await repo.getCatalogRevision()).toBeGreaterThan(0);
    } finally {
      await target.dispose();
    }
  });

  test("an exported directory is valid content/ that loads to the same catalog", async () => {
    const { transfer, repo } = await open(source);
    const dir = mkdtempSync(path.join(tmpdir(), "export-"));
    const files = await transfer.exportToDirectory(await repo.getCatalog(), dir);
    expect(files).toEqual(
      expect.arrayContaining(["phases.yaml", "capabilities.yaml", path.join("tools", "experimentation.yaml")]),
    );
    const loaded = await loadCatalogContent(dir);
    expect(loaded.ok).toBe(true);
    const dryRun = await transfer.dryRunImport(loaded.ok ? loaded.value : { phases: [], capabilities: [], tools: [] });
    expect(dryRun.ok && dryRun.plan.tools.every((t) => t.action === "unchanged")).toBe(true);
  });
});

describe("import", () => {
  let db: TestDatabase;
  let modules: Modules;
  const bundle = () => parse(exported) as { tools: Record<string, unknown>[] };

  beforeAll(async () => {
    db = await createTestDatabase("sqlite");
    await seedFromContent(db.prisma, path.resolve("content"));
    modules = await open(db);
  }, 120_000);
  afterAll(() => db.dispose());

  test("a dry run lists each change with its fields and writes nothing", async () => {
    const data = bundle();
    const mlflow = data.tools.find((t) => t.slug === "mlflow")!;
    mlflow.summary = "Changed by an import.";
    data.tools.push({ ...mlflow, slug: "imported-tool", name: "Imported Tool", integrations: ["mlflow"] });
    const before = await db.prisma.auditLog.count();
    const parsed = modules.transfer.parseBundle(stringify(data), "change.yaml");
    if (!parsed.ok) throw new Error("parse failed");
    const dryRun = await modules.transfer.dryRunImport(parsed.incoming);
    if (!dryRun.ok) throw new Error("dry run failed");
    const changed = dryRun.plan.tools.filter((t) => t.action !== "unchanged");
    expect(changed.map((t) => [t.slug, t.action])).toEqual([
      ["mlflow", "update"],
      ["imported-tool", "create"],
    ]);
    expect(changed[0]!.changes.map((c) => c.field)).toEqual(["summary", "integrations"]);
    expect(await db.prisma.auditLog.count()).toBe(before);
    expect(await db.prisma.tool.count({ where: { slug: "imported-tool" } })).toBe(0);

    const applied = await modules.transfer.applyImport(parsed.incoming, actor, "change.yaml", dryRun.revision);
    expect(applied).toMatchObject({ ok: true, report: { created: ["tool imported-tool"], updated: ["tool mlflow"] } });
    const audits = await db.prisma.auditLog.findMany({ where: { id: { gt: before } }, orderBy: { id: "asc" } });
    expect(audits.map((a) => [a.action, a.entityType, a.actorLabel])).toEqual([
      ["update", "tool", "importer@example.com"],
      ["create", "tool", "importer@example.com"],
      ["import", "catalog", "importer@example.com"],
    ]);
    const row = await db.prisma.tool.findUniqueOrThrow({ where: { slug: "mlflow" } });
    expect(row.version).toBe((row.seededVersion ?? 0) + 1);
  });

  test("an apply after the catalog changed since the dry run is refused", async () => {
    const parsed = modules.transfer.parseBundle(exported, "all.yaml");
    if (!parsed.ok) throw new Error("parse failed");
    const revision = await modules.repo.getCatalogRevision();
    expect(await modules.transfer.applyImport(parsed.incoming, actor, "all.yaml", revision - 1)).toMatchObject({
      ok: false,
      reason: "stale",
    });
  });

  test("a broken file is rejected whole, with errors that name the entry and the field", () => {
    const data = bundle();
    const index = data.tools.findIndex((t) => t.slug === "feast");
    data.tools[index]!.license = "Totally-Made-Up";
    data.tools[index]!.summary = "x".repeat(200);
    data.tools[0]!.summary = "Would be a valid change.";
    const parsed = modules.transfer.parseBundle(stringify(data), "broken.yaml");
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    const messages = parsed.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringMatching(new RegExp(`^tools\\.${index}\\.license: .*\\(in "feast"\\)$`)),
        expect.stringMatching(
          new RegExp(`^tools\\.${index}\\.summary: must be at most 160 characters \\(in "feast"\\)$`),
        ),
      ]),
    );
  });

  test("references that would break are rejected before anything is written", async () => {
    const data = bundle();
    data.tools.find((t) => t.slug === "feast")!.successor = "no-such-tool";
    data.tools.find((t) => t.slug === "feast")!.status = "sunset";
    data.tools.find((t) => t.slug === "feast")!.statusNote = "Gone.";
    const parsed = modules.transfer.parseBundle(stringify({ tools: data.tools }), "refs.yaml");
    if (!parsed.ok) throw new Error("parse failed");
    const dryRun = await modules.transfer.dryRunImport(parsed.incoming);
    expect(dryRun.ok).toBe(false);
    if (dryRun.ok) return;
    expect(dryRun.issues).toEqual([
      expect.objectContaining({ file: "refs.yaml tools", message: 'unknown successor "no-such-tool"' }),
    ]);
    const before = await db.prisma.auditLog.count();
    expect(await modules.transfer.applyImport(parsed.incoming, actor, "refs.yaml")).toMatchObject({
      ok: false,
      reason: "invalid",
    });
    expect(await db.prisma.auditLog.count()).toBe(before);
  });

  test.each([
    ["not: [valid", /YAML error/],
    ["- just a list", /must be a mapping/],
    ["tools: {}\nextras: []", /must be a list|unknown section/],
  ])("malformed YAML %j is refused with a clear message", (text, message) => {
    const parsed = modules.transfer.parseBundle(text, "bad.yaml");
    expect(parsed.ok).toBe(false);
    expect(parsed.ok ? "" : parsed.issues.map((i) => i.message).join("\n")).toMatch(message);
  });
});

describe("command line", () => {
  test("catalog:export and catalog:import round-trip through files, and a dry run writes nothing", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "cli-"));
    const env = { ...process.env, LOG_LEVEL: "silent", NODE_ENV: "test" as const };
    const run = (script: string, args: string[], databaseUrl: string) =>
      execFileSync(process.execPath, ["--conditions=react-server", "--import", "tsx", `scripts/${script}`, ...args], {
        encoding: "utf8",
        stdio: "pipe",
        env: { ...env, DATABASE_URL: databaseUrl },
      });
    const file = path.join(dir, "catalog.yaml");
    run("catalog-export.ts", ["--file", file], source.url);
    const bundle = parse(readFileSync(file, "utf8")) as Record<string, unknown[]>;
    const entries = ["phases", "capabilities", "tools"].reduce((sum, key) => sum + (bundle[key]?.length ?? 0), 0);
    expect(entries).toBeGreaterThan(250);
    expect(readFileSync(file, "utf8")).toContain("slug: mlflow");
    const target = `file:${path.join(dir, "target.db")}`;
    expect(run("catalog-import.ts", [file], target)).toMatch(
      new RegExp(`${entries} to create, 0 to update, 0 unchanged\\.\\nDry run: nothing was written`),
    );
    expect(run("catalog-import.ts", [file, "--apply"], target)).toMatch(`Applied: ${entries} created, 0 updated.`);
    expect(run("catalog-import.ts", [file], target)).toMatch(`0 to create, 0 to update, ${entries} unchanged.`);
    writeFileSync(path.join(dir, "broken.yaml"), "tools:\n  - slug: Not A Slug\n");
    expect(() => run("catalog-import.ts", [path.join(dir, "broken.yaml")], target)).toThrow(
      /problem\(s\); nothing was imported/,
    );
  }, 120_000);
});
