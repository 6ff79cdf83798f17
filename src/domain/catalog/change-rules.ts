import type { ToolSnapshot } from "../admin/snapshots";
import type { ToolInput } from "./schema";
import type { Catalog, CatalogTool } from "./types";
import type { EntryIssue } from "./validate-change";
import { isRetiredStatus } from "./vocabulary";

/**
 * The rules every catalog change follows, whoever makes it (an admin edit, a restore, an import, the seed): what is
 * refused (an existing slug, a missing entry, a stale version, a changed slug, references that would break), when an
 * update is a retirement, what the audit record says, and what the seed does with an entry an admin has touched.
 * Pure: the catalog service (src/server/catalog/catalog-service.ts) runs them inside its transaction and the store
 * writes what they decide.
 */

export type Actor = { id: string | null; label: string };
export type AuditAction = "create" | "update" | "retire" | "delete" | "restore" | "import";
export type LastChange = { actorLabel: string; createdAt: Date; summary: string } | null;
export type CatalogEntityType = "tool" | "phase" | "capability";

export type WriteResult<T> =
  | { ok: true; value: T; auditId: number }
  | { ok: false; reason: "not_found" }
  | { ok: false; reason: "exists" }
  | { ok: false; reason: "conflict"; current: T | null; lastChange: LastChange }
  | { ok: false; reason: "invalid"; issues: EntryIssue[] }
  | { ok: false; reason: "referenced"; references: string[] };

/** The whole-catalog check a write must pass, run inside its transaction on the catalog as it is then. */
export type ChangeValidator = (catalog: Catalog) => EntryIssue[];

/** A save of one entry: a create (new, or a restore of a deleted one) or an update of the version the caller saw. */
export type SaveRequest<T> =
  | { mode: "create"; input: T; action: "create" | "restore" }
  | {
      mode: "update";
      slug: string;
      expectedVersion: number;
      input: T;
      action: "update" | "retire" | "restore";
    };

/** Why a save may not go ahead, before anything is written; null: go ahead. A conflict is completed by the caller. */
export type SaveRefusal =
  { reason: "exists" } | { reason: "not_found" } | { reason: "conflict" } | { reason: "invalid"; issues: EntryIssue[] };

const SLUG_IS_PERMANENT: Record<CatalogEntityType, string> = {
  tool: "cannot change: slugs are permanent (URLs and ids derive from them)",
  phase: "cannot change: slugs are permanent",
  capability: "cannot change: slugs are permanent",
};

/**
 * The refusals every save checks: a create over an existing slug, an update of something missing, a stale version,
 * a changed slug (slugs are permanent).
 */
export function refuseSave(
  entityType: CatalogEntityType,
  request: SaveRequest<{ slug: string }>,
  existing: { slug: string; version: number } | undefined,
): SaveRefusal | null {
  if (request.mode === "create") return existing ? { reason: "exists" } : null;
  if (!existing) return { reason: "not_found" };
  if (existing.version !== request.expectedVersion) return { reason: "conflict" };
  if (request.input.slug !== existing.slug)
    return { reason: "invalid", issues: [{ path: ["slug"], message: SLUG_IS_PERMANENT[entityType] }] };
  return null;
}

/** A free id for a new entry: its slug, as the seed does, unless an older row already uses that id. */
export function newEntryId(slug: string, taken: ReadonlySet<string>): string {
  if (!taken.has(slug)) return slug;
  for (let i = 2; ; i += 1) if (!taken.has(`${slug}-${i}`)) return `${slug}-${i}`;
}

/** An update that takes an active tool to a retired status is recorded as a retirement. */
export function toolAuditAction(
  requested: AuditAction,
  existing: Pick<CatalogTool, "status"> | undefined,
  input: Pick<ToolInput, "status">,
): AuditAction {
  const isRetiring = existing && !isRetiredStatus(existing.status) && isRetiredStatus(input.status);
  return requested === "update" && isRetiring ? "retire" : requested;
}

