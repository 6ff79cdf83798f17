/** HTTP helpers shared by the scenarios: valid assessment bodies from the live questionnaire, and a timed request. */
import type { Questionnaire } from "../../../src/domain/assessment/questionnaire-schema";
import { answerAll } from "../../../tests/support/questionnaire-answers";

/** Valid POST /api/v1/assessments bodies (one per maturity level), built from the server's own questionnaire. */
export async function assessmentBodies(origin: string): Promise<string[]> {
  const response = await fetch(`${origin}/api/v1/questionnaire`);
  if (!response.ok) throw new Error(`GET /api/v1/questionnaire answered ${response.status}`);
  const { data } = (await response.json()) as { data: Questionnaire };
  return [1, 2, 3, 4].map((level) => JSON.stringify({ answers: answerAll(data, level) }));
}

export type Timed =
  { status: number; ms: number; body: string; headers: Headers } | { status: 0; ms: number; error: string };

/** One request with a deadline; a network failure is status 0 with the error, never a throw. */
export async function timedFetch(url: string, init: RequestInit = {}, timeoutMs = 10_000): Promise<Timed> {
  const started = performance.now();
  try {
    const response = await fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
    const body = await response.text();
    return { status: response.status, ms: performance.now() - started, body, headers: response.headers };
  } catch (error) {
    const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : "";
    return {
      status: 0,
      ms: performance.now() - started,
      error: `${error instanceof Error ? error.message : String(error)}${cause}`,
    };
  }
}

export function postAssessment(
  origin: string,
  body: string,
  headers: Record<string, string> = {},
  timeoutMs = 10_000,
): Promise<Timed> {
  return timedFetch(
    `${origin}/api/v1/assessments`,
    { method: "POST", headers: { "content-type": "application/json", ...headers }, body },
    timeoutMs,
  );
}

/** The assessment id a 201 answered with, from its Location header. */
export function acknowledgedId(result: Timed): string | null {
  if (result.status !== 201) return null;
  return result.headers.get("location")?.split("/").pop() ?? null;
}
