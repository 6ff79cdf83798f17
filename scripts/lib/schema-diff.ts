/**
 * Computes migration SQL offline with Prisma 6.19's WASM schema engine (installed as the `prisma6` dev dependency):
 * the Prisma 7 CLI downloads a native engine for `migrate diff` and fails without internet, while 6.19 runs the
 * engine as WASM through a driver adapter. See docs/decisions/002-offline-migrations.md.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { ROOT, schemaFor, type Provider } from "./schemas";

/** Prisma 6 still wants a url in the datasource block; it is never connected to for SQLite. */
function asPrisma6Schema(source: string, provider: Provider, shadowUrl: string): string {
  const withProvider = schemaFor(provider, source);
  return withProvider.replace(
    /(datasource db \{\s*provider = "(?:sqlite|postgresql)")/,
    `$1\n  url = "${provider === "sqlite" ? "file:./prisma6-unused.db" : shadowUrl}"`,
  );
}

/**
 * SQL that takes a database from the `from` schema (null: empty database) to the `to` schema. For PostgreSQL the
 * engine needs a reachable server (`shadowUrl`); it reads nothing from it for a schema-to-schema diff.
 */
export function diffSchemas(provider: Provider, from: string | null, to: string, shadowUrl = ""): string {
  const dir = mkdtempSync(path.join(tmpdir(), "advisor-diff-"));
  try {
    const toFile = path.join(dir, "to.prisma");
    writeFileSync(toFile, asPrisma6Schema(to, provider, shadowUrl));
    const fromArgs = from === null ? ["--from-empty"] : ["--from-schema-datamodel", path.join(dir, "from.prisma")];
    if (from !== null) writeFileSync(path.join(dir, "from.prisma"), asPrisma6Schema(from, provider, shadowUrl));
    const adapter =
      provider === "sqlite"
        ? `import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";\nconst adapter = () => new PrismaBetterSqlite3({ url: ":memory:" });`
        : `import { PrismaPg } from "@prisma/adapter-pg";\nconst adapter = () => new PrismaPg({ connectionString: ${JSON.stringify(shadowUrl)} });`;
    const config = path.join(dir, "prisma.config.mjs");
    writeFileSync(
      config,
      `${adapter}\nexport default { schema: "to.prisma", engine: "js", experimental: { adapter: true }, adapter: async () => adapter() };\n`,
    );
    const out = execFileSync(
      process.execPath,
      [
        path.join(ROOT, "node_modules/prisma6/build/index.js"),
        "migrate",
        "diff",
        "--config",
        config,
        ...fromArgs,
        "--to-schema-datamodel",
        toFile,
        "--script",
      ],
      {
        cwd: dir,
        encoding: "utf8",
        stdio: ["ignore", "pipe", "pipe"],
        env: {
          ...process.env,
          NODE_PATH: path.join(ROOT, "node_modules"),
          PRISMA_QUERY_ENGINE_LIBRARY: process.execPath,
          PRISMA_SCHEMA_ENGINE_BINARY: process.execPath,
          PRISMA_HIDE_UPDATE_MESSAGE: "1",
        },
      },
    );
    return out.replace(/^Loaded Prisma config from .*\n+/m, "").trim();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
