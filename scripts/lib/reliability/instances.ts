/**
 * Several instances: two app servers on one PostgreSQL database, started at the same moment on an empty database
 * (concurrent migrate + seed), configured as behind a proxy (TRUST_PROXY, X-Forwarded-For per simulated client) with
 * the same server-action key, and driven with alternating requests.
 */
import { randomBytes } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { createPrismaClient } from "../../../src/server/db/prisma";
import { acknowledgedId, assessmentBodies, postAssessment, timedFetch } from "./client";
import { createScenarioDatabase, queryDatabase, storedAssessmentIds } from "./databases";
import type { Results } from "./report";
import { startServer, type RunningServer } from "./servers";

export type InstancesOptions = { root: string; adminUrl: string | undefined; short: boolean; results: Results };

const WRITE_LIMIT = 5;

let clientCounter = 0;
/** A distinct simulated client address per call, as the proxy would forward it. */
function nextClient(): Record<string, string> {
  clientCounter++;
  return { "x-forwarded-for": `10.77.${Math.floor(clientCounter / 250) % 250}.${(clientCounter % 250) + 1}` };
}

export async function severalInstances({ root, adminUrl, short, results }: InstancesOptions): Promise<void> {
  const scenario = "two instances, one database";
  const backend = "postgresql";
  const database = await createScenarioDatabase("postgresql", root, "instances", adminUrl);
  const servers: RunningServer[] = [];
  const prisma = createPrismaClient(database.url);
  try {
    const env = {
      TRUST_PROXY: "true",
      RATE_LIMIT_WRITES_PER_MINUTE: String(WRITE_LIMIT),
      NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
    };
    // Both start at once on an empty database: migrations and the first seed must not trip over each other.
    const started = await Promise.allSettled([
      startServer({ name: "A", root, databaseUrl: database.url, env }),
      startServer({ name: "B", root, databaseUrl: database.url, env }),
    ]);
    for (const s of started) if (s.status === "fulfilled") servers.push(s.value);
    const failures = started
      .filter((s): s is PromiseRejectedResult => s.status === "rejected")
      .map((s) => String(s.reason));
    if (
      !results.check(
        scenario,
        backend,
        "both instances start at once on an empty database",
        failures.length === 0,
        failures.join("\n"),
      )
    )
      return;
    const [a, b] = servers as [RunningServer, RunningServer];

    const migrations = await queryDatabase<{ migration_name: string; n: number | string }>(
      database.url,
      `SELECT "migration_name", COUNT(*) AS n FROM "_prisma_migrations" GROUP BY "migration_name"`,
    );
    const onDisk = countMigrations(root);
    const creates = await queryDatabase<{ n: number | string }>(
      database.url,
      `SELECT COUNT(*) AS n FROM (SELECT "entityType", "entityId" FROM "AuditLog" WHERE "action" = 'create' GROUP BY "entityType", "entityId" HAVING COUNT(*) > 1) d`,
    );
    results.check(
      scenario,
      backend,
      "each migration applied exactly once",
      migrations.length === onDisk && migrations.every((m) => Number(m.n) === 1),
      `${migrations.length} recorded, ${onDisk} in prisma/migrations/postgresql`,
    );
    results.check(
      scenario,
      backend,
      "the catalog was seeded once",
      Number(creates[0]?.n ?? 0) === 0,
      `${Number(creates[0]?.n ?? 0)} entries created twice`,
    );

    const healthA = await timedFetch(`${a.origin}/api/health`);
    const healthB = await timedFetch(`${b.origin}/api/health`);
    const level = (r: typeof healthA) =>
      r.status === 200
        ? (JSON.parse(r.body) as { database: { migrationLevel: string } }).database.migrationLevel
        : null;
    results.check(
      scenario,
      backend,
      "both report the same migration level",
      level(healthA) !== null && level(healthA) === level(healthB),
      `${level(healthA)} / ${level(healthB)}`,
    );

    // An assessment written through one instance is served by the other, both ways round.
    const bodies = await assessmentBodies(a.origin);
    for (const [writer, reader] of [
      [a, b],
      [b, a],
    ] as const) {
      const created = await postAssessment(writer.origin, bodies[2]!, nextClient());
      const id = acknowledgedId(created);
      const api = id ? await timedFetch(`${reader.origin}/api/v1/assessments/${id}`) : null;
      const page = id ? await timedFetch(`${reader.origin}/r/${id}`) : null;
      const sameAnswers =
        api?.status === 200 &&
        created.status === 201 &&
        JSON.stringify((JSON.parse(api.body) as { answers: unknown }).answers) ===
          JSON.stringify((JSON.parse(created.body) as { answers: unknown }).answers);
      results.check(
        scenario,
        backend,
        `assessment created on ${writer.name} is served by ${reader.name} (API and /r/<id>)`,
        sameAnswers && page?.status === 200 && page.body.includes(id ?? "-"),
        `POST ${created.status}, GET api ${api?.status ?? "-"}, GET /r/<id> ${page?.status ?? "-"}`,
      );
    }

    // Alternating traffic, as a round-robin proxy sends it: each write is read back from the other instance.
    const rounds = short ? 20 : 100;
    let requests = 0;
    let ok = 0;
    const statuses = new Map<number, number>();
    const latencies: number[] = [];
    const ids: string[] = [];
    const t0 = performance.now();
    for (let i = 0; i < rounds; i++) {
      const [writer, reader] = i % 2 === 0 ? [a, b] : [b, a];
      const created = await postAssessment(writer.origin, bodies[i % bodies.length]!, nextClient());
      const id = acknowledgedId(created);
      const read = id ? await timedFetch(`${reader.origin}/api/v1/assessments/${id}`) : null;
      for (const r of [created, read]) {
        if (!r) continue;
        requests++;
        latencies.push(r.ms);
        statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
        if (r.status >= 200 && r.status < 300) ok++;
      }
      if (id && read?.status === 200) ids.push(id);
    }
    const seconds = (performance.now() - t0) / 1000;
    latencies.sort((x, y) => x - y);
    const stored = await storedAssessmentIds(database.url);
    results.figure({
      scenario: "alternating A/B write-then-read",
      backend,
      requests,
      ok2xx: ok,
      c4xx: [...statuses].filter(([s]) => s >= 400 && s < 500).reduce((n, [, c]) => n + c, 0),
      c5xx: [...statuses].filter(([s]) => s >= 500).reduce((n, [, c]) => n + c, 0),
      errors: statuses.get(0) ?? 0,
      seconds,
      rps: requests / seconds,
      p50Ms: latencies[Math.floor(latencies.length / 2)],
      p99Ms: latencies[Math.min(latencies.length - 1, Math.ceil(latencies.length * 0.99) - 1)],
      stored: stored.size,
      notes: `A start ${(a.startMs / 1000).toFixed(1)} s, B start ${(b.startMs / 1000).toFixed(1)} s (concurrent, empty database)`,
    });
    results.check(
      scenario,
      backend,
      "alternating writes are each read back from the other instance",
      ids.length === rounds && ok === requests,
      `${ids.length}/${rounds} round trips`,
    );

    await catalogEdit({ a, b, prisma, results, scenario, backend });
    await sharedRateLimit({ a, b, body: bodies[0]!, results, scenario, backend });
    await serverActionsAndDeployment({ root, a, b, results, scenario, backend });

    for (const server of servers) {
      const code = await server.stop();
      results.check(
        scenario,
        backend,
        `instance ${server.name} stops cleanly on SIGTERM`,
        code === 0,
        `exit code ${code}`,
      );
    }
  } catch (error) {
    results.check(
      scenario,
      backend,
      "scenario ran to the end",
      false,
      `${String(error)}\n${servers.map((s) => s.logTail()).join("\n")}`,
    );
  } finally {
    await prisma.$disconnect();
    await Promise.all(servers.map((s) => s.kill9()));
    await database.dispose();
  }
}

