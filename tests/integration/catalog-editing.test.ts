import path from "node:path";
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import type { ToolInput } from "../../src/domain/catalog/schema";
import type * as Editor from "../../src/server/admin/catalog-editor";
import type * as Snapshot from "../../src/server/catalog/catalog-snapshot";
import { seedFromContent } from "../../src/server/seed/run-seed";
import { loadRoute } from "../support/load-route";
import { createTestDatabase, testBackends, type TestDatabase } from "../support/test-database";

/** Maintainers' catalog writes on a real database (SQLite, and PostgreSQL with TEST_DATABASE_URL). */

const alice = { id: "u-alice", label: "alice@example.com" };
const bob = { id: "u-bob", label: "bob@example.com" };

function newTool(slug: string, overrides: Partial<ToolInput> = {}): ToolInput {
  return {
    slug,
    name: slug.replace(/-/g, " "),
    summary: "A test tool.",
    description: "Made by a test.",
    homepage: "https://example.com",
    repository: null,
    license: "MIT",
    pricing: "open-source",
    hosting: ["self-hosted"],
    clouds: ["any"],
    needsKubernetes: false,
    stages: [1, 2],
    opsComplexity: 2,
    learningCurve: 2,
    teamSizes: ["small"],
    capabilities: { primary: ["experiment-tracking"], secondary: [] },
    integrations: ["mlflow"],
    strengths: ["Small"],
    limitations: ["Imaginary"],
    risks: [],
    status: "active",
    successor: null,
    statusNote: null,
    lastReviewed: "2026-11-01",
    vendorSupport: false,
    relations: { requires: [], implies: [], companions: [], partOf: null },
    sources: [],
    reviewIntervalDays: null,
    freshness: null,
    ...overrides,
  };
}

