import { z } from "zod";
import { ROLES } from "../auth/roles";
import { ZCapability, ZPhase, ZSlug, ZToolInput } from "../catalog/schema";
import { TOOL_STATUSES } from "../catalog/vocabulary";

/**
 * Admin-only shapes. The entries themselves are always validated by the catalog's own schemas (ZToolInput, ZPhase,
 * ZCapability); these only add what an admin request carries besides the entry: the version it was based on, ids.
 */

const ZVersion = z.coerce.number().int().min(1, "must be a version number");

export const ZCreateTool = z.object({ tool: ZToolInput });
export const ZUpdateTool = z.object({ slug: ZSlug, expectedVersion: ZVersion, tool: ZToolInput });

export const ZRetireTool = z
  .object({
    slug: ZSlug,
    expectedVersion: ZVersion,
    status: z.enum(TOOL_STATUSES).exclude(["active"]),
    successor: z.preprocess((v) => (v === "" ? null : v), ZSlug.nullable()),
    statusNote: z.string().trim().min(1, "must say what happened and when").max(600),
  })
  .strict();

export const ZDeleteEntry = z.object({ slug: ZSlug, expectedVersion: ZVersion });

export const ZRestoreVersion = z.object({
  auditId: z.coerce.number().int().min(1),
  /** The entry's current version (null when the entry is deleted): restoring over a newer change is a conflict. */
  expectedVersion: z.preprocess((v) => (v === "" || v === undefined ? null : v), ZVersion.nullable()),
});

export const ZAuditDiff = z.object({ auditId: z.coerce.number().int().min(1) }).strict();

export const ZSavePhase = z.object({ expectedVersion: ZVersion.optional(), phase: ZPhase });
export const ZSaveCapability = z.object({ expectedVersion: ZVersion.optional(), capability: ZCapability });

export const ZCreateMaintainer = z
  .object({
    email: z
      .email("must be an email address")
      .max(320)
      .transform((v) => v.trim().toLowerCase()),
    name: z.string().trim().min(1, "must not be empty").max(80),
    role: z.enum(ROLES),
  })
  .strict();
export const ZChangeRole = z.object({ id: z.string().min(1).max(64), role: z.enum(ROLES) }).strict();
export const ZSetDisabled = z
  .object({ id: z.string().min(1).max(64), disabled: z.enum(["true", "false"]).transform((v) => v === "true") })
  .strict();
export const ZResetPassword = z.object({ id: z.string().min(1).max(64) }).strict();

export const ZChangeOwnPassword = z
  .object({
    currentPassword: z.string().min(1, "enter your current password").max(128),
    newPassword: z.string().min(12, "must be at least 12 characters").max(128, "must be at most 128 characters"),
    confirmPassword: z.string(),
  })
  .strict()
  .refine((v) => v.newPassword === v.confirmPassword, {
    path: ["confirmPassword"],
    message: "does not match the new password",
  })
  .refine((v) => v.newPassword !== v.currentPassword, {
    path: ["newPassword"],
    message: "must differ from the current password",
  });

/** Largest catalog file an upload may carry; the whole catalog is well under 1 MB. */
export const MAX_IMPORT_BYTES = 4 * 1024 * 1024;
export const ZImportRequest = z
  .object({
    fileName: z.string().max(200).default("catalog.yaml"),
    yaml: z.string().min(1, "the file is empty").max(MAX_IMPORT_BYTES, "the file is larger than 4 MB"),
    /** Apply only if the catalog is still at the revision the dry run saw. */
    expectedRevision: z.number().int().min(0).optional(),
  })
  .strict();
