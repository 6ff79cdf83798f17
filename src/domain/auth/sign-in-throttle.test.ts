import { describe, expect, test } from "vitest";
import { delayForFailures, recordFailure, retryAfterSeconds, SIGN_IN_THROTTLE, throttleKey } from "./sign-in-throttle";

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
  });

  test("a locked key must wait; the wait counts down", () => {
    let state = null;
    for (let i = 0; i < SIGN_IN_THROTTLE.freeFailures.email; i += 1) state = recordFailure(state, "email", at(0));
    expect(retryAfterSeconds(state, at(0))).toBe(2);
    expect(retryAfterSeconds(state, at(1))).toBe(1);
    expect(retryAfterSeconds(state, at(2))).toBe(0);
  });

  test("failures are forgotten after a quiet period", () => {
    let state = null;
    for (let i = 0; i < 10; i += 1) state = recordFailure(state, "email", at(0));
    const later = new Date(at(0).getTime() + (SIGN_IN_THROTTLE.forgetAfterSeconds + 1) * 1000);
    expect(recordFailure(state, "email", later)).toEqual({ failures: 1, lastFailureAt: later, lockedUntil: null });
  });

  test("keys ignore the case and spacing of emails", () => {
    expect(throttleKey("email", "  Ada@Example.COM ")).toBe("email:ada@example.com");
  });
});
