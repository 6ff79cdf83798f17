import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, test } from "vitest";
import { loadCatalogContent } from "../../src/server/content/load-catalog-content";
import { ContentError, seedFromContent } from "../../src/server/seed/run-seed";
import { createTestDatabase, testBackends, type TestDatabase } from "../support/test-database";

const CONTENT = path.resolve("content");
let db: TestDatabase | undefined;
afterEach(async () => {
  await db?.dispose();
  db = undefined;
});

function copyOfContent(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "advisor-content-"));
  cpSync(CONTENT, dir, { recursive: true });
  return dir;
}

async function counts(database: TestDatabase) {
  const p = database.prisma;
  return {
    phases: await p.phase.count(),
    capabilities: await p.capability.count(),
    tools: await p.tool.count(),
    links: await p.toolCapability.count(),
    integrations: await p.toolIntegration.count(),
    audit: await p.auditLog.count(),
  };
}

describe.each(testBackends())("seeding content/ on %s", (backend) => {
  test("loads every phase, capability, tool, capability link and integration, with stable ids", async () => {
    db = await createTestDatabase(backend);
    const loaded = await loadCatalogContent(CONTENT);
    if (!loaded.ok) throw new Error("content/ must be valid");
    const report = await seedFromContent(db.prisma, CONTENT);
    const content = loaded.value;
    const c = await counts(db);
    expect(c.phases).toBe(content.phases.length);
    expect(c.capabilities).toBe(content.capabilities.length);
    expect(c.tools).toBe(content.tools.length);
    expect(c.links).toBe(
      content.tools.reduce((n, t) => n + t.tool.capabilities.primary.length + t.tool.capabilities.secondary.length, 0),
    );
    expect(report.created).toHaveLength(content.phases.length + content.capabilities.length + content.tools.length);

    const mlflow = await db.prisma.tool.findUniqueOrThrow({ where: { slug: "mlflow" } });
    expect(mlflow.id).toBe("mlflow");
    const kfserving = await db.prisma.tool.findUniqueOrThrow({
      where: { slug: "kfserving" },
      include: { successor: true },
    });
    expect(kfserving.successor?.slug).toBe("kserve");
  });

  test("is idempotent: a second run changes nothing and writes no audit records", async () => {
    db = await createTestDatabase(backend);
    await seedFromContent(db.prisma, CONTENT);
    const before = await counts(db);
    const again = await seedFromContent(db.prisma, CONTENT);
    expect(again.created).toEqual([]);
    expect(again.updated).toEqual([]);
    expect(again.integrationsChanged).toBe(0);
    expect(await counts(db)).toEqual(before);
  });

  test("applies content changes to untouched entries, but never overwrites an entry an admin has edited", async () => {
    db = await createTestDatabase(backend);
    await seedFromContent(db.prisma, CONTENT);
    // An admin edits Jenkins (the version moves past the seeded version).
    await db.prisma.tool.update({
      where: { slug: "jenkins" },
      data: { summary: "Edited by an admin", version: { increment: 1 } },
    });

    const dir = copyOfContent();
    const file = path.join(dir, "tools/source-cicd-infra.yaml");
    const text = readFileSync(file, "utf8");
    const jenkinsSummary = /- slug: jenkins\n {2}name: Jenkins\n {2}summary: (.*)\n/.exec(text)?.[1];
    const gitSummary = /- slug: git\n {2}name: Git\n {2}summary: (.*)\n/.exec(text)?.[1];
    expect(jenkinsSummary && gitSummary).toBeTruthy();
    writeFileSync(
      file,
      text
        .replace(`summary: ${jenkinsSummary}`, "summary: Changed in content")
        .replace(`summary: ${gitSummary}`, "summary: Git changed in content"),
    );

    const report = await seedFromContent(db.prisma, dir);
    expect(report.keptAdminEdits).toEqual(["tool jenkins"]);
    expect(report.updated).toEqual(["tool git"]);
    expect((await db.prisma.tool.findUniqueOrThrow({ where: { slug: "jenkins" } })).summary).toBe("Edited by an admin");
    const git = await db.prisma.tool.findUniqueOrThrow({ where: { slug: "git" } });
    expect(git.summary).toBe("Git changed in content");
    expect(git.version).toBe(git.seededVersion);
    const audit = await db.prisma.auditLog.findFirstOrThrow({ where: { entityId: git.id, action: "update" } });
    expect(audit.actorLabel).toBe("seed");
  });

  test("does not recreate an entry that an admin deleted", async () => {
    db = await createTestDatabase(backend);
    await seedFromContent(db.prisma, CONTENT);
    const buildbot = await db.prisma.tool.findUniqueOrThrow({ where: { slug: "buildbot" } });
    await db.prisma.tool.delete({ where: { id: buildbot.id } });
    await db.prisma.auditLog.create({
      data: {
        actorLabel: "admin@example.com",
        action: "delete",
        entityType: "tool",
        entityId: buildbot.id,
        summary: "Deleted",
      },
    });
    const report = await seedFromContent(db.prisma, CONTENT);
    expect(report.skippedDeleted).toEqual(["tool buildbot"]);
    expect(await db.prisma.tool.findUnique({ where: { slug: "buildbot" } })).toBeNull();
  });

  test("a broken content file is rejected with its file, path and problem, and nothing is written", async () => {
    db = await createTestDatabase(backend);
    await seedFromContent(db.prisma, CONTENT);
    const before = await counts(db);
    const dir = copyOfContent();
    const file = path.join(dir, "tools/data.yaml");
    writeFileSync(
      file,
      readFileSync(file, "utf8")
        .replace(/license: Apache-2.0/, "license: Not-A-Licence")
        .replace(/pricing: open-source/, "pricing: free-ish"),
    );
    writeFileSync(path.join(dir, "tools/zz-new.yaml"), "- slug: brand-new\n  name: Brand New\n");

    const error = await seedFromContent(db.prisma, dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ContentError);
    const message = (error as ContentError).message;
    expect(message).toMatch(/tools\/data\.yaml: \[\d+\]\.license: must be an SPDX licence id/);
    expect(message).toMatch(/tools\/data\.yaml: \[\d+\]\.pricing: /);
    expect(message).toMatch(/tools\/zz-new\.yaml: \[0\]\.summary: /);
    expect(message).toContain("nothing was written");
    expect(await counts(db)).toEqual(before);
    expect(await db.prisma.tool.findUnique({ where: { slug: "brand-new" } })).toBeNull();
  });

  test("YAML syntax errors name the file and line", async () => {
    db = await createTestDatabase(backend);
    const dir = copyOfContent();
    writeFileSync(path.join(dir, "capabilities.yaml"), "- slug: x\n  name: [unclosed\n");
    const error = await seedFromContent(db.prisma, dir).catch((e: unknown) => e);
    expect((error as Error).message).toMatch(/capabilities\.yaml: \(root\): YAML error at line \d+/);
    expect(await db.prisma.tool.count()).toBe(0);
  });
});
