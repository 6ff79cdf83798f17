import { vi } from "vitest";

/**
 * Imports a route module as the app would run it against `databaseUrl`: fresh modules, so src/env.ts reads the
 * stubbed environment and the database client is created for this database.
 */
export async function loadRoute<T>(databaseUrl: string, load: () => Promise<T>): Promise<T> {
  vi.resetModules();
  delete (globalThis as { advisorPrisma?: unknown }).advisorPrisma;
  vi.stubEnv("DATABASE_URL", databaseUrl);
  vi.stubEnv("LOG_LEVEL", "silent");
  return load();
}