/** The snapshot fields a save changed (the version aside). */
export function changedFields(before: ToolSnapshot | null, after: ToolSnapshot): string[] {
  if (!before) return [];
  return Object.keys(after).filter(
    (k) =>
      k !== "version" &&
      JSON.stringify(after[k as keyof ToolSnapshot]) !== JSON.stringify(before[k as keyof ToolSnapshot]),
  );
}

const VERBS: Record<AuditAction, string> = {
  create: "Created",
  update: "Updated",
  retire: "Retired",
  delete: "Deleted",
  restore: "Restored",
  import: "Imported",
};

export function toolAuditSummary(action: AuditAction, input: ToolInput, changed: string[]): string {
  const detail =
    action === "retire"
      ? ` (${input.status}${input.successor ? `, use ${input.successor}` : ""})`
      : changed.length > 0
        ? ` (${changed.join(", ")})`
        : "";
  return `${VERBS[action]} tool ${input.name}${detail}`;
}

/** "Created phase Data", "Updated capability Feature store", "Restored …". */
export function entryAuditSummary(
  request: SaveRequest<{ name: string }>,
  entityType: Exclude<CatalogEntityType, "tool">,
): string {
  const verb = request.action === "restore" ? "Restored" : request.mode === "create" ? "Created" : "Updated";
  return `${verb} ${entityType} ${request.input.name}`;
}

export function deletedSummary(entityType: CatalogEntityType, name: string): string {
  return `Deleted ${entityType} ${name}`;
}

export function importedEntrySummary(action: "create" | "update", entityType: CatalogEntityType, name: string) {
  return `${action === "create" ? "Imported new" : "Imported changes to"} ${entityType} ${name}`;
}

export type ImportReport = { created: string[]; updated: string[]; unchanged: number; auditId: number | null };

export function importSummary(source: string, report: ImportReport): string {
  return `Imported ${source}: ${report.created.length} created, ${report.updated.length} updated, ${report.unchanged} unchanged`;
}

/** What keeps a tool from being deleted: integrations and tools that name it as their successor. */
export function toolReferences(catalog: Catalog, slug: string): string[] {
  const tool = catalog.tools.find((t) => t.slug === slug);
  if (!tool) return [];
  return [
    ...tool.integrations.map((partner) => `integrates with ${partner}`),
    ...catalog.tools.filter((t) => t.successor === slug).map((t) => `named as successor by ${t.slug}`),
  ];
}

/** What keeps a phase from being deleted: the capabilities in it. */
export function phaseReferences(capabilitySlugs: string[]): string[] {
  return capabilitySlugs.map((slug) => `capability ${slug} is in this phase`);
}

/** What keeps a capability from being deleted: the tools that cover it. */
export function capabilityReferences(toolSlugs: string[]): string[] {
  return toolSlugs.map((slug) => `tool ${slug} covers it`);
}

// The seed (docs/decisions/004-seed-and-admin-edits.md) -------------------------------------------------------------

/** The actor of every change the seed makes. */
export const SEED_ACTOR: Actor = { id: null, label: "seed" };

export type SeedOutcome = "created" | "updated" | "unchanged" | "kept" | "deleted";

/**
 * What the seed does with one content entry: create it when absent (unless an admin deleted it), leave it when it
 * matches, update it when it differs and no admin has edited it since the last seed (`version == seededVersion`),
 * and otherwise keep the admin's version.
 */
export function seedOutcome(
  existing: { version: number; seededVersion: number | null } | undefined,
  isUnchanged: boolean,
  wasDeletedByAdmin: boolean,
): SeedOutcome {
  if (!existing) return wasDeletedByAdmin ? "deleted" : "created";
  if (isUnchanged) return "unchanged";
  return existing.seededVersion !== existing.version ? "kept" : "updated";
}

export function seedSummary(outcome: "created" | "updated", label: string): string {
  return outcome === "created" ? `Seeded ${label}` : `Updated ${label} from content`;
}

export function integrationSyncSummary(added: number, removed: number): string {
  return `Synced integrations from content: ${added} added, ${removed} removed`;
}
