import { z } from "zod";

/**
 * The one place that reads process.env. Parsed once; a bad value stops the process at start with a message naming
 * the variable. Everything else imports `env` from here.
 */

const DEFAULT_DATABASE_URL = "file:./data/advisor.db";

const ZEnv = z.object({
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

export type DatabaseBackend = "sqlite" | "postgresql";

export function databaseBackend(url: string = env.DATABASE_URL): DatabaseBackend {
  return url.startsWith("file:") ? "sqlite" : "postgresql";
}
