import "server-only";
import { z } from "zod";
import { throttleKey } from "@/domain/auth/sign-in-throttle";
import { jsonError } from "../http/api-response";
import { isCrossSite } from "../http/read-json";
import { logger } from "../log/logger";
import { findMaintainerByEmail } from "../repositories/maintainer-repository";
import { clientAddress } from "../http/rate-limit";
import { beginAttempt, type ThrottleKey } from "./attempt-throttle";
import { getAuth } from "./auth";
import { hashPassword, MAX_PASSWORD_LENGTH } from "./password-hash";

/**
 * /api/auth/*: better-auth's handler behind an allow-list. Only what the admin uses is reachable (sign-in with email
 * and password, sign-out; pages read the session on the server); get-session, sign-up, password-reset, account-linking and other endpoints answer 404.
 * Sign-in gets growing delays after repeated failures (domain/auth/sign-in-throttle.ts), one message for an unknown
 * email, a wrong password and a disabled account, and a response that does not echo the session token.
 */

const ALLOWED = new Set(["POST /sign-in/email", "POST /sign-out"]);
export const INVALID_CREDENTIALS = "Invalid email or password.";
const MAX_SIGN_IN_BODY = 4 * 1024;

const ZSignIn = z.object({
  email: z.string().trim().min(1).max(320),
  password: z.string().min(1).max(MAX_PASSWORD_LENGTH),
});

function authPath(request: Request): string {
  return new URL(request.url).pathname.replace(/^\/api\/auth/, "") || "/";
}

export async function handleAuthRequest(request: Request): Promise<Response> {
  const path = authPath(request);
  if (!ALLOWED.has(`${request.method} ${path}`)) return jsonError(404, "not_found", "Not found.");
  if (request.method === "POST" && isCrossSite(request))
    return jsonError(403, "cross_site", "Cross-site requests are refused.");
  if (path === "/sign-in/email") return signIn(request);
  return getAuth().handler(request);
}

function invalidCredentials() {
  return jsonError(401, "invalid_credentials", INVALID_CREDENTIALS);
}

async function signIn(request: Request): Promise<Response> {
  const text = await request.text();
  if (text.length > MAX_SIGN_IN_BODY) return jsonError(413, "payload_too_large", "The request is too large.");
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return jsonError(400, "invalid_json", "Send the email and password as JSON.");
  }
  const parsed = ZSignIn.safeParse(body);
  if (!parsed.success) return jsonError(400, "invalid_request", "Enter your email and password.");
  const { email, password } = parsed.data;

  const emailKey = throttleKey("email", email);
  // The address comes from the one trusted source (client-supplied headers count only with TRUST_PROXY).
  const keys: ThrottleKey[] = [{ key: throttleKey("ip", clientAddress(request)) ?? "ip:unknown", kind: "ip" }];
  if (emailKey) keys.unshift({ key: emailKey, kind: "email" });
  const start = await beginAttempt(keys);
  if (!start.ok) return tooManyAttempts(start.retryAfter);
  const { attempt } = start;

  let response: Response;
  try {
    const account = emailKey ? await findMaintainerByEmail(email) : null;
    if (!account || account.disabledAt) {
      await hashPassword(password); // same work, and so the same timing, as a wrong password
      response = invalidCredentials();
    } else {
      const headers = new Headers(request.headers);
      headers.set("content-type", "application/json");
      headers.delete("content-length");
      // Only email and password go through: no callbackURL (open redirect) and no rememberMe=false (shorter session).
      response = await getAuth().handler(
        new Request(request.url, {
          method: "POST",
          headers,
          body: JSON.stringify({ email: email.toLowerCase(), password }),
        }),
      );
    }
  } catch (error) {
    await attempt.abandoned().catch(() => undefined);
    throw error;
  }

  if (response.status === 401) {
    await attempt.failed();
    logger.warn({ event: "sign_in_failed" }, "failed sign-in");
    return invalidCredentials();
  }
  if (!response.ok) {
    await attempt.abandoned();
    return response;
  }
  await attempt.succeeded(["email"]);
  const result = Response.json({ ok: true }, { status: 200, headers: { "Cache-Control": "no-store" } });
  for (const cookie of response.headers.getSetCookie()) result.headers.append("Set-Cookie", cookie);
  return result;
}

function tooManyAttempts(wait: number): Response {
  return Response.json(
    {
      error: {
        code: "too_many_attempts",
        message: `Too many failed sign-ins. Try again in ${wait} second${wait === 1 ? "" : "s"}.`,
      },
    },
    { status: 429, headers: { "Retry-After": String(wait), "Cache-Control": "no-store" } },
  );
}
