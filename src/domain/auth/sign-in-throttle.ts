/**
 * Growing delays after failed sign-ins. Each failure counts against two keys: the account's email and the client's
 * address. Within a key's free allowance nothing happens; after it, every further failure locks the key for twice
 * as long as the previous one, up to a cap. A locked key is answered with 429 and Retry-After, before any password
 * is checked. A success clears the email key. Failures are forgotten after a quiet period.
 */

export type ThrottleKind = "email" | "ip";

export const SIGN_IN_THROTTLE = {
  /** Failures allowed before delays start: a person mistyping a password a few times is never slowed. */
  freeFailures: { email: 5, ip: 20 } satisfies Record<ThrottleKind, number>,
  /** The first delay after the free allowance, in seconds; it doubles with each further failure. */
  firstDelaySeconds: 2,
  /** The longest delay, in seconds (15 minutes): long enough to stop guessing, short enough not to lock out for good. */
  maxDelaySeconds: 15 * 60,
  /** A key with no failure for this long starts again from zero, in seconds. */
  forgetAfterSeconds: 60 * 60,
} as const;

export type ThrottleState = { failures: number; lastFailureAt: Date; lockedUntil: Date | null };

/** The key a failure counts against. Emails are compared case-insensitively, as sign-in does. */
export function throttleKey(kind: ThrottleKind, value: string): string {
  return `${kind}:${value.trim().toLowerCase()}`;
}

/** Seconds until the key may try again; 0 when it may try now. */
export function retryAfterSeconds(state: ThrottleState | null, now: Date): number {
  if (!state?.lockedUntil) return 0;
  return Math.max(0, Math.ceil((state.lockedUntil.getTime() - now.getTime()) / 1000));
}

/** The delay (seconds) that the `failures`-th consecutive failure earns. */
export function delayForFailures(failures: number, kind: ThrottleKind): number {
  const over = failures - SIGN_IN_THROTTLE.freeFailures[kind];
  if (over < 0) return 0;
  return Math.min(SIGN_IN_THROTTLE.maxDelaySeconds, SIGN_IN_THROTTLE.firstDelaySeconds * 2 ** Math.min(over, 20));
}

/** The state after one more failure at `now`. */
export function recordFailure(state: ThrottleState | null, kind: ThrottleKind, now: Date): ThrottleState {
  const isStale = state && now.getTime() - state.lastFailureAt.getTime() > SIGN_IN_THROTTLE.forgetAfterSeconds * 1000;
  const failures = (state && !isStale ? state.failures : 0) + 1;
  const delay = delayForFailures(failures, kind);
  return { failures, lastFailureAt: now, lockedUntil: delay > 0 ? new Date(now.getTime() + delay * 1000) : null };
}
