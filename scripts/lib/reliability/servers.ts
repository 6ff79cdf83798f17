import { randomBytes } from "node:crypto";
/**
 * Real app servers for the reliability runner: `node --conditions=react-server --import tsx scripts/start.ts`, spawned
 * directly (no npm or shell in between), so the child's pid is the server itself and SIGKILL hits the process that
 * holds the database connections.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { freePort } from "../../../tests/support/free-port";
import { SERVER_ENV, SERVER_NODE_ARGS } from "../server-command";

/** One session secret for all instances started by this run. */
const SHARED_AUTH_SECRET = randomBytes(32).toString("base64url");

export type ServerOptions = {
  /** Short label for logs and tables, e.g. "A". */
  name: string;
  root: string;
  databaseUrl: string;
  /** Extra environment (rate limits, proxy trust, server-action key); wins over the defaults. */
  env?: Record<string, string>;
  /** Reuse a port (restart on the same address); a free one otherwise. */
  port?: number;
};

export type RunningServer = {
  name: string;
  port: number;
  origin: string;
  pid: number;
  /** Milliseconds from spawn to the first healthy /api/health. */
  startMs: number;
  isAlive(): boolean;
  /** The last lines the server printed (for failure reports). */
  logTail(lines?: number): string;
  /** SIGTERM and wait; resolves to the exit code (SIGKILL after 30 s). */
  stop(): Promise<number | null>;
  /** SIGKILL and wait for the exit. */
  kill9(): Promise<void>;
};

const running = new Set<ChildProcess>();

/** Kills every server this process started that is still running (finally blocks and signal handlers). */
export async function killAllServers(): Promise<void> {
  await Promise.all(
    [...running].map(async (child) => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGKILL");
      await exited;
    }),
  );
  running.clear();
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Starts a server and waits until /api/health answers 200 (or the process dies, or the deadline passes). */
export async function startServer(options: ServerOptions, timeoutMs = 300_000): Promise<RunningServer> {
  const port = options.port ?? (await freePort());
  const origin = `http://127.0.0.1:${port}`;
  const started = Date.now();
  const child = spawn(process.execPath, [...SERVER_NODE_ARGS], {
    cwd: options.root,
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...process.env,
      ...SERVER_ENV,
      DATABASE_URL: options.databaseUrl,
      PORT: String(port),
      HOST: "127.0.0.1",
      LOG_LEVEL: "warn",
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      // Production requires a session secret; every instance of a run shares one, as in a real deployment.
      BETTER_AUTH_SECRET: SHARED_AUTH_SECRET,
      ...options.env,
    },
  });
  running.add(child);
  const lines: string[] = [];
  const collect = (chunk: Buffer) => {
    for (const line of chunk.toString().split("\n")) if (line.trim()) lines.push(`[${options.name}] ${line}`);
    if (lines.length > 400) lines.splice(0, lines.length - 400);
  };
  child.stdout.on("data", collect);
  child.stderr.on("data", collect);
  const exited = new Promise<number | null>((resolve) =>
    child.once("exit", (code) => {
      running.delete(child);
      resolve(code);
    }),
  );
  const isAlive = () => child.exitCode === null && child.signalCode === null;
  const logTail = (n = 30) => lines.slice(-n).join("\n");

  const server: RunningServer = {
    name: options.name,
    port,
    origin,
    pid: child.pid ?? -1,
    startMs: 0,
    isAlive,
    logTail,
    stop: async () => {
      if (!isAlive()) return child.exitCode;
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 30_000);
      const code = await exited;
      clearTimeout(timer);
      return code;
    },
    kill9: async () => {
      if (!isAlive()) return;
      child.kill("SIGKILL");
      await exited;
    },
  };

  while (Date.now() - started < timeoutMs) {
    if (!isAlive())
      throw new Error(
        `server ${options.name} exited during start (code ${child.exitCode ?? child.signalCode}):\n${logTail()}`,
      );
    try {
      const response = await fetch(`${origin}/api/health`, { signal: AbortSignal.timeout(5_000) });
      await response.arrayBuffer();
      if (response.status === 200) {
        server.startMs = Date.now() - started;
        return server;
      }
    } catch {
      // not listening yet
    }
    await sleep(200);
  }
  await server.kill9();
  throw new Error(`server ${options.name} was not healthy within ${timeoutMs / 1000} s:\n${logTail()}`);
}
