/**
 * Faults.
 * - SQLite: a burst of concurrent writes, SIGKILL of the server mid-burst, then: PRAGMA integrity_check and
 *   foreign_key_check on the file as the crash left it, every write acknowledged with 201 present, a restart on the
 *   same file serving them, and new writes accepted.
 * - PostgreSQL: a light request loop while the PostgreSQL cluster is stopped and started again under the same app
 *   process: /api/health reports the outage (503) while it lasts and 200 again afterwards, writes work again.
 */
import { execFile, spawnSync } from "node:child_process";
import { promisify } from "node:util";
import { acknowledgedId, assessmentBodies, postAssessment, timedFetch, type Timed } from "./client";
import { createScenarioDatabase, queryDatabase, storedAssessmentIds } from "./databases";
import type { Results } from "./report";
import { sleep, startServer, type RunningServer } from "./servers";

export type FaultOptions = { root: string; adminUrl: string | undefined; short: boolean; results: Results };

export async function sqliteKillDuringWrites({ root, short, results }: FaultOptions): Promise<void> {
  const scenario = "kill -9 during writes";
  const backend = "sqlite";
  const database = await createScenarioDatabase("sqlite", root, "faults", undefined);
  let server: RunningServer | null = null;
  try {
    server = await startServer({
      name: "faults",
      root,
      databaseUrl: database.url,
      env: { RATE_LIMIT_WRITES_PER_MINUTE: "0" },
    });
    const bodies = await assessmentBodies(server.origin);
    const workers = short ? 16 : 32;
    const killAfterAcks = short ? 150 : 400;
    const acknowledged: string[] = [];
    let sent = 0;
    let inFlight = 0;
    let stopping = false;
    let failedBeforeKill = 0;
    const origin = server.origin;

    const worker = async (n: number) => {
      for (let i = 0; !stopping; i++) {
        sent++;
        inFlight++;
        const result = await postAssessment(origin, bodies[(n + i) % bodies.length]!, {}, 30_000);
        inFlight--;
        const id = acknowledgedId(result);
        if (id) acknowledged.push(id);
        else if (!stopping) failedBeforeKill++;
      }
    };
    const burst = Array.from({ length: workers }, (_, n) => worker(n));
    const burstStart = performance.now();
    while (acknowledged.length < killAfterAcks && performance.now() - burstStart < 60_000) await sleep(5);
    // Kill while every worker has a request in flight; no new request starts after this point.
    stopping = true;
    const inFlightAtKill = inFlight;
    const ackedAtKill = acknowledged.length;
    await server.kill9();
    await Promise.all(burst);
    const burstSeconds = (performance.now() - burstStart) / 1000;
    // Anything acknowledged after the kill signal was sent was still answered by the server before it died.
    const ackedTotal = acknowledged.length;

    // The file exactly as the crash left it, opened by a fresh connection (which replays the WAL).
    const integrity = await queryDatabase<{ integrity_check: string }>(database.url, "PRAGMA integrity_check");
    const foreignKeys = await queryDatabase(database.url, "PRAGMA foreign_key_check");
    const stored = await storedAssessmentIds(database.url);
    const missing = acknowledged.filter((id) => !stored.has(id));
    const unacknowledged = stored.size - new Set(acknowledged).size;

    const restart = await startServer({
      name: "faults-restarted",
      root,
      databaseUrl: database.url,
      port: server.port,
      env: { RATE_LIMIT_WRITES_PER_MINUTE: "0" },
    });
    server = restart;
    const sample = [...acknowledged.slice(0, 10), ...acknowledged.slice(-20)];
    const reads = await Promise.all(sample.map((id) => timedFetch(`${restart.origin}/api/v1/assessments/${id}`)));
    const readOk = reads.filter((r) => r.status === 200).length;
    const after = await Promise.all(
      Array.from({ length: 10 }, (_, i) => postAssessment(restart.origin, bodies[i % bodies.length]!)),
    );
    const afterIds = after.map(acknowledgedId).filter((id): id is string => id !== null);
    const storedAfter = await storedAssessmentIds(database.url);

    results.figure({
      scenario,
      backend,
      requests: sent,
      ok2xx: ackedTotal,
      c4xx: 0,
      c5xx: 0,
      errors: sent - ackedTotal,
      seconds: burstSeconds,
      stored: stored.size,
      notes: `${workers} writers; SIGKILL with ${inFlightAtKill} in flight (the errors) after ${ackedAtKill} acks; restart ${(restart.startMs / 1000).toFixed(1)} s`,
    });
    results.check(
      scenario,
      backend,
      "PRAGMA integrity_check after kill -9",
      integrity.length === 1 && integrity[0]?.integrity_check === "ok",
      JSON.stringify(integrity.map((r) => r.integrity_check)),
    );
    results.check(
      scenario,
      backend,
      "PRAGMA foreign_key_check after kill -9",
      foreignKeys.length === 0,
      `${foreignKeys.length} violations`,
    );
    results.check(
      scenario,
      backend,
      "every write acknowledged with 201 is stored",
      missing.length === 0 && ackedTotal > 0,
      `${ackedTotal} acknowledged, ${missing.length} missing`,
    );
    results.check(
      scenario,
      backend,
      "stored but unacknowledged writes are at most those in flight at the kill",
      unacknowledged >= 0 && unacknowledged <= inFlightAtKill,
      `${unacknowledged} stored without an answer, ${inFlightAtKill} were in flight`,
    );
    results.check(
      scenario,
      backend,
      "no write failed before the kill",
      failedBeforeKill === 0,
      `${failedBeforeKill} failed`,
    );
    results.check(
      scenario,
      backend,
      "restarted server serves acknowledged assessments",
      readOk === sample.length,
      `${readOk}/${sample.length} read back`,
    );
    results.check(
      scenario,
      backend,
      "restarted server accepts and stores new writes",
      afterIds.length === after.length &&
        afterIds.every((id) => storedAfter.has(id)) &&
        storedAfter.size === stored.size + afterIds.length,
      `${afterIds.length}/${after.length} answered 201, ${storedAfter.size - stored.size} new rows`,
    );
    const code = await restart.stop();
    results.check(scenario, backend, "restarted server stops cleanly on SIGTERM", code === 0, `exit code ${code}`);
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

/** Which local cluster to stop: `pg_ctlcluster <version> <name>`; RELIABILITY_PG_CLUSTER="15 main" by default. */
function clusterArgs(): [string, string] {
  const [version = "15", name = "main"] = (process.env.RELIABILITY_PG_CLUSTER ?? "15 main").split(/\s+/);
  return [version, name];
}

let stoppedByUs = false;

/** Asynchronous, so that the request loop keeps its timing while the cluster stops or starts. */
async function pgCtl(action: "stop" | "start", ...args: string[]): Promise<void> {
  if (action === "stop") stoppedByUs = true;
  await promisify(execFile)("pg_ctlcluster", [...clusterArgs(), action, ...args]);
}

/** For the runner's signal handler: starts the cluster again if this process stopped it. */
export async function restorePostgres(): Promise<void> {
  if (stoppedByUs) await ensureClusterRunning();
}

function clusterRunning(): boolean {
  return spawnSync("pg_ctlcluster", [...clusterArgs(), "status"], { stdio: "ignore" }).status === 0;
}

async function ensureClusterRunning(): Promise<void> {
  if (!clusterRunning()) spawnSync("pg_ctlcluster", [...clusterArgs(), "start"], { stdio: "inherit" });
  stoppedByUs = false;
  for (let i = 0; i < 60; i++) {
    if (spawnSync("pg_isready", ["-q", "-h", "127.0.0.1"], { stdio: "ignore" }).status === 0) return;
    await sleep(500);
  }
  throw new Error("PostgreSQL did not come back within 30 s: start it with `pg_ctlcluster 15 main start`");
}

type Sample = { at: number; kind: "health" | "write"; result: Timed };

export async function postgresRestartUnderLoad({ root, adminUrl, short, results }: FaultOptions): Promise<void> {
  const scenario = "PostgreSQL restart under load";
  const backend = "postgresql";
  if (spawnSync("pg_ctlcluster", ["--help"], { stdio: "ignore" }).error) {
    results.check(
      scenario,
      backend,
      "pg_ctlcluster is available to stop and start PostgreSQL",
      false,
      "pg_ctlcluster not found (Debian's postgresql-common)",
    );
    return;
  }
  const database = await createScenarioDatabase("postgresql", root, "pgfault", adminUrl);
  let server: RunningServer | null = null;
  let stopLoop = false;
  let loop: Promise<void> = Promise.resolve();
  try {
    server = await startServer({
      name: "pgfault",
      root,
      databaseUrl: database.url,
      env: { RATE_LIMIT_WRITES_PER_MINUTE: "0" },
    });
    const origin = server.origin;
    const pid = server.pid;
    const bodies = await assessmentBodies(origin);
    const samples: Sample[] = [];
    const t0 = performance.now();
    const now = () => performance.now() - t0;
    // A light, steady loop: a health probe every 100 ms and a write every 200 ms, each with a 3 s deadline.
    const probe = async (kind: Sample["kind"], every: number) => {
      for (let i = 0; !stopLoop; i++) {
        const at = now();
        const result =
          kind === "health"
            ? await timedFetch(`${origin}/api/health`, {}, 3_000)
            : await postAssessment(origin, bodies[i % bodies.length]!, {}, 3_000);
        samples.push({ at, kind, result });
        await sleep(Math.max(0, every - (now() - at)));
      }
    };
    loop = Promise.all([probe("health", 100), probe("write", 200)]).then(() => undefined);

    await sleep(2_000);
    const beforeOk = samples.every((s) => s.result.status === (s.kind === "health" ? 200 : 201));
    const tStop = now();
    await pgCtl("stop", "-m", "fast");
    const tStopped = now();
    const outageSeconds = short ? 5 : 10;
    await sleep(outageSeconds * 1000);
    const tStart = now();
    await pgCtl("start");
    const tStarted = now();
    // Wait for the app to recover (health 200 and a write 201 after the start), at most 60 s, then 2 s of steady state.
    const recovered = (kind: Sample["kind"], status: number) =>
      samples.find((s) => s.kind === kind && s.at >= tStarted && s.result.status === status);
    const deadline = now() + 60_000;
    while (now() < deadline && !(recovered("health", 200) && recovered("write", 201))) await sleep(100);
    const tRecovered = now();
    await sleep(2_000);
    stopLoop = true;
    await loop;

    const firstUnhealthy = samples.find((s) => s.kind === "health" && s.at >= tStop && s.result.status === 503);
    const duringOutage = samples.filter((s) => s.kind === "health" && s.at >= tStopped && s.at + s.result.ms <= tStart);
    const outageStatuses = countBy(duringOutage.map((s) => s.result.status));
    const writesDuringOutage = countBy(
      samples
        .filter((s) => s.kind === "write" && s.at >= tStopped && s.at + s.result.ms <= tStart)
        .map((s) => s.result.status),
    );
    const healthBack = recovered("health", 200);
    const writeBack = recovered("write", 201);
    const steady = samples.filter((s) => s.at >= tRecovered + 200);
    const steadyOk = steady.every((s) => s.result.status === (s.kind === "health" ? 200 : 201));
    const noConnectionFailure = samples.every((s) => s.result.status !== 0);
    const healthRecoveryS = healthBack ? (healthBack.at + healthBack.result.ms - tStarted) / 1000 : Infinity;
    const writeRecoveryS = writeBack ? (writeBack.at + writeBack.result.ms - tStarted) / 1000 : Infinity;

    const writes = samples.filter((s) => s.kind === "write");
    const acknowledged = writes.map((s) => acknowledgedId(s.result)).filter((id): id is string => id !== null);
    const stored = await storedAssessmentIds(database.url);
    const missing = acknowledged.filter((id) => !stored.has(id));

    results.figure({
      scenario,
      backend,
      requests: samples.length,
      ok2xx: samples.filter((s) => s.result.status >= 200 && s.result.status < 300).length,
      c4xx: samples.filter((s) => s.result.status >= 400 && s.result.status < 500).length,
      c5xx: samples.filter((s) => s.result.status >= 500).length,
      errors: samples.filter((s) => s.result.status === 0).length,
      seconds: now() / 1000,
      stored: stored.size,
      notes:
        `outage ${((tStart - tStop) / 1000).toFixed(1)} s; 503 after ${firstUnhealthy ? ((firstUnhealthy.at + firstUnhealthy.result.ms - tStop) / 1000).toFixed(2) : "-"} s; ` +
        `PostgreSQL start ${((tStarted - tStart) / 1000).toFixed(1)} s; then health 200 in ${healthRecoveryS.toFixed(2)} s, write 201 in ${writeRecoveryS.toFixed(2)} s`,
    });
    results.check(scenario, backend, "all requests succeed before the outage", beforeOk);
    results.check(
      scenario,
      backend,
      "/api/health answers 503 while PostgreSQL is down",
      duringOutage.length > 0 && outageStatuses.get(503) === duringOutage.length,
      `health during outage: ${format(outageStatuses)}`,
    );
    results.check(
      scenario,
      backend,
      "writes during the outage fail with an HTTP error, not a hang or crash",
      [...writesDuringOutage.keys()].every((s) => s >= 500),
      `writes during outage: ${format(writesDuringOutage)}`,
    );
    results.check(
      scenario,
      backend,
      "/api/health is 200 again within 30 s of the restart",
      healthRecoveryS <= 30,
      `${healthRecoveryS.toFixed(2)} s`,
    );
    results.check(
      scenario,
      backend,
      "writes succeed again within 30 s of the restart",
      writeRecoveryS <= 30,
      `${writeRecoveryS.toFixed(2)} s`,
    );
    results.check(
      scenario,
      backend,
      "every request after recovery succeeds",
      steady.length > 0 && steadyOk,
      `${steady.length} requests`,
    );
    results.check(
      scenario,
      backend,
      "the same server process recovered (no restart)",
      server.isAlive() && server.pid === pid && noConnectionFailure,
      `pid ${pid}, alive ${server.isAlive()}`,
    );
    results.check(
      scenario,
      backend,
      "every write acknowledged with 201 is stored",
      missing.length === 0,
      `${acknowledged.length} acknowledged, ${missing.length} missing`,
    );
    const code = await server.stop();
    results.check(scenario, backend, "server stops cleanly on SIGTERM", code === 0, `exit code ${code}`);
  } catch (error) {
    results.check(
      scenario,
      backend,
      "scenario ran to the end",
      false,
      `${String(error)}${server ? `\n${server.logTail()}` : ""}`,
    );
  } finally {
    stopLoop = true;
    await loop.catch(() => undefined);
    // Never leave PostgreSQL stopped, whatever happened above.
    await ensureClusterRunning().catch((error: unknown) =>
      results.check(scenario, backend, "PostgreSQL is running again", false, String(error)),
    );
    await server?.kill9();
    await database.dispose();
  }
}

function countBy(values: number[]): Map<number, number> {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return counts;
}

function format(counts: Map<number, number>): string {
  return counts.size === 0
    ? "none"
    : [...counts].map(([status, n]) => `${n}× ${status === 0 ? "no answer" : status}`).join(", ");
}
