import "server-only";
import { recordFailure, type ThrottleKind, type ThrottleState } from "@/domain/auth/sign-in-throttle";
import { prisma } from "../db/client";

/** Failed sign-in counters, shared by every instance through the database. */

export async function findThrottles(keys: string[]): Promise<Map<string, ThrottleState>> {
  const rows = await prisma.signInThrottle.findMany({ where: { key: { in: keys } } });
  return new Map(
    rows.map((r) => [r.key, { failures: r.failures, lastFailureAt: r.lastFailureAt, lockedUntil: r.lockedUntil }]),
  );
}

/** Counts one failure against each key, in one transaction so concurrent failures are all counted. */
export async function recordSignInFailure(keys: { key: string; kind: ThrottleKind }[], now: Date): Promise<void> {
  await prisma.$transaction(async (tx) => {
    for (const { key, kind } of keys) {
      const row = await tx.signInThrottle.findUnique({ where: { key } });
      const next = recordFailure(row, kind, now);
      await tx.signInThrottle.upsert({ where: { key }, create: { key, ...next }, update: next });
    }
  });
}

export async function clearThrottle(key: string): Promise<void> {
  await prisma.signInThrottle.deleteMany({ where: { key } });
}
