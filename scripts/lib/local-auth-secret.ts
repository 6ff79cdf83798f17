import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

/**
 * `npm start` without configuration serves the production build on this machine. Next.js then runs with
 * NODE_ENV=production, where a session secret is required. When the operator has not declared production
 * (NODE_ENV unset) and set no BETTER_AUTH_SECRET, use a random secret kept in data/.auth-secret (created once, owner
 * read/write only), so that sessions survive restarts. Never a fixed value. A declared production (NODE_ENV=production)
 * without BETTER_AUTH_SECRET still refuses to start (src/env.ts).
 *
 * Returns the file used, or null when nothing was needed.
 */
export function applyLocalAuthSecret(
  root: string,
  declared: { nodeEnv: string; secret: string | undefined },
): string | null {
  if (declared.secret || declared.nodeEnv === "production") return null;
  const file = path.join(root, "data", ".auth-secret");
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, `${randomBytes(32).toString("base64url")}\n`, { mode: 0o600 });
  }
  chmodSync(file, 0o600);
  const secret = readFileSync(file, "utf8").trim();
  if (secret.length < 32) throw new Error(`${file} does not hold a usable secret; delete it to make a new one.`);
  process.env.BETTER_AUTH_SECRET = secret;
  return file;
}