describe.each(testBackends())("catalog editing on %s", (backend) => {
  let db: TestDatabase;
  let editor: typeof Editor;
  let snapshot: typeof Snapshot;

  const toolRow = (slug: string) => db.prisma.tool.findUnique({ where: { slug } });
  const auditFor = (entityId: string) =>
    db.prisma.auditLog.findMany({ where: { entityType: "tool", entityId }, orderBy: { id: "asc" } });

  beforeAll(async () => {
    db = await createTestDatabase(backend);
    await seedFromContent(db.prisma, path.resolve("content"));
    ({ editor, snapshot } = await loadRoute(db.url, async () => ({
      editor: await import("../../src/server/admin/catalog-editor"),
      snapshot: await import("../../src/server/catalog/catalog-snapshot"),
    })));
  }, 120_000);

  afterAll(async () => {
    vi.unstubAllEnvs();
    await db?.dispose();
  });

  test("creating a tool writes it, its links and one audit record with who and what, and the public catalog sees it", async () => {
    const before = await snapshot.getCatalogSnapshot();
    const result = await editor.createTool(newTool("made-here"), alice);
    expect(result).toMatchObject({ ok: true, value: { slug: "made-here", version: 1, integrations: ["mlflow"] } });
    const row = await toolRow("made-here");
    expect(row).toMatchObject({ version: 1, seededVersion: null });
    const [audit] = await auditFor(row!.id);
    expect(audit).toMatchObject({
      action: "create",
      actorId: "u-alice",
      actorLabel: "alice@example.com",
      before: null,
    });
    expect(audit!.after).toMatchObject({
      slug: "made-here",
      version: 1,
      capabilities: { primary: ["experiment-tracking"] },
    });
    const after = await snapshot.getCatalogSnapshot();
    expect(after.revision).toBeGreaterThan(before.revision);
    expect(after.toolsBySlug.get("mlflow")?.integrations).toContain("made-here");
  });

  test("an update based on an old version is refused with the current version, and nothing changes", async () => {
    await editor.createTool(newTool("contested"), alice);
    const first = await editor.updateTool("contested", 1, newTool("contested", { summary: "Alice's words." }), alice);
    expect(first).toMatchObject({ ok: true, value: { version: 2 } });
    const auditCount = await db.prisma.auditLog.count();
    const second = await editor.updateTool("contested", 1, newTool("contested", { summary: "Bob's words." }), bob);
    expect(second).toMatchObject({
      ok: false,
      reason: "conflict",
      current: { summary: "Alice's words.", version: 2 },
      lastChange: { actorLabel: "alice@example.com" },
    });
    expect(await toolRow("contested")).toMatchObject({ summary: "Alice's words.", version: 2 });
    expect(await db.prisma.auditLog.count()).toBe(auditCount);
  });

  test("two saves racing from the same version: exactly one wins, the other is a conflict", async () => {
    await editor.createTool(newTool("raced"), alice);
    const results = await Promise.all([
      editor.updateTool("raced", 1, newTool("raced", { summary: "First." }), alice),
      editor.updateTool("raced", 1, newTool("raced", { summary: "Second." }), bob),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok && r.reason === "conflict")).toHaveLength(1);
    const row = await toolRow("raced");
    expect(row?.version).toBe(2);
    expect((await auditFor(row!.id)).map((a) => a.action)).toEqual(["create", "update"]);
  });

  test("invalid changes are refused with the field that is wrong, against the whole catalog", async () => {
    const unknown = await editor.createTool(
      newTool("bad-links", {
        integrations: ["no-such-tool"],
        capabilities: { primary: ["no-such-capability"], secondary: [] },
      }),
      alice,
    );
    expect(unknown).toMatchObject({ ok: false, reason: "invalid" });
    if (unknown.ok || unknown.reason !== "invalid") throw new Error("expected invalid");
    expect(unknown.issues).toEqual(
      expect.arrayContaining([
        { path: ["integrations", 0], message: 'unknown integration target "no-such-tool"' },
        { path: ["capabilities", "primary", 0], message: 'unknown capability "no-such-capability"' },
      ]),
    );
    expect(await toolRow("bad-links")).toBeNull();
    const duplicateName = await editor.createTool(newTool("another-mlflow", { name: "MLflow" }), alice);
    expect(duplicateName).toMatchObject({ ok: false, reason: "invalid", issues: [{ path: ["name"] }] });
    const taken = await editor.createTool(newTool("mlflow"), alice);
    expect(taken).toMatchObject({ ok: false, reason: "exists" });
  });

  test("retiring is audited as retire; a tool others name as successor cannot be retired", async () => {
    await editor.createTool(newTool("old-thing"), alice);
    const retired = await editor.retireTool(
      "old-thing",
      1,
      { status: "sunset", successor: "mlflow", statusNote: "Ended in 2026." },
      alice,
    );
    expect(retired).toMatchObject({ ok: true, value: { status: "sunset", successor: "mlflow", version: 2 } });
    const row = await toolRow("old-thing");
    expect((await auditFor(row!.id)).at(-1)).toMatchObject({
      action: "retire",
      summary: "Retired tool old thing (sunset, use mlflow)",
    });

    await editor.createTool(newTool("heir"), alice);
    await editor.createTool(
      newTool("ancestor", { status: "deprecated", successor: "heir", statusNote: "Use heir." }),
      alice,
    );
    const refused = await editor.retireTool(
      "heir",
      1,
      { status: "sunset", successor: "mlflow", statusNote: "Gone." },
      alice,
    );
    expect(refused).toMatchObject({ ok: false, reason: "invalid" });
    if (refused.ok || refused.reason !== "invalid") throw new Error("expected invalid");
    expect(refused.issues[0]?.message).toMatch(/tool "ancestor": successor "heir" is itself sunset/);
  });

  test("a referenced tool cannot be deleted; an unreferenced one can, and its last version stays in the audit log", async () => {
    await editor.createTool(newTool("linked"), alice);
    expect(await editor.removeTool("linked", 1, alice)).toMatchObject({
      ok: false,
      reason: "referenced",
      references: ["integrates with mlflow"],
    });
    await editor.createTool(newTool("lonely", { integrations: [] }), alice);
    const deleted = await editor.removeTool("lonely", 1, alice);
    expect(deleted).toMatchObject({ ok: true });
    expect(await toolRow("lonely")).toBeNull();
    const [, deletion] = await auditFor("lonely");
    expect(deletion).toMatchObject({ action: "delete", after: null, before: { slug: "lonely", version: 1 } });
  });

  test("restoring an earlier version is a new audited change; a deleted tool can be restored", async () => {
    await editor.createTool(newTool("restorable", { summary: "Version one." }), alice);
    await editor.updateTool("restorable", 1, newTool("restorable", { summary: "Version two." }), bob);
    const [created] = await auditFor("restorable");
    expect(await editor.restoreVersion(created!.id, 1, alice)).toMatchObject({ ok: false, reason: "conflict" });
    const restored = await editor.restoreVersion(created!.id, 2, alice);
    expect(restored).toMatchObject({ ok: true, value: { summary: "Version one.", version: 3 } });
    expect((await auditFor("restorable")).map((a) => a.action)).toEqual(["create", "update", "restore"]);

    await editor.createTool(newTool("phoenix", { integrations: [] }), alice);
    await editor.removeTool("phoenix", 1, alice);
    const deletion = (await auditFor("phoenix")).at(-1)!;
    expect(await editor.restoreVersion(deletion.id, null, bob)).toMatchObject({
      ok: true,
      value: { slug: "phoenix", version: 1 },
    });
  });

  test("a seeded entry restored to its seed version keeps today's integrations", async () => {
    const mlflow = (await snapshot.getCatalogSnapshot()).toolsBySlug.get("mlflow")!;
    const seeded = (await auditFor(mlflow.id))[0]!;
    expect(seeded.actorLabel).toBe("seed");
    await editor.updateTool(
      "mlflow",
      mlflow.version,
      { ...(await import("../../src/domain/admin/snapshots")).toolInputOf(mlflow), summary: "Edited." },
      alice,
    );
    const current = (await snapshot.getCatalogSnapshot()).toolsBySlug.get("mlflow")!;
    const result = await editor.restoreVersion(seeded.id, current.version, alice);
    expect(result).toMatchObject({ ok: true, value: { summary: mlflow.summary } });
    const after = (await snapshot.getCatalogSnapshot()).toolsBySlug.get("mlflow")!;
    expect(after.integrations).toEqual(current.integrations);
  });

  test("phases and capabilities: versions, references and the same rules", async () => {
    const phase = {
      slug: "test-phase",
      name: "Test phase",
      order: 42,
      description: "A phase for tests.",
      isOverlay: false,
    };
    expect(await editor.savePhaseChange(phase, undefined, alice)).toMatchObject({ ok: true, value: { version: 1 } });
    const capability = {
      slug: "test-capability",
      name: "Test capability",
      phase: "test-phase",
      description: "For tests.",
      neededFromStage: 2,
      plan: null,
    };
    expect(await editor.saveCapabilityChange(capability, undefined, alice)).toMatchObject({ ok: true });
    expect(
      await editor.saveCapabilityChange(
        { ...capability, slug: "orphan", name: "Orphan", phase: "no-such-phase" },
        undefined,
        alice,
      ),
    ).toMatchObject({
      ok: false,
      reason: "invalid",
      issues: [{ path: ["phase"], message: 'unknown phase "no-such-phase"' }],
    });
    expect(await editor.deletePhase("test-phase", 1, alice)).toMatchObject({ ok: false, reason: "referenced" });
    expect(await editor.savePhaseChange({ ...phase, name: "Renamed" }, 1, alice)).toMatchObject({
      ok: true,
      value: { version: 2 },
    });
    expect(await editor.savePhaseChange({ ...phase, name: "Stale" }, 1, bob)).toMatchObject({
      ok: false,
      reason: "conflict",
      current: { name: "Renamed" },
    });
    const phaseRow = await db.prisma.phase.findUniqueOrThrow({ where: { slug: "test-phase" } });
    const phaseCreated = await db.prisma.auditLog.findFirstOrThrow({
      where: { entityType: "phase", entityId: phaseRow.id, action: "create" },
    });
    expect(await editor.restoreVersion(phaseCreated.id, 2, bob)).toMatchObject({
      ok: true,
      value: { name: "Test phase", version: 3 },
    });
    expect(
      await db.prisma.auditLog.count({ where: { entityType: "phase", entityId: phaseRow.id, action: "restore" } }),
    ).toBe(1);
    await editor.createTool(
      newTool("uses-test-capability", {
        capabilities: { primary: ["test-capability"], secondary: [] },
        integrations: [],
      }),
      alice,
    );
    expect(await editor.deleteCapability("test-capability", 1, alice)).toMatchObject({
      ok: false,
      reason: "referenced",
      references: ["tool uses-test-capability covers it"],
    });
  });

  test("the seed keeps a maintainer's edit instead of overwriting it", async () => {
    const kubeflow = (await snapshot.getCatalogSnapshot()).toolsBySlug.get("kubeflow")!;
    const snapshots = await import("../../src/domain/admin/snapshots");
    await editor.updateTool(
      "kubeflow",
      kubeflow.version,
      { ...snapshots.toolInputOf(kubeflow), summary: "Maintainer's summary." },
      alice,
    );
    const row = await toolRow("kubeflow");
    expect(row!.seededVersion).toBe(kubeflow.version);
    expect(row!.version).toBe(kubeflow.version + 1);
    await seedFromContent(db.prisma, path.resolve("content"));
    expect((await toolRow("kubeflow"))?.summary).toBe("Maintainer's summary.");
  });
});

