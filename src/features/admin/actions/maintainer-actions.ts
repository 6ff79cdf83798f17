"use server";

import { randomBytes } from "node:crypto";
import {
  ZChangeOwnPassword,
  ZChangeRole,
  ZCreateMaintainer,
  ZResetPassword,
  ZSetDisabled,
} from "@/domain/admin/action-schemas";
import { throttleKey } from "@/domain/auth/sign-in-throttle";
import { adminAction, type ActionResult } from "@/server/auth/admin-action";
import { beginAttempt } from "@/server/auth/attempt-throttle";
import { checkPasswordPolicy } from "@/server/auth/password-policy";
import { hashPassword, verifyPassword } from "@/server/auth/password-hash";
import {
  createMaintainer,
  findMaintainerById,
  findPasswordHash,
  setMaintainerPassword,
  updateMaintainer,
} from "@/server/repositories/maintainer-repository";

/**
 * Maintainer management is for admins only. An admin cannot disable or demote the last active admin, and changing
 * someone's role or disabling them signs them out everywhere at once. New accounts and resets get a generated
 * password that is shown once, to hand over in person or through a password manager (there is no email here).
 */

const actorOf = (m: { id: string; email: string }) => ({ id: m.id, label: m.email });

function generatePassword(): string {
  return randomBytes(18).toString("base64url");
}

export const createMaintainerAction = adminAction("admin", ZCreateMaintainer, async (input, { maintainer }) => {
  const password = generatePassword();
  const result = await createMaintainer({ ...input, passwordHash: await hashPassword(password) }, actorOf(maintainer));
  if (!result.ok)
    return {
      ok: false,
      code: "invalid",
      message: "That email already has an account.",
      fieldErrors: { email: ["already has an account"] },
    };
  return {
    ok: true,
    data: { email: result.maintainer.email, password },
    message: `Account created for ${result.maintainer.email}.`,
  };
});

export const changeRoleAction = adminAction("admin", ZChangeRole, async ({ id, role }, { maintainer, now }) => {
  if (id === maintainer.id)
    return { ok: false, code: "refused", message: "You cannot change your own role; ask another admin." };
  const result = await updateMaintainer(id, { role }, actorOf(maintainer), now);
  if (!result.ok)
    return {
      ok: false,
      code: result.reason === "not_found" ? "not_found" : "refused",
      message: result.reason === "not_found" ? "No such account." : "There must always be one active admin.",
    };
  return {
    ok: true,
    data: null,
    message: `${result.maintainer.email} is now ${role}; their sessions were signed out.`,
  };
});

export const setDisabledAction = adminAction("admin", ZSetDisabled, async ({ id, disabled }, { maintainer, now }) => {
  if (id === maintainer.id) return { ok: false, code: "refused", message: "You cannot disable your own account." };
  const result = await updateMaintainer(id, { disabled }, actorOf(maintainer), now);
  if (!result.ok)
    return {
      ok: false,
      code: result.reason === "not_found" ? "not_found" : "refused",
      message: result.reason === "not_found" ? "No such account." : "There must always be one active admin.",
    };
  return {
    ok: true,
    data: null,
    message: disabled
      ? `${result.maintainer.email} is disabled and signed out everywhere.`
      : `${result.maintainer.email} is enabled again.`,
  };
});

export const resetPasswordAction = adminAction("admin", ZResetPassword, async ({ id }, { maintainer }) => {
  const target = await findMaintainerById(id);
  if (!target) return { ok: false, code: "not_found", message: "No such account." };
  const password = generatePassword();
  await setMaintainerPassword(id, await hashPassword(password), actorOf(maintainer));
  return {
    ok: true,
    data: { email: target.email, password },
    message: `New password for ${target.email}; their sessions were signed out.`,
  };
});

/**
 * Any maintainer: change your own password. Wrong current passwords earn the same growing delays as failed sign-ins
 * (counted against the account); the new one must pass the password policy. Every session of the account ends, this
 * one included.
 */
export const changeOwnPasswordAction = adminAction(
  "editor",
  ZChangeOwnPassword,
  async ({ currentPassword, newPassword }, { maintainer, now }): Promise<ActionResult> => {
    const weakness = await checkPasswordPolicy(newPassword, maintainer);
    if (weakness) {
      return {
        ok: false,
        code: "invalid",
        message: `The new password ${weakness}.`,
        fieldErrors: { newPassword: [weakness] },
      };
    }
    const key = throttleKey("password", maintainer.id);
    const start = key ? await beginAttempt([{ key, kind: "password" }], now) : null;
    if (start && !start.ok) {
      const wait = `${start.retryAfter} second${start.retryAfter === 1 ? "" : "s"}`;
      return {
        ok: false,
        code: "refused",
        message: `Too many wrong current passwords. Try again in ${wait}.`,
        fieldErrors: { currentPassword: [`was wrong too often; try again in ${wait}`] },
      };
    }
    const attempt = start?.attempt;
    const hash = await findPasswordHash(maintainer.id);
    if (!hash || !(await verifyPassword({ hash, password: currentPassword }))) {
      await attempt?.failed();
      return {
        ok: false,
        code: "invalid",
        message: "Your current password is not right.",
        fieldErrors: { currentPassword: ["is not right"] },
      };
    }
    await attempt?.succeeded(["password"]);
    await setMaintainerPassword(maintainer.id, await hashPassword(newPassword), actorOf(maintainer));
    return {
      ok: true,
      data: null,
      message: "Password changed. Every session was signed out; sign in with the new password.",
    };
  },
);
