import "server-only";
import { headers } from "next/headers";
import { cache } from "react";
import { hasRole, isRole, type Role } from "@/domain/auth/roles";
import { env } from "@/env";
import { isDatabaseUnavailableError } from "../db/database-unavailable";
import { deleteSession, findMaintainerById, touchSession } from "../repositories/maintainer-repository";
import { getAuth } from "./auth";

/**
 * The data access layer for authorisation: every admin page, server action and route handler asks here, on every
 * request, who is signed in and whether they may act. Never trust the proxy alone, a cookie's presence, or a role
 * read earlier: this reads the session from the database, checks the account is enabled and its current role, and
 * enforces both timeouts (absolute: the session's expiresAt, never extended; idle: time since the last authorised
 * request).
 */

export type SignedInMaintainer = { id: string; email: string; name: string; role: Role; sessionId: string };

export type AuthDenied = { ok: false; status: 401 | 403; code: "unauthenticated" | "forbidden"; message: string };
export type AuthResult = { ok: true; maintainer: SignedInMaintainer } | AuthDenied;

/** Writing "last used" on every request would be a write per click; once a minute is precise enough. */
const TOUCH_INTERVAL_MS = 60_000;

export const UNAUTHENTICATED: AuthDenied = {
  ok: false,
  status: 401,
  code: "unauthenticated",
  message: "Sign in to continue.",
};

export function forbiddenFor(required: Role): AuthDenied {
  return { ok: false, status: 403, code: "forbidden", message: `This needs the ${required} role.` };
}

/**
 * Resolves the maintainer behind a request's session cookie, or null. Ends sessions that timed out. Throws when the
 * database cannot be reached (database-unavailable.ts), so that no caller mistakes an outage for "signed out".
 */
export async function maintainerFromHeaders(
  requestHeaders: Headers,
  now: Date = new Date(),
): Promise<SignedInMaintainer | null> {
  if (!requestHeaders.get("cookie")) return null;
  let found: Awaited<ReturnType<ReturnType<typeof getAuth>["api"]["getSession"]>>;
  try {
    found = await getAuth().api.getSession({
      headers: requestHeaders,
      query: { disableCookieCache: true, disableRefresh: true },
    });
  } catch (error) {
    // A database that cannot be reached is not "signed out": callers answer 503 instead of sending to sign-in.
    if (isDatabaseUnavailableError(error)) throw error;
    return null;
  }
  if (!found) return null;
  const { session } = found;
  const idleMs = env.AUTH_IDLE_TIMEOUT_MINUTES * 60_000;
  if (session.expiresAt.getTime() <= now.getTime() || now.getTime() - session.updatedAt.getTime() > idleMs) {
    await deleteSession(session.id);
    return null;
  }
  const user = await findMaintainerById(session.userId);
  if (!user || user.disabledAt !== null || !isRole(user.role)) {
    await deleteSession(session.id);
    return null;
  }
  if (now.getTime() - session.updatedAt.getTime() > TOUCH_INTERVAL_MS) await touchSession(session.id, now);
  return { id: user.id, email: user.email, name: user.name, role: user.role, sessionId: session.id };
}

export function authorizeMaintainer(maintainer: SignedInMaintainer | null, required: Role): AuthResult {
  if (!maintainer) return UNAUTHENTICATED;
  if (!hasRole(maintainer.role, required)) return forbiddenFor(required);
  return { ok: true, maintainer };
}

/** The maintainer of the current request (pages, layouts, server actions); memoised per request. */
export const getCurrentMaintainer = cache(async (): Promise<SignedInMaintainer | null> =>
  maintainerFromHeaders(new Headers(await headers())),
);

/** For server actions and pages: may the current request's maintainer act with `required`? */
export async function authorize(required: Role): Promise<AuthResult> {
  return authorizeMaintainer(await getCurrentMaintainer(), required);
}

/** For route handlers, which get the request itself. */
export async function authorizeRequest(request: Request, required: Role): Promise<AuthResult> {
  return authorizeMaintainer(await maintainerFromHeaders(request.headers), required);
}