describe("a catalog write and its audit record are one transaction", () => {
  test("when the audit record cannot be written, the change is rolled back", async () => {
    const db = await createTestDatabase("sqlite");
    try {
      await seedFromContent(db.prisma, path.resolve("content"));
      const editor = await loadRoute(db.url, () => import("../../src/server/admin/catalog-editor"));
      await db.prisma.$executeRawUnsafe(
        `CREATE TRIGGER "test_audit_fails" BEFORE INSERT ON "AuditLog" BEGIN SELECT RAISE(ABORT, 'audit unavailable'); END`,
      );
      const mlflow = await db.prisma.tool.findUniqueOrThrow({ where: { slug: "mlflow" } });
      const snapshots = await import("../../src/domain/admin/snapshots");
      const current = (
        await (await import("../../src/server/repositories/catalog-repository")).getCatalog()
      ).tools.find((t) => t.slug === "mlflow")!;
      await expect(
        editor.updateTool(
          "mlflow",
          mlflow.version,
          { ...snapshots.toolInputOf(current), summary: "Never saved." },
          alice,
        ),
      ).rejects.toThrow(/auditLog.create/);
      expect(await db.prisma.tool.findUniqueOrThrow({ where: { slug: "mlflow" } })).toMatchObject({
        summary: mlflow.summary,
        version: mlflow.version,
      });
    } finally {
      vi.unstubAllEnvs();
      await db.dispose();
    }
  });
});
