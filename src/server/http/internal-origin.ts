import { env } from "@/env";

/** Where this server reaches itself (PDF rendering, page-cache fills): INTERNAL_ORIGIN, else HOST:PORT. */
export function internalOrigin(): string {
  if (env.INTERNAL_ORIGIN) return env.INTERNAL_ORIGIN.replace(/\/+$/, "");
  const host = env.HOST === "0.0.0.0" || env.HOST === "::" ? "127.0.0.1" : env.HOST;
  return `http://${host.includes(":") ? `[${host}]` : host}:${env.PORT}`;
}
