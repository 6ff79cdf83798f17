import { readFileSync } from "node:fs";
import path from "node:path";
import type { FetchLike } from "../../src/server/catalog/github-freshness-client";

/** Serves recorded GitHub answers (tests/fixtures/github/*.json) in place of fetch; no network in tests. */

type Fixture = { status: number; headers: Record<string, string>; body: unknown };

export function fixture(name: string): Fixture {
  return JSON.parse(readFileSync(path.resolve("tests/fixtures/github", `${name}.json`), "utf8")) as Fixture;
}

/** A failed connection as Node's fetch reports it: TypeError("fetch failed") caused by a system error. */
export function connectionError(code: string, hostname = "api.github.com"): Error {
  return new TypeError("fetch failed", {
    cause: Object.assign(new Error(`getaddrinfo ${code} ${hostname}`), { code, hostname }),
  });
}

type Answer = string | Error | Fixture;

/**
 * A fetch that answers each API path from `routes`: a fixture name, an Error to throw, or a list of those served in
 * turn (the last one repeats). Unknown paths fail the test. `calls` records every URL and its headers.
 */
export function replayGitHub(routes: Record<string, Answer | Answer[]>) {
  const served = new Map<string, number>();
  const calls: { url: string; headers: Record<string, string> }[] = [];
  const fetch: FetchLike = (url, init) => {
    calls.push({ url, headers: { ...(init.headers as Record<string, string>) } });
    const route = url.replace(/^https:\/\/api\.github\.com/, "");
    const answers = routes[route];
    if (answers === undefined) return Promise.reject(new Error(`unexpected request ${route}`));
    const list = Array.isArray(answers) ? answers : [answers];
    const turn = served.get(route) ?? 0;
    served.set(route, turn + 1);
    const answer = list[Math.min(turn, list.length - 1)]!;
    if (answer instanceof Error) return Promise.reject(answer);
    const { status, headers, body } = typeof answer === "string" ? fixture(answer) : answer;
    return Promise.resolve(new Response(JSON.stringify(body), { status, headers }));
  };
  return { fetch, calls };
}
