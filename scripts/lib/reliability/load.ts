/**
 * Load: N concurrent keep-alive connections POSTing valid assessments for a fixed time, with autocannon.
 *
 * autocannon ends a timed run by destroying its connections, so requests in flight at the deadline get no answer
 * although the server may still store them; that would blur "stored = 2xx". The run is therefore split into rounds
 * of a fixed number of requests (each round ends only when every request it sent has been answered), sized from the
 * measured rate to last about ROUND_SECONDS each, until the wanted duration is reached. Each connection keeps
 * sending back to back within a round; only the last few requests of a round run at lower concurrency.
 */
import autocannon from "autocannon";
import { percentile } from "./report";

const ROUND_SECONDS = 5;

export type LoadOptions = {
  origin: string;
  bodies: string[];
  connections: number;
  seconds: number;
  timeoutSeconds?: number;
};

export type LoadResult = {
  requests: number;
  ok2xx: number;
  c4xx: number;
  c5xx: number;
  /** Status codes other than 2xx, with counts. */
  otherStatuses: Record<string, number>;
  errors: number;
  timeouts: number;
  seconds: number;
  rps: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  rounds: number;
  /** Assessment ids from the Location header of every 201. */
  acknowledged: string[];
};

function runRound(
  options: LoadOptions,
  amount: number,
  onAnswer: (status: number, ms: number) => void,
  onId: (id: string) => void,
) {
  return new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: options.origin,
        connections: options.connections,
        amount,
        timeout: options.timeoutSeconds ?? 10,
        requests: options.bodies.map((body) => ({
          method: "POST" as const,
          path: "/api/v1/assessments",
          headers: { "content-type": "application/json" },
          body,
          onResponse: (
            status: number,
            _body: string,
            _context: object,
            headers: Record<string, string | string[] | undefined> | undefined,
          ) => {
            const location = headers?.location ?? headers?.Location;
            if (status === 201 && typeof location === "string") onId(location.split("/").pop() ?? "");
          },
        })),
      },
      (error, result) => (error ? reject(error instanceof Error ? error : new Error(String(error))) : resolve(result)),
    );
    instance.on("response", (_client, statusCode, _bytes, responseTime) => onAnswer(statusCode, responseTime));
  });
}

export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const latencies: number[] = [];
  const statuses = new Map<number, number>();
  const acknowledged: string[] = [];
  let errors = 0;
  let timeouts = 0;
  let rounds = 0;
  const started = performance.now();
  const elapsed = () => (performance.now() - started) / 1000;
  let amount = options.connections * 5;
  while (elapsed() < options.seconds) {
    const roundStart = performance.now();
    const result = await runRound(
      options,
      amount,
      (status, ms) => {
        latencies.push(ms);
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
      },
      (id) => acknowledged.push(id),
    );
    rounds++;
    errors += result.errors;
    timeouts += result.timeouts;
    const roundSeconds = (performance.now() - roundStart) / 1000;
    const rate = amount / Math.max(roundSeconds, 0.001);
    const remaining = options.seconds - elapsed();
    amount = Math.max(options.connections, Math.round(rate * Math.min(ROUND_SECONDS, Math.max(remaining, 0))));
  }
  const seconds = elapsed();
  latencies.sort((a, b) => a - b);
  const count = (from: number, to: number) =>
    [...statuses].filter(([s]) => s >= from && s < to).reduce((n, [, c]) => n + c, 0);
  const answered = latencies.length;
  return {
    requests: answered + errors,
    ok2xx: count(200, 300),
    c4xx: count(400, 500),
    c5xx: count(500, 600),
    otherStatuses: Object.fromEntries(
      [...statuses].filter(([s]) => s < 200 || s >= 300).map(([s, c]) => [String(s), c]),
    ),
    errors,
    timeouts,
    seconds,
    rps: answered / seconds,
    p50Ms: percentile(latencies, 50),
    p99Ms: percentile(latencies, 99),
    maxMs: latencies.at(-1) ?? 0,
    rounds,
    acknowledged,
  };
}
