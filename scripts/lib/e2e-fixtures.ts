/**
 * The data the admin journeys need, made in the e2e database before the server starts: maintainers (with the real
 * `admin:create` command) and tools of their own (with `catalog:import`). Each test has its own, so tests never
 * share state. They are made before the server starts because a command writing to the SQLite file while the server
 * writes to it can fail with SQLITE_BUSY (Prisma: "Operation has timed out"): when the server commits between the
 * command's read and its write in one transaction, WAL mode refuses that write at once (SQLITE_BUSY_SNAPSHOT) instead
 * of waiting. `scripts/test-e2e.ts` makes them and hands them to the tests in the E2E_FIXTURES environment variable.
 */
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { stringify } from "yaml";
import { HOSTILE_MARKDOWN } from "../../tests/fixtures/hostile-markdown";

export const E2E_DATABASE_URL = "file:./data/e2e/advisor.db";
const FIXTURES_ENV = "E2E_FIXTURES";

/** One maintainer per admin test (and per role it plays there). `name` starts the email and the display name. */
export const E2E_MAINTAINERS = {
  journey: { role: "admin", name: "admin" },
  conflictFirst: { role: "admin", name: "alice" },
  conflictSecond: { role: "editor", name: "bob" },
  editorRights: { role: "editor", name: "editor" },
  addsEditor: { role: "admin", name: "admin" },
  signsOut: { role: "admin", name: "admin" },
  wrongPassword: { role: "editor", name: "editor" },
  hostileReturn: { role: "editor", name: "editor" },
  retires: { role: "editor", name: "editor" },
  createsWithErrors: { role: "editor", name: "editor" },
  editsRelations: { role: "editor", name: "editor" },
  editsPlan: { role: "editor", name: "editor" },
} as const satisfies Record<string, { role: "admin" | "editor"; name: string }>;

/** One tool per test that edits or reads an existing tool of its own: "stale" is past its review interval,
 * with sources and refresh data, for the freshness journeys. */
export const E2E_TOOLS = ["conflict", "hostileMarkdown", "retire", "relations", "stale"] as const;

export type E2eMaintainerKey = keyof typeof E2E_MAINTAINERS;
export type E2eToolKey = (typeof E2E_TOOLS)[number];
export type Maintainer = { email: string; password: string; role: "admin" | "editor" };
export type E2eTool = { slug: string; name: string; summary: string };
export type E2eFixtures = { maintainers: Record<E2eMaintainerKey, Maintainer>; tools: Record<E2eToolKey, E2eTool> };

/** What a fixture tool has that differs from the plain one. */
const TOOL_OVERRIDES: Partial<Record<E2eToolKey, Record<string, unknown>>> = {
  hostileMarkdown: {
    description: ["Tracks **experiments** with `e2e.log()`:", "- one\n- two", ...HOSTILE_MARKDOWN].join("\n\n"),
  },
};

/** The day `months` months before today (UTC), as YYYY-MM-DD: the stale tool's dates are relative to the run. */
function monthsAgo(months: number): string {
  const day = new Date();
  day.setUTCMonth(day.getUTCMonth() - months);
  return day.toISOString().slice(0, 10);
}

/** What makes the "stale" tool stale: reviewed long ago, with a dated source, last read from GitHub as archived. */
const STALE_FIELDS = {
  lastReviewed: "2024-01-15",
  sources: [
    {
      url: "https://example.com/e2e/license",
      supports: ["license", "status"],
      checked: "2024-01-15",
      note: "The licence file of the imaginary project.",
    },
  ],
  freshness: {
    checked: monthsAgo(0),
    latestRelease: { version: "v1.2.0", date: monthsAgo(3) },
    lastActivity: monthsAgo(2),
    archived: true,
  },
};

function newTool(key: E2eToolKey): Record<string, unknown> & E2eTool {
  const id = randomBytes(3).toString("hex");
  return {
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
    ...TOOL_OVERRIDES[key],
    ...(key === "stale" ? STALE_FIELDS : {}),
  };
}

/**
 * Migrates and seeds the (fresh) e2e database, then makes every fixture, one command at a time, while nothing else
 * writes to it. Call before the server starts; it then finds the catalog seeded and leaves it as it is.
 */
export function prepareE2eDatabase(root: string, authSecret: string): E2eFixtures {
  const run = (script: string, args: string[] = [], input?: string) => {
    try {
      execFileSync(
        process.execPath,
        ["--conditions=react-server", "--import", "tsx", path.join("scripts", script), ...args],
        {
          cwd: root,
          input,
          encoding: "utf8",
          stdio: ["pipe", "pipe", "pipe"],
          env: {
            ...process.env,
            DATABASE_URL: E2E_DATABASE_URL,
            LOG_LEVEL: "warn",
            NODE_ENV: "production",
            BETTER_AUTH_SECRET: authSecret,
          },
        },
      );
    } catch (error) {
      const { stdout, stderr } = error as { stdout?: string; stderr?: string };
      const output = [stdout, stderr].map((text) => text?.trim()).filter(Boolean);
      throw new Error(`Preparing the e2e database: ${script} ${args.join(" ")} failed:\n${output.join("\n")}`, {
        cause: error,
      });
    }
  };

  run("db-migrate.ts");
  run("db-seed.ts");

  const maintainers = {} as Record<E2eMaintainerKey, Maintainer>;
  for (const key of Object.keys(E2E_MAINTAINERS) as E2eMaintainerKey[]) {
    const { role, name } = E2E_MAINTAINERS[key];
    const email = `${name}-${randomBytes(4).toString("hex")}@example.com`;
    const password = `pw-${randomBytes(12).toString("base64url")}`;
    run(
      "admin-create.ts",
      ["--email", email, "--role", role, "--name", `${name[0]!.toUpperCase()}${name.slice(1)} Tester`],
      `${password}\n`,
    );
    maintainers[key] = { email, password, role };
  }

  const tools = {} as Record<E2eToolKey, E2eTool>;
  const dir = mkdtempSync(path.join(tmpdir(), "e2e-import-"));
  try {
    for (const key of E2E_TOOLS) {
      const tool = newTool(key);
      const file = path.join(dir, `${key}.yaml`);
      writeFileSync(file, stringify({ tools: [tool] }));
      run("catalog-import.ts", [file, "--apply"]);
      tools[key] = { slug: tool.slug, name: tool.name, summary: tool.summary };
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return { maintainers, tools };
}

/** The environment that hands the fixtures to the Playwright runner and its workers. */
export function fixturesEnv(fixtures: E2eFixtures): Record<string, string> {
  return { [FIXTURES_ENV]: JSON.stringify(fixtures) };
}

/** The fixtures made by `prepareE2eDatabase`, as the tests see them. */
export function readE2eFixtures(): E2eFixtures {
  const json = process.env[FIXTURES_ENV];
  if (!json) {
    throw new Error(
      `${FIXTURES_ENV} is not set: the admin journeys need maintainers and tools made before the server starts. Run them with \`npm run test:e2e\`.`,
    );
  }
  return JSON.parse(json) as E2eFixtures;
}
