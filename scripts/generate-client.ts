/**
 * Generates the Prisma clients for both providers from prisma/schema.prisma. `prisma generate` does not use the
 * schema engine, but the CLI insists the binary exists; pointing it at any existing file keeps it offline.
 * Skips the work when the schema and Prisma version are unchanged since the last run.
 */
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { ROOT, SCHEMA_PATH, writeSchemaFor, type Provider } from "./lib/schemas";

const OUT_DIR = path.join(ROOT, "src/generated/prisma");
const STAMP = path.join(OUT_DIR, ".schema-hash");
const prismaVersion = (
  JSON.parse(readFileSync(path.join(ROOT, "node_modules/prisma/package.json"), "utf8")) as { version: string }
).version;
const hash = createHash("sha256").update(readFileSync(SCHEMA_PATH)).update(prismaVersion).digest("hex");

const providers: Provider[] = ["sqlite", "postgresql"];
const upToDate =
  existsSync(STAMP) &&
  readFileSync(STAMP, "utf8") === hash &&
  providers.every((p) => existsSync(path.join(OUT_DIR, p, "client.ts")));

if (upToDate && !process.argv.includes("--force")) {
  console.log("Prisma clients are up to date.");
} else {
  for (const provider of providers) {
    const schema = writeSchemaFor(provider);
    execFileSync(
      process.execPath,
      [path.join(ROOT, "node_modules/prisma/build/index.js"), "generate", "--schema", schema],
      {
        cwd: ROOT,
        stdio: ["ignore", "inherit", "inherit"],
        env: { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: process.execPath, PRISMA_HIDE_UPDATE_MESSAGE: "1" },
      },
    );
  }
  writeFileSync(STAMP, hash);
}
