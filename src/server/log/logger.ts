import pino from "pino";
import { env } from "@/env";

/** Structured JSON logs on stdout (one object per line), the format log collectors expect. */
export const logger = pino({
  level: env.LOG_LEVEL,
  base: { service: "mlops-stack-advisor" },
  timestamp: pino.stdTimeFunctions.isoTime,
  formatters: { level: (label) => ({ level: label }) },
  redact: {
    paths: ["req.headers.cookie", "req.headers.authorization", "*.password", "*.databaseUrl"],
    censor: "[redacted]",
  },
});
