import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, type Page } from "@playwright/test";
import { stringify } from "yaml";
import { expectAccessible } from "./axe";

/**
 * Fixtures for the admin journeys. Each test makes its own maintainers (with the real `npm run admin:create` command
 * against the e2e database) and its own tools (with `npm run catalog:import`), so tests never share state.
 */

const ROOT = path.resolve(import.meta.dirname, "../../..");
const E2E_DATABASE = "file:./data/e2e/advisor.db";

function runScript(script: string, args: string[], input?: string): string {
  return execFileSync(
    process.execPath,
    ["--conditions=react-server", "--import", "tsx", path.join("scripts", script), ...args],
    {
      cwd: ROOT,
      input,
      encoding: "utf8",
      env: {
        ...process.env,
        DATABASE_URL: E2E_DATABASE,
        LOG_LEVEL: "warn",
        NODE_ENV: "production",
        BETTER_AUTH_SECRET: process.env.E2E_AUTH_SECRET,
      },
    },
  );
}

export type Maintainer = { email: string; password: string; role: "admin" | "editor" };

export function createMaintainer(role: Maintainer["role"], name: string = role): Maintainer {
  const email = `${name}-${randomBytes(4).toString("hex")}@example.com`;
  const password = `pw-${randomBytes(12).toString("base64url")}`;
  runScript(
    "admin-create.ts",
    ["--email", email, "--role", role, "--name", `${name[0]!.toUpperCase()}${name.slice(1)} Tester`],
    `${password}\n`,
  );
  return { email, password, role };
}

/** A tool of this test's own, created through the import command (as a maintainer would from a file). */
export function importTool(overrides: Record<string, unknown> = {}): { slug: string; name: string; summary: string } {
  const id = randomBytes(3).toString("hex");
  const tool = {
    slug: `e2e-tool-${id}`,
    name: `E2E Tool ${id}`,
    summary: "A tool made by an end-to-end test.",
    description: "Made by a test. It tracks **experiments**.",
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
    integrations: [],
    strengths: ["Small"],
    limitations: ["Imaginary"],
    risks: [],
    status: "active",
    successor: null,
    statusNote: null,
    lastReviewed: "2026-11-01",
    ...overrides,
  };
  const dir = mkdtempSync(path.join(tmpdir(), "e2e-import-"));
  const file = path.join(dir, "tool.yaml");
  writeFileSync(file, stringify({ tools: [tool] }));
  runScript("catalog-import.ts", [file, "--apply"]);
  return { slug: tool.slug, name: tool.name, summary: tool.summary };
}

export async function signIn(page: Page, maintainer: Maintainer, next = "/admin") {
  await page.goto(`/admin/sign-in?next=${encodeURIComponent(next)}`);
  await expectAccessible(page);
  await page.getByLabel("Email").fill(maintainer.email);
  await page.getByLabel("Password").fill(maintainer.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(new RegExp(`${next.replace(/[/?]/g, "\\$&")}$`));
}
