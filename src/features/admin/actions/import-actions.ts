"use server";

import { planCounts, type PlannedEntry } from "@/domain/admin/catalog-transfer";
import { ZImportRequest } from "@/domain/admin/action-schemas";
import { formatContentIssue } from "@/domain/catalog/validate-catalog";
import { applyImport, dryRunImport, parseBundle } from "@/server/admin/catalog-transfer";
import { adminAction } from "@/server/auth/admin-action";

/** Catalog import from an uploaded file: a dry run that lists every change, then an apply in one transaction. */

export type ImportPreview = {
  revision: number;
  counts: { create: number; update: number; unchanged: number };
  entries: {
    kind: string;
    slug: string;
    action: PlannedEntry<unknown>["action"];
    changes: { field: string; before: unknown; after: unknown }[];
  }[];
};

export const previewImportAction = adminAction("editor", ZImportRequest, async ({ yaml, fileName }) => {
  const parsed = parseBundle(yaml, fileName);
  const dryRun = parsed.ok ? await dryRunImport(parsed.incoming) : parsed;
  if (!dryRun.ok) {
    return {
      ok: false,
      code: "invalid",
      message: `The file has ${dryRun.issues.length} problem(s); nothing would be imported.`,
      fieldErrors: { file: dryRun.issues.map(formatContentIssue) },
    };
  }
  const { plan } = dryRun;
  const entries = [
    ...plan.phases.map((e) => ({ kind: "phase", ...e })),
    ...plan.capabilities.map((e) => ({ kind: "capability", ...e })),
    ...plan.tools.map((e) => ({ kind: "tool", ...e })),
  ]
    .filter((e) => e.action !== "unchanged")
    .map(({ kind, slug, action, changes }) => ({ kind, slug, action, changes }));
  return { ok: true, data: { revision: dryRun.revision, counts: planCounts(plan), entries } satisfies ImportPreview };
});

export const applyImportAction = adminAction(
  "editor",
  ZImportRequest,
  async ({ yaml, fileName, expectedRevision }, { maintainer }) => {
    if (expectedRevision === undefined) return { ok: false, code: "invalid", message: "Run the dry run first." };
    const parsed = parseBundle(yaml, fileName);
    if (!parsed.ok)
      return {
        ok: false,
        code: "invalid",
        message: "The file is not valid; nothing was imported.",
        fieldErrors: { file: parsed.issues.map(formatContentIssue) },
      };
    const result = await applyImport(
      parsed.incoming,
      { id: maintainer.id, label: maintainer.email },
      fileName,
      expectedRevision,
    );
    if (!result.ok) {
      return result.reason === "stale"
        ? {
            ok: false,
            code: "conflict",
            message: "The catalog changed since your dry run; nothing was imported. Run the dry run again.",
          }
        : {
            ok: false,
            code: "invalid",
            message: "The file is not valid; nothing was imported.",
            fieldErrors: { file: result.issues.map(formatContentIssue) },
          };
    }
    const { created, updated } = result.report;
    return {
      ok: true,
      data: result.report,
      message: `Imported: ${created.length} created, ${updated.length} updated.`,
    };
  },
);
