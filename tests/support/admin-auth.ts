import type { Role } from "../../src/domain/auth/roles";
import { CLIENT_IP_HEADER } from "../../src/server/http/client-ip";

/** Helpers for tests that sign maintainers in through the real /api/auth route. */

export type AuthRoute = { POST: (request: Request) => Promise<Response>; GET: (request: Request) => Promise<Response> };

export const TEST_ORIGIN = "http://localhost:3000";

export function authRequest(
  path: string,
  init: {
    body?: unknown;
    cookie?: string;
    origin?: string | null;
    ip?: string;
    method?: string;
    forwardedFor?: string;
  } = {},
): Request {
  // The client address as our server sets it from the socket (server/http/client-ip.ts); X-Forwarded-For is what a
  // client may claim, and counts for nothing without TRUST_PROXY.
  const headers = new Headers({
    host: "localhost:3000",
    [CLIENT_IP_HEADER]: init.ip ?? "10.1.1.1",
    "x-forwarded-for": init.forwardedFor ?? init.ip ?? "10.1.1.1",
  });
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
