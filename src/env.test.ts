import { describe, expect, test } from "vitest";
import { authSecret, databaseBackend, parseEnv } from "./env";

describe("parseEnv", () => {
  test("defaults to the embedded SQLite file on port 3000", () => {
    const env = parseEnv({});
    expect(env.DATABASE_URL).toBe("file:./data/advisor.db");
    expect(env.PORT).toBe(3000);
    expect(databaseBackend(env.DATABASE_URL)).toBe("sqlite");
  });

  test("a PostgreSQL URL selects the PostgreSQL backend", () => {
    expect(databaseBackend(parseEnv({ DATABASE_URL: "postgresql://u:p@db:5432/advisor" }).DATABASE_URL)).toBe(
      "postgresql",
    );
  });

  test.each([
    [{ DATABASE_URL: "mysql://x" }, "DATABASE_URL"],
    [{ PORT: "http" }, "PORT"],
    [{ PORT: "70000" }, "PORT"],
    [{ LOG_LEVEL: "loud" }, "LOG_LEVEL"],
  ])("a bad value stops start-up with a message naming the variable (%o)", (source, variable) => {
    expect(() => parseEnv(source)).toThrow(new RegExp(`^Invalid environment configuration:\\n  ${variable}: `));
  });
});

describe("authentication settings", () => {
  test("production refuses to start without a session secret, and names the variable", () => {
    expect(() => parseEnv({ NODE_ENV: "production" })).toThrow(/BETTER_AUTH_SECRET: is required in production/);
  });

  test("a production build does not need the secret (it is only read at run time)", () => {
    expect(
      parseEnv({ NODE_ENV: "production", NEXT_PHASE: "phase-production-build" }).BETTER_AUTH_SECRET,
    ).toBeUndefined();
  });

  test.each([
    [{ BETTER_AUTH_SECRET: "too-short" }, "BETTER_AUTH_SECRET"],
    [{ BETTER_AUTH_URL: "ftp://example.com" }, "BETTER_AUTH_URL"],
    [{ AUTH_IDLE_TIMEOUT_MINUTES: "1" }, "AUTH_IDLE_TIMEOUT_MINUTES"],
    [{ AUTH_IDLE_TIMEOUT_MINUTES: "600", AUTH_ABSOLUTE_TIMEOUT_HOURS: "2" }, "AUTH_IDLE_TIMEOUT_MINUTES"],
  ])("a bad auth setting stops start-up with its name (%o)", (source, variable) => {
    expect(() => parseEnv(source)).toThrow(new RegExp(`\\n  ${variable}: `));
  });

  test("defaults: one hour idle, twelve hours absolute", () => {
    expect(parseEnv({})).toMatchObject({ AUTH_IDLE_TIMEOUT_MINUTES: 60, AUTH_ABSOLUTE_TIMEOUT_HOURS: 12 });
  });

  test("outside production an unset secret is a random one, the same for the whole process, never a fixed default", () => {
    const first = authSecret();
    expect(first).toHaveLength(43);
    expect(authSecret()).toBe(first);
    delete (globalThis as { advisorAuthSecret?: string }).advisorAuthSecret;
    expect(authSecret()).not.toBe(first);
  });
});
