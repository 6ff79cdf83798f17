import { mkdirSync } from "node:fs";
import path from "node:path";

/** SQLite waits this long for a competing writer before giving up with SQLITE_BUSY. */
export const SQLITE_BUSY_TIMEOUT_MS = 10_000;

/**
 * Resolves a `file:` URL to an absolute path (relative paths are taken from the working directory, as Prisma does)
 * and creates its directory so a fresh clone starts without setup.
 */
export function sqlitePathFromUrl(url: string, { createDir = true } = {}): string {
  if (!url.startsWith("file:")) throw new Error(`not a SQLite URL: ${url.split(":")[0] ?? ""}:…`);
  const raw = decodeURIComponent(url.slice("file:".length).split("?")[0] ?? "");
  if (raw === "") throw new Error("DATABASE_URL: the SQLite file path is empty (expected file:./data/advisor.db)");
  if (raw === ":memory:") return raw;
  const file = path.resolve(raw.replace(/^\/\/(?=\/)/, ""));
  if (createDir) mkdirSync(path.dirname(file), { recursive: true });
  return file;
}

/** A URL safe to print: the password is masked. */
export function redactDatabaseUrl(url: string): string {
  if (url.startsWith("file:")) return url;
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return "postgresql://(unparseable)";
  }
}
