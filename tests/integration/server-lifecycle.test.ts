import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { rmSync } from "node:fs";
import { Agent, request } from "node:http";
import path from "node:path";
import { afterAll, expect, test } from "vitest";
import { freePort } from "../support/free-port";
import { SERVER_ENV, SERVER_NODE_ARGS } from "../../scripts/lib/server-command";

/**
 * `npm start` on a fresh database file: migrates, seeds, serves; SIGTERM drains and exits 0. Uses the production
 * build (`npm test` builds first; without a build, start builds it).
 */
const DB_DIR = path.resolve("data/test/lifecycle");
afterAll(() => rmSync(DB_DIR, { recursive: true, force: true }));

test(
  "npm start serves a migrated, seeded database and a SIGTERM shuts it down cleanly",
  { timeout: 300_000 },
  async () => {
    rmSync(DB_DIR, { recursive: true, force: true });
    const port = await freePort();
    const server = spawn(process.execPath, [...SERVER_NODE_ARGS], {
      env: {
        ...process.env,
        ...SERVER_ENV,
        DATABASE_URL: `file:${DB_DIR}/advisor.db`,
        PORT: String(port),
        HOST: "127.0.0.1",
        LOG_LEVEL: "info",
        NODE_ENV: "production",
        BETTER_AUTH_SECRET: randomBytes(32).toString("base64url"),
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let logs = "";
    server.stdout.on("data", (chunk: Buffer) => (logs += chunk.toString()));
    server.stderr.on("data", (chunk: Buffer) => (logs += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => server.once("exit", (code) => resolve(code)));

    let health: { status?: string } = {};
    for (let i = 0; i < 240 && server.exitCode === null; i++) {
      try {
        const response = await fetch(`http://127.0.0.1:${port}/api/health`);
        health = (await response.json()) as { status?: string };
        if (response.ok) break;
      } catch {
        await new Promise((r) => setTimeout(r, 1000));
      }
    }
    expect(health.status, logs).toBe("ok");
    const home = await fetch(`http://127.0.0.1:${port}/`);
    expect(home.status).toBe(200);

    // An open keep-alive connection must not keep the process alive after SIGTERM.
    await new Promise<void>((resolve) => {
      const req = request(
        { host: "127.0.0.1", port, path: "/api/health", agent: new Agent({ keepAlive: true }) },
        (res) => {
          res.resume();
          res.on("end", () => resolve());
        },
      );
      req.end();
    });
    server.kill("SIGTERM");
    const code = await Promise.race([exited, new Promise<"timeout">((r) => setTimeout(() => r("timeout"), 20_000))]);
    expect(code).toBe(0);
    const lines = logs
      .split("\n")
      .filter((l) => l.startsWith("{"))
      .map((l) => JSON.parse(l) as { msg: string; level: string });
    expect(lines.map((l) => l.msg)).toEqual(
      expect.arrayContaining([
        "database migrated",
        "empty catalog seeded from content/",
        "MLOps Stack Advisor is ready",
        "shutting down: draining in-flight requests",
      ]),
    );
    expect(lines.every((l) => typeof l.level === "string")).toBe(true);
  },
);

test("in production, npm start refuses to start without a session secret, and says which variable", () => {
  const { BETTER_AUTH_SECRET: _unset, ...environment } = process.env;
  const result = spawnSync(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/start.ts"], {
    env: { ...environment, DATABASE_URL: `file:${DB_DIR}/never.db`, NODE_ENV: "production", LOG_LEVEL: "silent" },
    encoding: "utf8",
    timeout: 60_000,
  });
  expect(result.status).not.toBe(0);
  expect(result.stderr).toMatch(/BETTER_AUTH_SECRET: is required in production/);
});
