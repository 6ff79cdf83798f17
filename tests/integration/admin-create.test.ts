import { execFileSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { verifyPassword } from "../../src/server/auth/password-hash";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

/** `npm run admin:create`: there is no default account; this command makes the first admin. */

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase("sqlite");
});
afterAll(() => db.dispose());

function run(args: string[], input = ""): { ok: boolean; output: string } {
  try {
    const output = execFileSync(
      process.execPath,
      ["--conditions=react-server", "--import", "tsx", "scripts/admin-create.ts", ...args],
      {
        input,
        encoding: "utf8",
        stdio: "pipe",
        env: { ...process.env, DATABASE_URL: db.url, LOG_LEVEL: "silent", NODE_ENV: "test" as const },
      },
    );
    return { ok: true, output };
  } catch (error) {
    const failure = error as { stdout?: string; stderr?: string };
    return { ok: false, output: `${failure.stdout ?? ""}${failure.stderr ?? ""}` };
  }
}

const passwordOf = async (email: string) =>
  (await db.prisma.account.findFirstOrThrow({ where: { user: { email } } })).password!;

// Each test starts the command in a new process (tsx, Prisma, scrypt, the password dictionaries): slow on a busy machine.
describe("admin:create", { timeout: 90_000 }, () => {
  test("a fresh database has no account at all", async () => {
    expect(await db.prisma.user.count()).toBe(0);
  });

  test("reads the password from standard input and creates an admin, audited, without storing the password", async () => {
    const result = run(["--email", "First@Example.com", "--name", "First Admin"], "a long enough password\n");
    expect(result).toMatchObject({
      ok: true,
      output: expect.stringContaining("Created admin first@example.com.") as string,
    });
    expect(result.output).not.toContain("a long enough password");
    expect(await db.prisma.user.findUniqueOrThrow({ where: { email: "first@example.com" } })).toMatchObject({
      role: "admin",
      name: "First Admin",
    });
    const stored = await passwordOf("first@example.com");
    expect(stored).not.toContain("a long enough password");
    expect(await verifyPassword({ hash: stored, password: "a long enough password" })).toBe(true);
    expect(await db.prisma.auditLog.findFirst({ where: { entityType: "maintainer" } })).toMatchObject({
      action: "create",
      actorLabel: "cli (admin:create)",
    });
  });

  test("generates a password and prints it once when asked", async () => {
    const result = run(["--email", "gen@example.com", "--role", "editor", "--generate-password"]);
    const printed = /Password \(shown once, store it now\): (\S+)/.exec(result.output)?.[1];
    expect(printed).toHaveLength(24);
    expect(await verifyPassword({ hash: await passwordOf("gen@example.com"), password: printed! })).toBe(true);
  });

  test.each([
    [["--email", "short@example.com"], "short\n", /The password must be at least 12 characters/],
    [["--email", "weak@example.com"], "aaaaaaaaaaaa\n", /The password is too easy to guess \(repeated characters/],
    [
      ["--email", "common@example.com"],
      "password1234\n",
      /The password is too easy to guess \(this is similar to a commonly used password\)/,
    ],
    [["--email", "own@example.com"], "own@example.com1\n", /The password is too easy to guess/],
    [["--email", "not-an-email"], "a long enough password\n", /usage:/],
    [["--email", "role@example.com", "--role", "owner"], "a long enough password\n", /--role must be admin or editor/],
    [["--email", "first@example.com"], "another long password\n", /already exists/],
  ])("refuses %j", (args, input, message) => {
    const result = run(args, input);
    expect(result.ok).toBe(false);
    expect(result.output).toMatch(message);
  });

  test("--reset-password sets a new password and ends every session of the account", async () => {
    const user = await db.prisma.user.findUniqueOrThrow({ where: { email: "first@example.com" } });
    await db.prisma.session.create({
      data: { id: "s1", token: "t1", userId: user.id, expiresAt: new Date(Date.now() + 3_600_000) },
    });
    expect(run(["--email", "first@example.com", "--reset-password"], "a brand new passphrase\n").ok).toBe(true);
    expect(
      await verifyPassword({ hash: await passwordOf("first@example.com"), password: "a brand new passphrase" }),
    ).toBe(true);
    expect(await db.prisma.session.count({ where: { userId: user.id } })).toBe(0);
  });

  test("--reset-password refuses a password that is easy to guess, and keeps the old one", async () => {
    const result = run(["--email", "first@example.com", "--reset-password"], "qwertyuiopasdf\n");
    expect(result).toMatchObject({
      ok: false,
      output: expect.stringMatching(/The password is too easy to guess/) as string,
    });
    expect(
      await verifyPassword({ hash: await passwordOf("first@example.com"), password: "a brand new passphrase" }),
    ).toBe(true);
  });
});
