import "server-only";
import { decideAttempt, type AttemptDecision, type ThrottleKind } from "@/domain/auth/sign-in-throttle";
import {
  clearThrottle,
  findLock,
  pruneThrottles,
  releaseAttempt,
  renewLock,
  reserveAttempt,
  takeLock,
} from "../repositories/sign-in-throttle-repository";

/**
 * Guards a password check (sign-in, password change) with the growing delays of domain/auth/sign-in-throttle.ts.
 * `beginAttempt` counts the attempt against every key before the password is checked and says whether it may go on;
 * the caller then reports how it ended: `failed` keeps the count, `succeeded` clears the account's key and gives the
 * others back, `abandoned` (never reached the check) gives every count back.
 */

export type ThrottleKey = { key: string; kind: ThrottleKind };

export type Attempt = {
  failed(): Promise<void>;
  succeeded(clear: ThrottleKind[]): Promise<void>;
  abandoned(): Promise<void>;
};

export type AttemptStart = { ok: true; attempt: Attempt } | { ok: false; retryAfter: number };

export async function beginAttempt(keys: ThrottleKey[], now: Date = new Date()): Promise<AttemptStart> {
  const counted: ThrottleKey[] = [];
  const decisions: { entry: ThrottleKey; decision: AttemptDecision }[] = [];
  for (const entry of keys) {
    const state = await reserveAttempt(entry.key, now);
    counted.push(entry);
    decisions.push({ entry, decision: decideAttempt(state, entry.kind, now) });
  }
  let retryAfter = Math.max(
    0,
    ...decisions.map(({ decision }) => (decision.kind === "locked" ? decision.retryAfter : 0)),
  );
  // Locks are taken only when no key is locked, so a refused attempt does not lock a key for nothing.
  const locks: { key: string; delaySeconds: number }[] = [];
  for (const { entry, decision } of retryAfter > 0 ? [] : decisions) {
    if (decision.kind !== "needs-lock") continue;
    if (await takeLock(entry.key, decision.lockUntil, now)) {
      locks.push({ key: entry.key, delaySeconds: decision.delaySeconds });
      continue;
    }
    // Another attempt took the lock between this one's count and now: this one waits for it.
    const lock = await findLock(entry.key);
    retryAfter = Math.max(1, lock ? Math.ceil((lock.getTime() - now.getTime()) / 1000) : 1);
    break;
  }
  const release = async (except: ThrottleKind[] = []) => {
    for (const { key, kind } of counted) {
      if (except.includes(kind)) await clearThrottle(key);
      else await releaseAttempt(key);
    }
  };
  if (retryAfter > 0) {
    await release();
    return { ok: false, retryAfter };
  }
  return {
    ok: true,
    attempt: {
      failed: async () => {
        const failedAt = Date.now();
        for (const { key, delaySeconds } of locks) await renewLock(key, new Date(failedAt + delaySeconds * 1000));
        await pruneThrottles(now);
      },
      succeeded: (clear) => release(clear),
      abandoned: () => release(),
    },
  };
}