function countMigrations(root: string): number {
  const dir = path.join(root, "prisma/migrations/postgresql");
  if (!existsSync(dir)) return 0;
  return readdirSync(dir).filter((name) => existsSync(path.join(dir, name, "migration.sql"))).length;
}

type Pair = { a: RunningServer; b: RunningServer; results: Results; scenario: string; backend: string };

/**
 * A catalog edit as every catalog write makes it (the row with its version bumped plus an AuditLog row, in one
 * transaction; the catalog cache is keyed by the newest AuditLog id). Admin editing is not part of this build, so the
 * runner writes it straight to the shared database; both instances, each with a warm cache, must serve the change.
 */
async function catalogEdit({
  a,
  b,
  prisma,
  results,
  scenario,
  backend,
}: Pair & { prisma: ReturnType<typeof createPrismaClient> }) {
  const list = await timedFetch(`${b.origin}/api/v1/tools?limit=1`);
  const slug = list.status === 200 ? (JSON.parse(list.body) as { data: { slug: string }[] }).data[0]?.slug : undefined;
  if (!slug) {
    results.check(
      scenario,
      backend,
      "catalog edit is visible on both instances",
      false,
      `GET /api/v1/tools answered ${list.status}`,
    );
    return;
  }
  const summaryOf = async (server: RunningServer) => {
    const r = await timedFetch(`${server.origin}/api/v1/tools/${slug}`);
    return r.status === 200 ? (JSON.parse(r.body) as { data: { summary: string } }).data.summary : `HTTP ${r.status}`;
  };
  // Warm both caches first, so that stale caches would show.
  const before = [await summaryOf(a), await summaryOf(b)];
  const tool = await prisma.tool.findUniqueOrThrow({ where: { slug } });
  const marker = `reliability edit ${randomBytes(3).toString("hex")}`;
  const summary = `${tool.summary.slice(0, 120)} (${marker})`;
  const edited = performance.now();
  await prisma.$transaction(async (tx) => {
    await tx.tool.update({
      where: { id: tool.id, version: tool.version },
      data: { summary, version: { increment: 1 } },
    });
    await tx.auditLog.create({
      data: {
        actorLabel: "reliability-runner",
        action: "update",
        entityType: "tool",
        entityId: tool.id,
        summary: `Changed the summary of ${tool.slug}`,
        before: { summary: tool.summary },
        after: { summary },
      },
    });
  });
  const afterB = await summaryOf(b);
  const afterA = await summaryOf(a);
  const visibleMs = performance.now() - edited;
  const page = await timedFetch(`${b.origin}/catalog/${slug}`);
  results.check(
    scenario,
    backend,
    "a catalog edit is served at once by both instances (API and /catalog/<slug>)",
    before.every((s) => s === tool.summary) &&
      afterA === summary &&
      afterB === summary &&
      page.status === 200 &&
      page.body.includes(marker),
    `tool ${slug}; both caches warm before; visible on both ${visibleMs.toFixed(0)} ms after the commit`,
  );
}

