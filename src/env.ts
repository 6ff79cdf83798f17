import { randomBytes } from "node:crypto";
import { z } from "zod";

/**
 * The one place that reads process.env. Parsed once; a bad value stops the process at start with a message naming
 * the variable. Everything else imports `env` from here.
 */

const DEFAULT_DATABASE_URL = "file:./data/advisor.db";

/** Shortest session-signing secret we accept: 32 characters of a random string carry well over 128 bits. */
const MIN_AUTH_SECRET_LENGTH = 32;

const ZEnv = z
  .object({
    NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
    DATABASE_URL: z
      .string()
      .trim()
      .min(1)
      .default(DEFAULT_DATABASE_URL)
      .refine(
        (url) => url.startsWith("file:") || /^postgres(ql)?:\/\//.test(url),
        "must start with file: (SQLite) or postgresql:// (PostgreSQL)",
      ),
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    HOST: z.string().trim().min(1).default("0.0.0.0"),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
    /** Path of the Chromium binary used for PDF export and browser tests; falls back to `chromium` on the PATH. */
    CHROMIUM_PATH: z.string().trim().min(1).optional(),
    /**
     * Where the server reaches itself for PDF rendering (scheme://host:port). Defaults to http://HOST:PORT, with
     * 127.0.0.1 for a wildcard HOST.
     */
    INTERNAL_ORIGIN: z.url().optional(),
    /** Memory for rendered public pages, served again until the catalog changes (src/server/http/page-cache.ts); 0 = off. */
    PAGE_CACHE_MB: z.coerce.number().int().min(0).max(4096).default(64),
    /** Requests per client and minute; 0 turns a limit off (load tests). */
    RATE_LIMIT_WRITES_PER_MINUTE: z.coerce.number().int().min(0).default(30),
    RATE_LIMIT_EXPORTS_PER_MINUTE: z.coerce.number().int().min(0).default(60),
    RATE_LIMIT_PDF_PER_MINUTE: z.coerce.number().int().min(0).default(10),
    /** Behind a reverse proxy: take the client address from the last X-Forwarded-For entry it appends. */
    TRUST_PROXY: z
      .enum(["true", "false"])
      .default("false")
      .transform((v) => v === "true"),
    /** Public origin of the app (scheme://host[:port]) used to build absolute links; derived from HOST/PORT if unset. */
    APP_ORIGIN: z.url().optional(),
    /**
     * Signs the session cookies. Required in production; in development and tests a random secret is generated per
     * process (sessions end when the process restarts). Generate one with `openssl rand -base64 32`.
     */
    BETTER_AUTH_SECRET: z
      .string()
      .trim()
      .min(
        MIN_AUTH_SECRET_LENGTH,
        `must be at least ${MIN_AUTH_SECRET_LENGTH} characters (generate one with: openssl rand -base64 32)`,
      )
      .optional(),
    /** Public origin of the admin (https://advisor.example.com); unset = the origin each request was sent to. */
    BETTER_AUTH_URL: z
      .url({ protocol: /^https?$/, message: "must be an http(s) URL such as https://advisor.example.com" })
      .optional(),
    /** A maintainer who does nothing for this long is signed out. */
    AUTH_IDLE_TIMEOUT_MINUTES: z.coerce
      .number()
      .int()
      .min(5)
      .max(24 * 60)
      .default(60),
    /** Every session ends this long after sign-in, however active. */
    AUTH_ABSOLUTE_TIMEOUT_HOURS: z.coerce
      .number()
      .int()
      .min(1)
      .max(30 * 24)
      .default(12),
    /**
     * Optional token for `npm run catalog:refresh` (GitHub's REST API: 5,000 requests an hour instead of 60). Public
     * repositories need no scope; a fine-grained token without permissions is enough.
     */
    GITHUB_TOKEN: z.string().trim().min(1).optional(),
    /** Set by Next.js while it builds; the build does not need runtime secrets. */
    NEXT_PHASE: z.string().optional(),
  })
  .superRefine((value, ctx) => {
    const isBuilding = value.NEXT_PHASE === "phase-production-build";
    if (value.NODE_ENV === "production" && !value.BETTER_AUTH_SECRET && !isBuilding) {
      ctx.addIssue({
        code: "custom",
        path: ["BETTER_AUTH_SECRET"],
        message: "is required in production (generate one with: openssl rand -base64 32)",
      });
    }
    if (value.AUTH_IDLE_TIMEOUT_MINUTES > value.AUTH_ABSOLUTE_TIMEOUT_HOURS * 60) {
      ctx.addIssue({
        code: "custom",
        path: ["AUTH_IDLE_TIMEOUT_MINUTES"],
        message: "must not exceed AUTH_ABSOLUTE_TIMEOUT_HOURS",
      });
    }
  });

export type Env = z.infer<typeof ZEnv>;

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = ZEnv.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Invalid environment configuration:\n${lines.join("\n")}`);
  }
  return result.data;
}

export const env: Env = parseEnv(process.env);

/**
 * The secret that signs session cookies. Outside production, when BETTER_AUTH_SECRET is unset, one random secret is
 * made per process and kept on globalThis, because Next.js loads this module once per server bundle (pages, route
 * handlers) and all of them must agree. Never a fixed default: a known secret would let anyone forge sessions.
 */
export function authSecret(): string {
  if (env.BETTER_AUTH_SECRET) return env.BETTER_AUTH_SECRET;
  if (env.NODE_ENV === "production" && env.NEXT_PHASE !== "phase-production-build") {
    throw new Error("Invalid environment configuration:\n  BETTER_AUTH_SECRET: is required in production");
  }
  const holder = globalThis as unknown as { advisorAuthSecret?: string };
  holder.advisorAuthSecret ??= randomBytes(32).toString("base64url");
  return holder.advisorAuthSecret;
}

export type DatabaseBackend = "sqlite" | "postgresql";

export function databaseBackend(url: string = env.DATABASE_URL): DatabaseBackend {
  return url.startsWith("file:") ? "sqlite" : "postgresql";
}
