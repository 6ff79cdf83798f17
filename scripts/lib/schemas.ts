/**
 * schema.prisma is written once (SQLite provider). The PostgreSQL variant is derived from it by swapping the
 * datasource provider and the generator output; nothing else differs, so the models cannot drift apart.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

export type Provider = "sqlite" | "postgresql";

export const ROOT = path.resolve(import.meta.dirname, "../..");
export const SCHEMA_PATH = path.join(ROOT, "prisma/schema.prisma");
export const DERIVED_DIR = path.join(ROOT, "prisma/.generated");

export function schemaFor(provider: Provider, source = readFileSync(SCHEMA_PATH, "utf8")): string {
  if (provider === "sqlite") return source;
  const swapped = source
    .replace(/provider\s*=\s*"sqlite"/, 'provider = "postgresql"')
    .replace(
      'output       = "../src/generated/prisma/sqlite"',
      'output       = "../../src/generated/prisma/postgresql"',
    );
  if (swapped === source || !swapped.includes('provider = "postgresql"') || !swapped.includes("prisma/postgresql")) {
    throw new Error(
      "prisma/schema.prisma: could not derive the PostgreSQL schema (datasource or generator changed shape)",
    );
  }
  return swapped;
}

/** Writes the schema for a provider to prisma/.generated/ and returns its path. */
export function writeSchemaFor(provider: Provider): string {
  if (provider === "sqlite") return SCHEMA_PATH;
  mkdirSync(DERIVED_DIR, { recursive: true });
  const file = path.join(DERIVED_DIR, `${provider}.prisma`);
  writeFileSync(file, schemaFor(provider));
  return file;
}
