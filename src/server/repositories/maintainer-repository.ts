import "server-only";
import { randomBytes } from "node:crypto";
import type { Role } from "@/domain/auth/roles";
import { appendAudit } from "../catalog/catalog-store";
import { prisma } from "../db/client";
import type { Prisma } from "../db/prisma";

/**
 * Maintainer accounts (better-auth's user/account/session tables) as DTOs. Password hashes never leave this file.
 * Changes to accounts are audited like catalog changes (entity type "maintainer"), without any secret in them.
 */

export type Maintainer = {
  id: string;
  email: string;
  name: string;
  role: string;
  disabledAt: Date | null;
  createdAt: Date;
};
export type MaintainerSummary = Maintainer & { activeSessions: number; lastSignInAt: Date | null };
export type Actor = { id: string | null; label: string };

/** better-auth's id shape: 32 URL-safe random characters. */
export function newAuthId(): string {
  return randomBytes(24).toString("base64url");
}

const MAINTAINER_SELECT = { id: true, email: true, name: true, role: true, disabledAt: true, createdAt: true } as const;

function snapshot(m: Pick<Maintainer, "email" | "name" | "role" | "disabledAt">) {
  return { email: m.email, name: m.name, role: m.role, disabled: m.disabledAt !== null };
}

/** Maintainer changes are audited through the one audit writer (server/catalog/catalog-store.ts). */
async function audit(
  tx: Prisma.TransactionClient,
  actor: Actor,
  action: string,
  entityId: string,
  summary: string,
  before: unknown,
  after: unknown,
) {
  await appendAudit(tx, { actor, action, entityType: "maintainer", entityId, summary, before, after });
}

export async function findMaintainerByEmail(email: string): Promise<Maintainer | null> {
  return prisma.user.findUnique({ where: { email: email.trim().toLowerCase() }, select: MAINTAINER_SELECT });
}

export async function findMaintainerById(id: string): Promise<Maintainer | null> {
  return prisma.user.findUnique({ where: { id }, select: MAINTAINER_SELECT });
}

export async function listMaintainers(now: Date): Promise<MaintainerSummary[]> {
  const rows = await prisma.user.findMany({
    orderBy: [{ disabledAt: { sort: "asc", nulls: "first" } }, { email: "asc" }],
    select: {
      ...MAINTAINER_SELECT,
      sessions: { select: { createdAt: true, expiresAt: true }, orderBy: { createdAt: "desc" } },
    },
  });
  return rows.map(({ sessions, ...m }) => ({
    ...m,
    activeSessions: sessions.filter((s) => s.expiresAt > now).length,
    lastSignInAt: sessions[0]?.createdAt ?? null,
  }));
}

export async function countMaintainers(): Promise<{ total: number; active: number }> {
  const [total, active] = await Promise.all([prisma.user.count(), prisma.user.count({ where: { disabledAt: null } })]);
  return { total, active };
}

export async function countActiveAdmins(): Promise<number> {
  return prisma.user.count({ where: { role: "admin", disabledAt: null } });
}

export type CreateMaintainerResult = { ok: true; maintainer: Maintainer } | { ok: false; reason: "email_taken" };

/** Creates the account and its email + password credential, as better-auth's sign-up would. */
export async function createMaintainer(
  input: { email: string; name: string; role: Role; passwordHash: string },
  actor: Actor,
): Promise<CreateMaintainerResult> {
  const email = input.email.trim().toLowerCase();
  return prisma.$transaction(async (tx) => {
    if (await tx.user.findUnique({ where: { email }, select: { id: true } }))
      return { ok: false, reason: "email_taken" } as const;
    const id = newAuthId();
    const user = await tx.user.create({
      data: { id, email, name: input.name, role: input.role, emailVerified: true },
      select: MAINTAINER_SELECT,
    });
    await tx.account.create({
      data: { id: newAuthId(), accountId: id, providerId: "credential", userId: id, password: input.passwordHash },
    });
    await audit(tx, actor, "create", id, `Created ${input.role} ${email}`, null, snapshot(user));
    return { ok: true, maintainer: user } as const;
  });
}

