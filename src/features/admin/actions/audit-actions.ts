"use server";

import { ZAuditDiff } from "@/domain/admin/action-schemas";
import { adminAction } from "@/server/auth/admin-action";
import { findAuditEntry } from "@/server/repositories/audit-repository";

/**
 * The before and after of one audit record, read when a maintainer opens "Show what changed": lists of records load
 * without them (a page of 30 records carried ~0.9 MB of diffs in its HTML and again in its React payload).
 */
export const auditDiffAction = adminAction("editor", ZAuditDiff, async ({ auditId }) => {
  const entry = await findAuditEntry(auditId);
  if (!entry) return { ok: false, code: "not_found", message: "That audit record does not exist." };
  return { ok: true, data: { before: entry.before, after: entry.after } };
});
