import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";

/**
 * The catalog has one write path (docs/decisions/013-one-catalog-write-path.md): the store is the only module that
 * writes catalog rows and the only one that appends audit records. This reads every source file under src/ and
 * fails when another one writes those tables itself.
 */

const SRC = path.resolve("src");
const STORE = path.join("server", "catalog", "catalog-store.ts");
const WRITE =
  /\.(tool|toolCapability|toolIntegration|phase|capability|auditLog)\.(create|createMany|update|updateMany|upsert|delete|deleteMany)\(/;
const RAW_WRITE =
  /(INSERT\s+INTO|UPDATE|DELETE\s+FROM)\s+"?(Tool|ToolCapability|ToolIntegration|Phase|Capability|AuditLog)"?\b/i;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "generated" ? [] : sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith(".test.ts") ? [full] : [];
  });
}

describe("one catalog write path", () => {
  test("only the catalog store writes catalog rows and audit records", () => {
    const writers = sourceFiles(SRC)
      .filter((file) => {
        const text = readFileSync(file, "utf8");
        return WRITE.test(text) || RAW_WRITE.test(text);
      })
      .map((file) => path.relative(SRC, file));
    expect(writers).toEqual([STORE]);
  });
});
