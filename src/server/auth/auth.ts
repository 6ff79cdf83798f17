import "server-only";
import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { authSecret, databaseBackend, env } from "@/env";
import { prisma } from "../db/client";
import { logger } from "../log/logger";
import { CLIENT_IP_HEADER } from "../http/client-ip";
import { requestOrigin } from "../http/read-json";
import { AUTH_COOKIE_PREFIX, authCookieName } from "./cookie-prefix";
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH, hashPassword, verifyPassword } from "./password-hash";

/**
 * better-auth, configured for this app (docs/decisions/006-authentication.md):
 * - email + password only; no public sign-up (accounts are made by `npm run admin:create` and by admins);
 * - scrypt at OWASP's parameters (password-hash.ts);
 * - sessions in the database; HttpOnly, SameSite=Lax cookies; over HTTPS (production, or an https:// origin) Secure
 *   with the __Host- prefix (cookie-prefix.ts);
 *   a session lasts at most AUTH_ABSOLUTE_TIMEOUT_HOURS (expiresIn, never extended); the idle timeout is enforced by
 *   the data access layer (current-maintainer.ts), which also re-checks role and disabled accounts on every request;
 * - state-changing requests must come from the app's own origin (better-auth's origin check);
 * - the built-in rate limiter in the database, shared by every instance; sign-in failures additionally earn growing
 *   delays (auth-route.ts).
 * The data layer is better-auth's Prisma adapter on the app's one Prisma client.
 */

/** Requests per minute and client address that better-auth's own limiter lets through. */
const RATE_LIMIT = { windowSeconds: 60, max: 120, signInMax: 30 } as const;

/** better-auth cookie names and attributes for the session cookies: __Host- and Secure over HTTPS. */
function cookieOptions(isSecure: boolean) {
  const cookie = (name: string) => ({
    name: authCookieName(name, isSecure),
    // __Host- requires Secure, Path=/ and no Domain; better-auth sets no Domain without cross-subdomain cookies.
    attributes: { secure: isSecure, path: "/" },
  });
  return {
    session_token: cookie("session_token"),
    session_data: cookie("session_data"),
    dont_remember: cookie("dont_remember"),
  };
}

function createAuth() {
  const configuredOrigin = env.BETTER_AUTH_URL ?? env.APP_ORIGIN;
  // __Host- needs a secure origin: Chromium drops it on plain http, even on 127.0.0.1, where a production build run
  // locally (tests, benchmarks) still gets better-auth's __Secure- cookie as before.
  const isHttpsOrigin = configuredOrigin?.startsWith("https://") === true;
  return betterAuth({
    appName: "MLOps Stack Advisor",
    secret: authSecret(),
    ...(configuredOrigin ? { baseURL: configuredOrigin } : {}),
    basePath: "/api/auth",
    database: prismaAdapter(prisma, { provider: databaseBackend() === "sqlite" ? "sqlite" : "postgresql" }),
    // Without a configured origin, the origin the request was sent to is the trusted one (Origin must equal Host).
    trustedOrigins: (request) => [configuredOrigin, request ? requestOrigin(request) : null],
    emailAndPassword: {
      enabled: true,
      disableSignUp: true,
      autoSignIn: false,
      minPasswordLength: MIN_PASSWORD_LENGTH,
      maxPasswordLength: MAX_PASSWORD_LENGTH,
      revokeSessionsOnPasswordReset: true,
      password: { hash: hashPassword, verify: verifyPassword },
    },
    session: {
      expiresIn: env.AUTH_ABSOLUTE_TIMEOUT_HOURS * 60 * 60,
      disableSessionRefresh: true,
    },
    user: {
      additionalFields: {
        role: { type: "string", required: false, defaultValue: "editor", input: false },
      },
    },
    account: { accountLinking: { enabled: false } },
    rateLimit: {
      enabled: true,
      storage: "database",
      window: RATE_LIMIT.windowSeconds,
      max: RATE_LIMIT.max,
      customRules: { "/sign-in/email": { window: RATE_LIMIT.windowSeconds, max: RATE_LIMIT.signInMax } },
    },
    advanced: {
      cookiePrefix: AUTH_COOKIE_PREFIX,
      // Over HTTPS the names carry __Host- (better-auth's own secure mode would add __Secure-).
      useSecureCookies: isHttpsOrigin ? false : env.NODE_ENV === "production",
      ...(isHttpsOrigin ? { cookies: cookieOptions(true) } : {}),
      // Its own limiter keys on the address our server sets (client-ip.ts), never on a client's X-Forwarded-For.
      ipAddress: { ipAddressHeaders: [CLIENT_IP_HEADER] },
      defaultCookieAttributes: { httpOnly: true, sameSite: "lax", path: "/" },
    },
    telemetry: { enabled: false },
    logger: {
      level: "warn",
      log: (level, message) => {
        const method = level === "error" ? "error" : level === "warn" ? "warn" : level === "debug" ? "debug" : "info";
        logger[method]({ component: "better-auth" }, message);
      },
    },
  });
}

export type Auth = ReturnType<typeof createAuth>;

/** One instance per process (kept on globalThis for dev reloads), created on first use so builds need no secret. */
export function getAuth(): Auth {
  const holder = globalThis as unknown as { advisorAuth?: Auth };
  holder.advisorAuth ??= createAuth();
  return holder.advisorAuth;
}
