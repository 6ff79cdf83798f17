import { mkdtempSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, test, vi } from "vitest";
import { applyLocalAuthSecret } from "./local-auth-secret";

afterEach(() => vi.unstubAllEnvs());

describe("applyLocalAuthSecret", () => {
  test("makes one random secret, readable by the owner only, and reuses it on the next start", () => {
    vi.stubEnv("BETTER_AUTH_SECRET", undefined);
    const root = mkdtempSync(path.join(tmpdir(), "secret-"));
    const file = applyLocalAuthSecret(root, { nodeEnv: "development", secret: undefined });
    expect(file).toBe(path.join(root, "data", ".auth-secret"));
    const first = readFileSync(file!, "utf8").trim();
    expect(first).toHaveLength(43);
    expect(statSync(file!).mode & 0o777).toBe(0o600);
    expect(process.env.BETTER_AUTH_SECRET).toBe(first);
    applyLocalAuthSecret(root, { nodeEnv: "development", secret: undefined });
    expect(process.env.BETTER_AUTH_SECRET).toBe(first);
    const other = mkdtempSync(path.join(tmpdir(), "secret-"));
    applyLocalAuthSecret(other, { nodeEnv: "development", secret: undefined });
    expect(process.env.BETTER_AUTH_SECRET).not.toBe(first);
  });

  test("does nothing when a secret is configured or production is declared", () => {
    const root = mkdtempSync(path.join(tmpdir(), "secret-"));
    expect(applyLocalAuthSecret(root, { nodeEnv: "production", secret: undefined })).toBeNull();
    expect(applyLocalAuthSecret(root, { nodeEnv: "development", secret: "x".repeat(40) })).toBeNull();
  });
});