/** The write limit is counted in the shared database: one client's writes spread over A and B share one budget. */
async function sharedRateLimit({ a, b, body, results, scenario, backend }: Pair & { body: string }) {
  let statuses: number[] = [];
  for (let attempt = 0; attempt < 2; attempt++) {
    const client = { "x-forwarded-for": `203.0.113.${attempt + 10}` };
    const minute = Math.floor(Date.now() / 60_000);
    statuses = [];
    for (let i = 0; i <= WRITE_LIMIT; i++)
      statuses.push((await postAssessment((i % 2 === 0 ? a : b).origin, body, client)).status);
    if (Math.floor(Date.now() / 60_000) === minute) break; // a window boundary in between resets counts: try again
  }
  const expected = [...Array<number>(WRITE_LIMIT).fill(201), 429];
  results.check(
    scenario,
    backend,
    `the write limit (${WRITE_LIMIT}/min per client, via X-Forwarded-For) holds across instances`,
    JSON.stringify(statuses) === JSON.stringify(expected),
    `alternating A/B: ${statuses.join(" ")}`,
  );
}

type ReferenceManifest = { node: Record<string, { workers: Record<string, unknown> }>; encryptionKey?: string };

/** "app/(group)/admin/tools/[id]/page" → "/admin/tools/x". */
function routeOf(worker: string): string {
  const route = worker
    .replace(/^app/, "")
    .replace(/\/(page|route)$/, "")
    .split("/")
    .filter((part) => part && !/^\(.*\)$/.test(part))
    .map((part) => (part.startsWith("[") ? "reliability-probe" : part))
    .join("/");
  return `/${route}`;
}

