import { describe, expect, test } from "vitest";
import { databaseBackend, parseEnv } from "./env";

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
