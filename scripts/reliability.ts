/**
 * `npm run reliability`: load, fault and several-instance tests against real servers (scripts/start.ts) on fresh
 * databases, printing their figures and failing (exit 1) when a property does not hold. See docs/reliability.md.
 *
 *   npm run reliability                                  # full: 50 connections × 30 s per backend, all scenarios
 *   npm run reliability -- --short                       # CI: 20 connections × 10 s, shorter outage
 *   npm run reliability -- --backend sqlite --only load  # a subset
 *
 * PostgreSQL scenarios need TEST_DATABASE_URL (a role that may CREATE DATABASE); the PostgreSQL restart needs root
 * and `pg_ctlcluster` for the local cluster (RELIABILITY_PG_CLUSTER, default "15 main"), which is always started
 * again at the end.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { needsBuild } from "./lib/build-freshness";
import { assessmentBodies } from "./lib/reliability/client";
import {
  createScenarioDatabase,
  disposeAllDatabases,
  storedAssessmentIds,
  type Backend,
} from "./lib/reliability/databases";
import { postgresRestartUnderLoad, restorePostgres, sqliteKillDuringWrites } from "./lib/reliability/faults";
import { severalInstances } from "./lib/reliability/instances";
import { runLoad } from "./lib/reliability/load";
import { renderTable, Results } from "./lib/reliability/report";
import { killAllServers, startServer, type RunningServer } from "./lib/reliability/servers";

const ROOT = path.resolve(import.meta.dirname, "..");
const SCENARIOS = ["load", "faults", "instances"] as const;
type Scenario = (typeof SCENARIOS)[number];

function usage(message: string): never {
  console.error(
    `${message}\nusage: npm run reliability -- [--short] [--backend sqlite|postgresql|both] [--only load,faults,instances] [--connections N] [--duration S]`,
  );
  process.exit(2);
}

const { values } = parseArgs({
  options: {
    short: { type: "boolean", default: false },
    backend: { type: "string", default: "both" },
    only: { type: "string", default: SCENARIOS.join(",") },
    connections: { type: "string" },
    duration: { type: "string" },
  },
});
const short = values.short;
const backends: Backend[] =
  values.backend === "both"
    ? ["sqlite", "postgresql"]
    : values.backend === "sqlite" || values.backend === "postgresql"
      ? [values.backend]
      : usage(`unknown --backend ${values.backend}`);
const only = values.only.split(",").map((s) => s.trim()) as Scenario[];
for (const s of only) if (!SCENARIOS.includes(s)) usage(`unknown scenario ${s}`);
const connections = Number(values.connections ?? (short ? 20 : 50));
const duration = Number(values.duration ?? (short ? 10 : 30));
if (!Number.isInteger(connections) || connections < 1 || !(duration > 0))
  usage("--connections and --duration must be positive numbers");
const adminUrl = process.env.TEST_DATABASE_URL;
if (backends.includes("postgresql") && !adminUrl) {
  usage("PostgreSQL scenarios need TEST_DATABASE_URL (a role that may CREATE DATABASE), or pass --backend sqlite.");
}

const results = new Results();

async function loadScenario(backend: Backend): Promise<void> {
  const scenario = `load ${connections}×${duration}s`;
  console.log(`\n== load on ${backend}: ${connections} connections POSTing assessments for ${duration} s`);
  const database = await createScenarioDatabase(backend, ROOT, "load", adminUrl);
  let server: RunningServer | null = null;
  try {
    server = await startServer({
      name: `load-${backend}`,
      root: ROOT,
      databaseUrl: database.url,
      env: { RATE_LIMIT_WRITES_PER_MINUTE: "0" },
    });
    const bodies = await assessmentBodies(server.origin);
    const load = await runLoad({ origin: server.origin, bodies, connections, seconds: duration });
    const stored = await storedAssessmentIds(database.url);
    const acknowledged = new Set(load.acknowledged);
    const missing = [...acknowledged].filter((id) => !stored.has(id)).length;
    const unacknowledged = [...stored].filter((id) => !acknowledged.has(id)).length;
    results.figure({
      scenario,
      backend,
      requests: load.requests,
      ok2xx: load.ok2xx,
      c4xx: load.c4xx,
      c5xx: load.c5xx,
      errors: load.errors,
      seconds: load.seconds,
      rps: load.rps,
      p50Ms: load.p50Ms,
      p99Ms: load.p99Ms,
      stored: stored.size,
      notes: `max ${Math.round(load.maxMs)} ms; ${load.rounds} rounds; start ${(server.startMs / 1000).toFixed(1)} s`,
    });
    results.check(scenario, backend, "zero 5xx", load.c5xx === 0, JSON.stringify(load.otherStatuses));
    results.check(
      scenario,
      backend,
      "every valid submission accepted (no 4xx)",
      load.c4xx === 0,
      JSON.stringify(load.otherStatuses),
    );
    results.check(
      scenario,
      backend,
      "no connection errors or timeouts",
      load.errors === 0,
      `${load.errors} errors, ${load.timeouts} timeouts`,
    );
    results.check(
      scenario,
      backend,
      "stored assessments = 2xx responses (and the same ids)",
      stored.size === load.ok2xx && acknowledged.size === load.ok2xx && missing === 0 && unacknowledged === 0,
      `${stored.size} stored, ${load.ok2xx} 2xx, ${acknowledged.size} distinct ids acknowledged, ${missing} missing, ${unacknowledged} unacknowledged`,
    );
    const code = await server.stop();
    results.check(scenario, backend, "server stops cleanly on SIGTERM after the load", code === 0, `exit code ${code}`);
  } catch (error) {
    results.check(
      scenario,
      backend,
      "scenario ran to the end",
      false,
      `${String(error)}${server ? `\n${server.logTail()}` : ""}`,
    );
  } finally {
    await server?.kill9();
    await database.dispose();
  }
}

async function main(): Promise<void> {
  const started = Date.now();
  console.log(
    `reliability: ${short ? "short" : "full"} run; backends ${backends.join(", ")}; scenarios ${only.join(", ")}; ${connections} connections × ${duration} s`,
  );
  if (needsBuild(ROOT)) {
    console.log("\n== building the app once (npm run build)");
    execFileSync("npm", ["run", "build"], { cwd: ROOT, stdio: "inherit" });
  }

  if (only.includes("load")) for (const backend of backends) await loadScenario(backend);
  if (only.includes("faults")) {
    const options = { root: ROOT, adminUrl, short, results };
    if (backends.includes("sqlite")) {
      console.log("\n== faults on sqlite: kill -9 during a write burst, restart");
      await sqliteKillDuringWrites(options);
    }
    if (backends.includes("postgresql")) {
      console.log("\n== faults on postgresql: stop and start PostgreSQL under a request loop");
      await postgresRestartUnderLoad(options);
    }
  }
  if (only.includes("instances")) {
    if (backends.includes("postgresql")) {
      console.log("\n== several instances: two servers on one PostgreSQL database");
      await severalInstances({ root: ROOT, adminUrl, short, results });
    } else {
      console.log(
        "\n== several instances: skipped (they share a PostgreSQL database; use --backend postgresql or both)",
      );
    }
  }

  console.log(
    `\n== figures (${process.platform}, ${(await import("node:os")).cpus().length} CPUs, Node ${process.version}; load generator on the same machine)\n`,
  );
  console.log(renderTable(results.figures));
  const failed = results.checks.filter((c) => !c.ok);
  if (failed.length > 0) {
    console.log("\nFailed properties:");
    for (const c of failed)
      console.log(`  - [${c.scenario} / ${c.backend}] ${c.name}${c.detail ? `: ${c.detail}` : ""}`);
  }
  const out = path.join(ROOT, "data/reliability/last-run.json");
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(
    out,
    JSON.stringify(
      { short, backends, scenarios: only, connections, duration, figures: results.figures, checks: results.checks },
      null,
      2,
    ),
  );
  console.log(`\n(figures also in ${path.relative(ROOT, out)}; ${Math.round((Date.now() - started) / 1000)} s in all)`);
  console.log(`reliability: ${results.checks.length - failed.length} passed, ${failed.length} failed`);
  process.exitCode = failed.length > 0 ? 1 : 0;
}

let cleaningUp = false;
async function cleanUp(): Promise<void> {
  if (cleaningUp) return;
  cleaningUp = true;
  await restorePostgres();
  await killAllServers();
  await disposeAllDatabases();
}

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    console.error(`\n${signal}: stopping servers and removing databases`);
    void cleanUp().finally(() => process.exit(130));
  });
}

try {
  await main();
} catch (error) {
  console.error(error);
  process.exitCode = 1;
} finally {
  await cleanUp();
}