/**
 * Server actions posted to the other instance, and the deployment id. Every action in the build is posted to B with
 * its id: B must know it (an unknown id makes Next answer with x-nextjs-action-not-found). A made-up id is the
 * control. Both instances must advertise the same deployment id, and B must serve the assets A's pages name.
 */
async function serverActionsAndDeployment({ root, a, b, results, scenario, backend }: Pair & { root: string }) {
  const manifest = JSON.parse(
    readFileSync(path.join(root, ".next/server/server-reference-manifest.json"), "utf8"),
  ) as ReferenceManifest;
  const actions = Object.entries(manifest.node);
  const post = (origin: string, route: string, actionId: string) =>
    timedFetch(`${origin}${route}`, {
      method: "POST",
      headers: { "next-action": actionId, "content-type": "text/plain;charset=UTF-8", accept: "text/x-component" },
      body: "[]",
    });
  const control = await post(b.origin, "/", "7f".repeat(21));
  const controlNotFound = "headers" in control && control.headers.get("x-nextjs-action-not-found") === "1";
  let known = 0;
  for (const [id, { workers }] of actions) {
    const worker = Object.keys(workers)[0] ?? "app/page";
    const response = await post(b.origin, routeOf(worker), id);
    if ("headers" in response && response.headers.get("x-nextjs-action-not-found") !== "1") known++;
  }
  results.check(
    scenario,
    backend,
    "server actions of the build are found on the other instance (an unknown id is refused)",
    controlNotFound && known === actions.length,
    actions.length === 0
      ? `this build has no server actions yet; control answered ${control.status} with action-not-found`
      : `${known}/${actions.length} found on B; control refused: ${controlNotFound}`,
  );

  const [homeA, homeB] = [await timedFetch(`${a.origin}/`), await timedFetch(`${b.origin}/`)];
  const ids = (html: string) => new Set([...html.matchAll(/dpl=([A-Za-z0-9_-]+)/g)].map((m) => m[1]));
  const idsA = homeA.status === 200 ? ids(homeA.body) : new Set();
  const idsB = homeB.status === 200 ? ids(homeB.body) : new Set();
  const asset =
    homeA.status === 200
      ? /\/_next\/static\/[^"'\s]+?\.(?:js|css)(?:\?dpl=[A-Za-z0-9_-]+)?/.exec(homeA.body)?.[0]
      : undefined;
  const assetOnB = asset ? await timedFetch(`${b.origin}${asset.replace(/&amp;/g, "&")}`) : null;
  results.check(
    scenario,
    backend,
    "both instances advertise one deployment id, and B serves the assets A's pages load",
    idsA.size === 1 && idsB.size === 1 && [...idsA][0] === [...idsB][0] && assetOnB?.status === 200,
    `deployment id ${[...idsA].join(",") || "-"} / ${[...idsB].join(",") || "-"}; ${asset ?? "no asset"} on B: ${assetOnB?.status ?? "-"}`,
  );
}
