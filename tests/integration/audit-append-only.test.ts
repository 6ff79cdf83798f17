import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { createTestDatabase, testBackends, type TestDatabase } from "../support/test-database";

/** The audit trail cannot be rewritten: no code path tries, and the database refuses if one did. */

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) return name === "generated" ? [] : sourceFiles(file);
    return /\.(ts|tsx)$/.test(name) && !name.endsWith(".test.ts") ? [file] : [];
  });
}

test("no application code updates, upserts or deletes audit records", () => {
  const offenders = [...sourceFiles(path.resolve("src")), ...sourceFiles(path.resolve("scripts"))].filter((file) =>
    /auditLog\s*\.\s*(update|updateMany|upsert|delete|deleteMany)\b|(UPDATE|DELETE FROM)\s+"?AuditLog/i.test(
      readFileSync(file, "utf8"),
    ),
  );
  expect(offenders).toEqual([]);
});

let dbs: TestDatabase[] = [];
beforeAll(async () => {
  dbs = await Promise.all(testBackends().map((backend) => createTestDatabase(backend)));
});
afterAll(async () => {
  await Promise.all(dbs.map((db) => db.dispose()));
});

test("the database refuses to change or remove an audit record, through Prisma too", async () => {
  for (const db of dbs) {
    const entry = await db.prisma.auditLog.create({
      data: { actorLabel: "test", action: "create", entityType: "tool", entityId: "x", summary: "created" },
    });
    await expect(
      db.prisma.auditLog.update({ where: { id: entry.id }, data: { summary: "rewritten" } }),
    ).rejects.toThrow();
    await expect(db.prisma.auditLog.delete({ where: { id: entry.id } })).rejects.toThrow();
    expect(await db.prisma.auditLog.findUniqueOrThrow({ where: { id: entry.id } })).toMatchObject({
      summary: "created",
    });
  }
});
