import type { Role } from "../../src/domain/auth/roles";

/** Helpers for tests that sign maintainers in through the real /api/auth route. */

export type AuthRoute = { POST: (request: Request) => Promise<Response>; GET: (request: Request) => Promise<Response> };

export const TEST_ORIGIN = "http://localhost:3000";

export function authRequest(
  path: string,
  init: { body?: unknown; cookie?: string; origin?: string | null; ip?: string; method?: string } = {},
): Request {
  const headers = new Headers({ host: "localhost:3000", "x-forwarded-for": init.ip ?? "10.1.1.1" });
  if (init.origin !== null) headers.set("origin", init.origin ?? TEST_ORIGIN);
  if (init.cookie) headers.set("cookie", init.cookie);
  if (init.body !== undefined) headers.set("content-type", "application/json");
  return new Request(`${TEST_ORIGIN}/api/auth${path}`, {
    method: init.method ?? (init.body === undefined ? "GET" : "POST"),
    headers,
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
}

/** The Cookie header a browser would send back after this response. */
export function cookieHeader(response: Response): string {
  return response.headers
    .getSetCookie()
    .map((c) => c.split(";")[0]!)
    .filter((pair) => !pair.endsWith("="))
    .join("; ");
}

export async function signIn(
  route: AuthRoute,
  email: string,
  password: string,
  ip?: string,
): Promise<{ response: Response; cookie: string }> {
  const response = await route.POST(authRequest("/sign-in/email", { body: { email, password }, ip }));
  return { response, cookie: cookieHeader(response) };
}

/** Headers of a same-origin browser request carrying `cookie` (for server actions and route handlers). */
export function browserHeaders(cookie?: string, origin: string = TEST_ORIGIN): Headers {
  const headers = new Headers({ host: "localhost:3000", origin });
  if (cookie) headers.set("cookie", cookie);
  return headers;
}

export type TestMaintainer = { email: string; password: string; role: Role };
