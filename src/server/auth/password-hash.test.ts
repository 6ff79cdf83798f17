import { describe, expect, test } from "vitest";
import { hashPassword, MAX_PASSWORD_LENGTH, SCRYPT_PARAMS, verifyPassword } from "./password-hash";

describe("password hashing", () => {
  test("uses scrypt at OWASP's parameters (N=2^17, r=8, p=1) with a random salt, and verifies", async () => {
    expect(SCRYPT_PARAMS).toEqual({ log2N: 17, r: 8, p: 1 });
    const hash = await hashPassword("correct horse battery staple");
    expect(hash).toMatch(/^scrypt\$17\$8\$1\$[\w-]{22}\$[\w-]{86}$/);
    expect(await hashPassword("correct horse battery staple")).not.toBe(hash);
    expect(await verifyPassword({ hash, password: "correct horse battery staple" })).toBe(true);
    expect(await verifyPassword({ hash, password: "correct horse battery stapler" })).toBe(false);
  });

  test("verifies with the parameters stored in the hash, so stronger settings later keep old hashes usable", async () => {
    const hash = await hashPassword("pässwörd-ünïcode");
    const [, , r, p, salt, key] = hash.split("$");
    // A hash made with N=2^16 would say so; a tampered parameter gives a different key and fails.
    expect(
      await verifyPassword({ hash: ["scrypt", 16, r, p, salt, key].join("$"), password: "pässwörd-ünïcode" }),
    ).toBe(false);
    expect(await verifyPassword({ hash, password: "pässwörd-ünïcode".normalize("NFD") })).toBe(true);
  });

  test.each(["", "plain", "scrypt$17$8$1$abc", "bcrypt$2b$10$x$y$z", "scrypt$40$8$1$AAAA$BBBB"])(
    "a malformed hash %j never verifies and never throws",
    async (hash) => {
      await expect(verifyPassword({ hash, password: "anything" })).resolves.toBe(false);
    },
  );

  test("an over-long password is refused before any hashing", async () => {
    await expect(hashPassword("x".repeat(MAX_PASSWORD_LENGTH + 1))).rejects.toThrow(/too long/);
    const hash = await hashPassword("short enough password");
    await expect(verifyPassword({ hash, password: "x".repeat(MAX_PASSWORD_LENGTH + 1) })).resolves.toBe(false);
  });
});