export type MaintainerChange = { role?: Role; disabled?: boolean; name?: string };

/**
 * Changes role, name or the disabled flag. Disabling, or changing the role, revokes every session of the account
 * in the same transaction, so the change takes effect on the next request. Refuses to leave no active admin.
 */
export async function updateMaintainer(
  id: string,
  change: MaintainerChange,
  actor: Actor,
  now: Date,
): Promise<{ ok: true; maintainer: Maintainer } | { ok: false; reason: "not_found" | "last_admin" }> {
  return prisma.$transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { id }, select: MAINTAINER_SELECT });
    if (!before) return { ok: false, reason: "not_found" } as const;
    const disabledAt =
      change.disabled === undefined ? before.disabledAt : change.disabled ? (before.disabledAt ?? now) : null;
    const role = change.role ?? before.role;
    const wasActiveAdmin = before.role === "admin" && before.disabledAt === null;
    const staysActiveAdmin = role === "admin" && disabledAt === null;
    if (
      wasActiveAdmin &&
      !staysActiveAdmin &&
      (await tx.user.count({ where: { role: "admin", disabledAt: null } })) <= 1
    ) {
      return { ok: false, reason: "last_admin" } as const;
    }
    const after = await tx.user.update({
      where: { id },
      data: { role, disabledAt, name: change.name ?? before.name },
      select: MAINTAINER_SELECT,
    });
    if (role !== before.role || (disabledAt !== null && before.disabledAt === null)) {
      await tx.session.deleteMany({ where: { userId: id } });
    }
    const what = [
      role !== before.role ? `role ${before.role} → ${role}` : null,
      disabledAt !== null && before.disabledAt === null ? "disabled" : null,
      disabledAt === null && before.disabledAt !== null ? "enabled" : null,
      after.name !== before.name ? "renamed" : null,
    ].filter(Boolean);
    if (what.length > 0) {
      const action = disabledAt !== null && before.disabledAt === null ? "disable" : "update";
      await audit(tx, actor, action, id, `${before.email}: ${what.join(", ")}`, snapshot(before), snapshot(after));
    }
    return { ok: true, maintainer: after } as const;
  });
}

/** Replaces the password and revokes every session of the account. */
export async function setMaintainerPassword(id: string, passwordHash: string, actor: Actor): Promise<boolean> {
  return prisma.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id }, select: MAINTAINER_SELECT });
    if (!user) return false;
    const updated = await tx.account.updateMany({
      where: { userId: id, providerId: "credential" },
      data: { password: passwordHash },
    });
    if (updated.count === 0) {
      await tx.account.create({
        data: { id: newAuthId(), accountId: id, providerId: "credential", userId: id, password: passwordHash },
      });
    }
    await tx.session.deleteMany({ where: { userId: id } });
    const self = actor.id === id;
    await audit(
      tx,
      actor,
      "update",
      id,
      self ? `${user.email} changed their password` : `Password of ${user.email} reset`,
      null,
      null,
    );
    return true;
  });
}

export async function findPasswordHash(userId: string): Promise<string | null> {
  const account = await prisma.account.findFirst({
    where: { userId, providerId: "credential" },
    select: { password: true },
  });
  return account?.password ?? null;
}

// Sessions ---------------------------------------------------------------------------------------------------------

/** Records an authorised use of a session (for the idle timeout). */
export async function touchSession(id: string, now: Date): Promise<void> {
  await prisma.session.updateMany({ where: { id }, data: { updatedAt: now } });
}

export async function deleteSession(id: string): Promise<void> {
  await prisma.session.deleteMany({ where: { id } });
}

export async function deleteSessionsOfUser(userId: string, exceptSessionId?: string): Promise<number> {
  const result = await prisma.session.deleteMany({
    where: { userId, ...(exceptSessionId ? { id: { not: exceptSessionId } } : {}) },
  });
  return result.count;
}
