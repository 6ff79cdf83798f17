import { describe, expect, test } from "vitest";
import {
  decideAttempt,
  delayForFailures,
  MAX_THROTTLE_KEY_LENGTH,
  retryAfterSeconds,
  SIGN_IN_THROTTLE,
  staleBefore,
  throttleKey,
} from "./sign-in-throttle";

const at = (seconds: number) => new Date(Date.UTC(2026, 10, 23, 12, 0, seconds));

describe("sign-in throttle", () => {
  test("the free allowance earns no delay; after it, each failure doubles the delay up to the cap", () => {
    const free = SIGN_IN_THROTTLE.freeFailures.email;
    expect(Array.from({ length: free - 1 }, (_, i) => delayForFailures(i + 1, "email"))).toEqual(
      Array(free - 1).fill(0),
    );
    expect([free, free + 1, free + 2, free + 3].map((n) => delayForFailures(n, "email"))).toEqual([2, 4, 8, 16]);
    expect(delayForFailures(free + 40, "email")).toBe(SIGN_IN_THROTTLE.maxDelaySeconds);
    expect(delayForFailures(free, "ip")).toBe(0);
    expect(delayForFailures(SIGN_IN_THROTTLE.freeFailures.password, "password")).toBe(2);
  });

  test("a locked key must wait; the wait counts down", () => {
    const state = { failures: 5, lastFailureAt: at(0), lockedUntil: at(2) };
    expect(retryAfterSeconds(state, at(0))).toBe(2);
    expect(retryAfterSeconds(state, at(1))).toBe(1);
    expect(retryAfterSeconds(state, at(2))).toBe(0);
  });

  test("an attempt within the allowance goes on; past it, it must take the lock; while locked, it waits", () => {
    const free = SIGN_IN_THROTTLE.freeFailures.email;
    expect(decideAttempt({ failures: free - 1, lastFailureAt: at(0), lockedUntil: null }, "email", at(0))).toEqual({
      kind: "free",
    });
    expect(decideAttempt({ failures: free, lastFailureAt: at(0), lockedUntil: null }, "email", at(0))).toEqual({
      kind: "needs-lock",
      lockUntil: at(2),
      delaySeconds: 2,
    });
    // A lock that has passed does not hold the next attempt back.
    expect(decideAttempt({ failures: free + 1, lastFailureAt: at(0), lockedUntil: at(1) }, "email", at(3))).toEqual({
      kind: "needs-lock",
      lockUntil: at(7),
      delaySeconds: 4,
    });
    expect(decideAttempt({ failures: free + 1, lastFailureAt: at(0), lockedUntil: at(4) }, "email", at(1))).toEqual({
      kind: "locked",
      retryAfter: 3,
    });
  });

  test("failures are forgotten after a quiet period", () => {
    expect(staleBefore(at(0)).getTime()).toBe(at(0).getTime() - SIGN_IN_THROTTLE.forgetAfterSeconds * 1000);
  });

  test("keys ignore the case and spacing of emails", () => {
    expect(throttleKey("email", "  Ada@Example.COM ")).toBe("email:ada@example.com");
  });

  test.each([
    ["ip", "203.0.113.7", "ip:203.0.113.7"],
    ["ip", "2001:DB8::1", "ip:2001:db8::1"],
    ["ip", "::ffff:192.0.2.1", "ip:::ffff:192.0.2.1"],
    ["ip", "unknown", "ip:unknown"],
    ["ip", "spoofed, 10.0.0.1", "ip:unknown"],
    ["ip", "999.1.1.1", "ip:unknown"],
    ["ip", "x".repeat(8003), "ip:unknown"],
    ["email", "not an email", null],
    ["email", `${"a".repeat(65)}@example.com`, null],
    ["email", `a@${"b".repeat(300)}.example`, null],
    ["password", "user_01-AbC", "password:user_01-abc"],
    ["password", "../../etc", null],
  ] as const)("a %s key is validated: %j → %j", (kind, value, expected) => {
    const key = throttleKey(kind, value);
    expect(key).toBe(expected);
    if (key) expect(key.length).toBeLessThanOrEqual(MAX_THROTTLE_KEY_LENGTH);
  });
});
