import "server-only";
import { staleBefore, type ThrottleState } from "@/domain/auth/sign-in-throttle";
import { prisma } from "../db/client";

/**
 * Failed password-check counters, shared by every instance through the database. Every change is one statement, so
 * concurrent attempts on any instance are all counted and only one can take a key's lock (see
 * domain/auth/sign-in-throttle.ts for the rules).
 */

function toDate(value: unknown): Date | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value;
  if (typeof value === "string" || typeof value === "number") return new Date(value);
  if (typeof value === "bigint") return new Date(Number(value));
  return null;
}

/**
 * Counts one attempt against `key` and returns the key's state after it, in one statement (SQLite 3.35+ and
 * PostgreSQL): concurrent attempts each see a different count. A key quiet for longer than the forget period starts
 * again from zero first.
 */
export async function reserveAttempt(key: string, now: Date): Promise<ThrottleState> {
  await prisma.signInThrottle.updateMany({
    where: { key, lastFailureAt: { lt: staleBefore(now) } },
    data: { failures: 0, lockedUntil: null },
  });
  const rows = await prisma.$queryRaw<{ failures: number | bigint; lockedUntil: unknown }[]>`
    INSERT INTO "SignInThrottle" ("key", "failures", "lastFailureAt", "lockedUntil") VALUES (${key}, 1, ${now}, NULL)
    ON CONFLICT ("key") DO UPDATE SET "failures" = "SignInThrottle"."failures" + 1, "lastFailureAt" = ${now}
    RETURNING "failures", "lockedUntil"`;
  const row = rows[0];
  return { failures: Number(row?.failures ?? 1), lastFailureAt: now, lockedUntil: toDate(row?.lockedUntil) };
}

/** Takes the key's lock until `until` if no lock holds at `now`; true when this caller got it. */
export async function takeLock(key: string, until: Date, now: Date): Promise<boolean> {
  const { count } = await prisma.signInThrottle.updateMany({
    where: { key, OR: [{ lockedUntil: null }, { lockedUntil: { lte: now } }] },
    data: { lockedUntil: until },
  });
  return count === 1;
}

/** Sets the key's lock to `until` (a failed check renews the lock it took, counted from the failure). */
export async function renewLock(key: string, until: Date): Promise<void> {
  await prisma.signInThrottle.updateMany({ where: { key }, data: { lockedUntil: until } });
}

/** The key's lock, if any (to tell a refused attempt how long to wait). */
export async function findLock(key: string): Promise<Date | null> {
  const row = await prisma.signInThrottle.findUnique({ where: { key }, select: { lockedUntil: true } });
  return row?.lockedUntil ?? null;
}

/** Gives back one counted attempt (it never reached the password check, or it succeeded). */
export async function releaseAttempt(key: string): Promise<void> {
  await prisma.signInThrottle.updateMany({
    where: { key, failures: { gt: 0 } },
    data: { failures: { decrement: 1 } },
  });
}

export async function clearThrottle(key: string): Promise<void> {
  await prisma.signInThrottle.deleteMany({ where: { key } });
}

/** Deletes keys that are past the forget period and hold no lock: the table keeps only live counters. */
export async function pruneThrottles(now: Date): Promise<number> {
  const { count } = await prisma.signInThrottle.deleteMany({
    where: {
      lastFailureAt: { lt: staleBefore(now) },
      OR: [{ lockedUntil: null }, { lockedUntil: { lt: now } }],
    },
  });
  return count;
}
