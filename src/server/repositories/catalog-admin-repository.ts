import "server-only";
import type { ImportPlan } from "@/domain/admin/catalog-transfer";
import type { EntryIssue } from "@/domain/admin/validate-change";
import {
  capabilityInputOf,
  phaseInputOf,
  toolSnapshot,
  type CapabilitySnapshot,
  type PhaseSnapshot,
  type ToolSnapshot,
} from "@/domain/admin/snapshots";
import type { Capability, Phase, ToolInput } from "@/domain/catalog/schema";
import type { Catalog, CatalogTool } from "@/domain/catalog/types";
import type { ContentIssue } from "@/domain/catalog/validate-catalog";
import { isRetiredStatus } from "@/domain/catalog/vocabulary";
import { prisma } from "../db/client";
import type { Prisma } from "../db/prisma";
import { capabilityColumns, phaseColumns, toolColumns } from "../catalog/tool-rows";
import { getCatalog } from "./catalog-repository";
import { onCatalogChanged } from "../cache/catalog-changed";

/**
 * Maintainers' writes to the catalog. Every write runs in one transaction that (1) reads the catalog as it is now,
 * (2) refuses a stale version (optimistic concurrency), (3) runs the caller's whole-catalog validation against the
 * result, (4) writes, and (5) appends one audit record with who, what, before and after. The audit record is also
 * what tells every instance's catalog cache to reload (catalog-snapshot.ts). `version` goes up with every write;
 * `seededVersion` is left alone, which is how the seed knows a maintainer changed the row (decisions/004).
 */

export type Tx = Prisma.TransactionClient;
export type Actor = { id: string | null; label: string };
export type AuditAction = "create" | "update" | "retire" | "delete" | "restore" | "import";
export type LastChange = { actorLabel: string; createdAt: Date; summary: string } | null;

export type WriteResult<T> =
  | { ok: true; value: T; auditId: number }
  | { ok: false; reason: "not_found" }
  | { ok: false; reason: "exists" }
  | { ok: false; reason: "conflict"; current: T | null; lastChange: LastChange }
  | { ok: false; reason: "invalid"; issues: EntryIssue[] }
  | { ok: false; reason: "referenced"; references: string[] };

/** The whole-catalog check a write must pass, run inside its transaction on the catalog as it is then. */
export type ChangeValidator = (catalog: Catalog) => EntryIssue[];

/** Interactive transactions on a busy SQLite file wait for the write lock; give them room. */
const WRITE_TX = { maxWait: 10_000, timeout: 30_000 } as const;

class Rollback<T> extends Error {
  constructor(readonly result: T) {
    super("rollback");
  }
}

/** Runs `work` in a transaction; returning a failure (ok: false) rolls everything back. */
async function inTransaction<T extends { ok: boolean }>(work: (tx: Tx) => Promise<T>): Promise<T> {
  try {
    const committed = await prisma.$transaction(async (tx) => {
      const result = await work(tx);
      if (!result.ok) throw new Rollback(result);
      return result;
    }, WRITE_TX);
    onCatalogChanged();
    return committed;
  } catch (error) {
    if (error instanceof Rollback) return error.result as T;
    throw error;
  }
}

export async function appendAudit(
  tx: Tx,
  entry: {
    actor: Actor;
    action: AuditAction;
    entityType: string;
    entityId: string;
    summary: string;
    before: unknown;
    after: unknown;
  },
): Promise<number> {
  const row = await tx.auditLog.create({
    data: {
      actorId: entry.actor.id,
      actorLabel: entry.actor.label,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      summary: entry.summary,
      before: entry.before === null ? undefined : (entry.before as Prisma.InputJsonValue),
      after: entry.after === null ? undefined : (entry.after as Prisma.InputJsonValue),
    },
    select: { id: true },
  });
  return row.id;
}

async function lastChangeOf(tx: Tx, entityType: string, entityId: string): Promise<LastChange> {
  return tx.auditLog.findFirst({
    where: { entityType, entityId },
    orderBy: { id: "desc" },
    select: { actorLabel: true, createdAt: true, summary: true },
  });
}

/** A free id for a new entry: its slug, as the seed does, unless an older row already uses that id. */
function newId(slug: string, taken: Set<string>): string {
  if (!taken.has(slug)) return slug;
  for (let i = 2; ; i += 1) if (!taken.has(`${slug}-${i}`)) return `${slug}-${i}`;
}

// Tools ------------------------------------------------------------------------------------------------------------

type CatalogIds = { toolIds: Map<string, string>; capabilityIds: Map<string, string>; phaseIds: Map<string, string> };

function idsOf(catalog: Catalog): CatalogIds {
  return {
    toolIds: new Map(catalog.tools.map((t) => [t.slug, t.id])),
    capabilityIds: new Map(catalog.capabilities.map((c) => [c.slug, c.id])),
    phaseIds: new Map(catalog.phases.map((p) => [p.slug, p.id])),
  };
}

function capabilityRows(input: ToolInput, ids: CatalogIds) {
  return [
    ...input.capabilities.primary.map((slug) => ({ slug, role: "primary" })),
    ...input.capabilities.secondary.map((slug) => ({ slug, role: "secondary" })),
  ].flatMap(({ slug, role }) => {
    const capabilityId = ids.capabilityIds.get(slug);
    return capabilityId ? [{ capabilityId, role }] : [];
  });
}

/**
 * Writes a tool's columns and capability links (not integrations, not the successor: those need every tool to exist,
 * see `setSuccessorTx` and `syncIntegrationsTx`). Updates only when the row is still at `expectedVersion`.
 * Returns the tool id, or null when the version moved on (a concurrent write won).
 */
export async function writeToolRowTx(
  tx: Tx,
  input: ToolInput,
  target: { mode: "create"; takenIds: Set<string> } | { mode: "update"; id: string; expectedVersion: number },
  ids: CatalogIds,
): Promise<string | null> {
  const columns = toolColumns(input);
  if (target.mode === "create") {
    const id = newId(input.slug, target.takenIds);
    await tx.tool.create({
      data: { id, ...columns, version: 1, capabilities: { create: capabilityRows(input, ids) } },
    });
    return id;
  }
  const updated = await tx.tool.updateMany({
    where: { id: target.id, version: target.expectedVersion },
    data: { ...columns, version: { increment: 1 } },
  });
  if (updated.count === 0) return null;
  await tx.toolCapability.deleteMany({ where: { toolId: target.id } });
  await tx.toolCapability.createMany({
    data: capabilityRows(input, ids).map((row) => ({ toolId: target.id, ...row })),
  });
  return target.id;
}

export async function setSuccessorTx(
  tx: Tx,
  toolId: string,
  successorSlug: string | null,
  toolIds: Map<string, string>,
) {
  const successorId = successorSlug ? (toolIds.get(successorSlug) ?? null) : null;
  await tx.tool.update({ where: { id: toolId }, data: { successorId } });
}

/** Makes the tool's integration partners exactly `partnerIds` (pairs are stored once, smaller id first). */
export async function syncIntegrationsTx(tx: Tx, toolId: string, partnerIds: Set<string>): Promise<void> {
  const current = await tx.toolIntegration.findMany({ where: { OR: [{ toolAId: toolId }, { toolBId: toolId }] } });
  const have = new Set(current.map((p) => (p.toolAId === toolId ? p.toolBId : p.toolAId)));
  for (const pair of current) {
    const partner = pair.toolAId === toolId ? pair.toolBId : pair.toolAId;
    if (!partnerIds.has(partner))
      await tx.toolIntegration.delete({ where: { toolAId_toolBId: { toolAId: pair.toolAId, toolBId: pair.toolBId } } });
  }
  const missing = [...partnerIds].filter((p) => !have.has(p) && p !== toolId);
  if (missing.length > 0) {
    await tx.toolIntegration.createMany({
      data: missing.map((p) => (toolId < p ? { toolAId: toolId, toolBId: p } : { toolAId: p, toolBId: toolId })),
    });
  }
}

async function readToolTx(tx: Tx, slug: string): Promise<CatalogTool> {
  const tool = (await getCatalog(tx)).tools.find((t) => t.slug === slug);
  if (!tool) throw new Error(`tool ${slug} vanished inside its own transaction`);
  return tool;
}

function toolSummary(action: AuditAction, input: ToolInput, changedFields: string[]): string {
  const verb = {
    create: "Created",
    update: "Updated",
    retire: "Retired",
    delete: "Deleted",
    restore: "Restored",
    import: "Imported",
  }[action];
  const detail =
    action === "retire"
      ? ` (${input.status}${input.successor ? `, use ${input.successor}` : ""})`
      : changedFields.length > 0
        ? ` (${changedFields.join(", ")})`
        : "";
  return `${verb} tool ${input.name}${detail}`;
}

export type SaveToolRequest =
  | { mode: "create"; input: ToolInput; action: "create" | "restore" }
  | {
      mode: "update";
      slug: string;
      expectedVersion: number;
      input: ToolInput;
      action: "update" | "retire" | "restore";
    };

/** Creates or updates one tool with its capabilities, successor and integrations, audited. */
export async function saveTool(
  request: SaveToolRequest,
  actor: Actor,
  validate: ChangeValidator,
): Promise<WriteResult<ToolSnapshot>> {
  return inTransaction(async (tx): Promise<WriteResult<ToolSnapshot>> => {
    const catalog = await getCatalog(tx);
    const ids = idsOf(catalog);
    const { input } = request;
    const existing = catalog.tools.find((t) => t.slug === (request.mode === "update" ? request.slug : input.slug));
    if (request.mode === "create" && existing) return { ok: false, reason: "exists" };
    if (request.mode === "update") {
      if (!existing) return { ok: false, reason: "not_found" };
      if (existing.version !== request.expectedVersion) {
        return {
          ok: false,
          reason: "conflict",
          current: toolSnapshot(existing),
          lastChange: await lastChangeOf(tx, "tool", existing.id),
        };
      }
      if (input.slug !== existing.slug)
        return {
          ok: false,
          reason: "invalid",
          issues: [{ path: ["slug"], message: "cannot change: slugs are permanent (URLs and ids derive from them)" }],
        };
    }
    const issues = validate(catalog);
    if (issues.length > 0) return { ok: false, reason: "invalid", issues };

    const id = await writeToolRowTx(
      tx,
      input,
      request.mode === "create"
        ? { mode: "create", takenIds: new Set(catalog.tools.map((t) => t.id)) }
        : { mode: "update", id: existing!.id, expectedVersion: request.expectedVersion },
      ids,
    );
    if (id === null) {
      // Another transaction committed between our read and our write (PostgreSQL, read committed).
      const current = await readToolTx(tx, existing!.slug);
      return {
        ok: false,
        reason: "conflict",
        current: toolSnapshot(current),
        lastChange: await lastChangeOf(tx, "tool", current.id),
      };
    }
    ids.toolIds.set(input.slug, id);
    await setSuccessorTx(tx, id, input.successor, ids.toolIds);
    await syncIntegrationsTx(tx, id, new Set(input.integrations.flatMap((slug) => ids.toolIds.get(slug) ?? [])));

    const after = toolSnapshot(await readToolTx(tx, input.slug));
    const before = existing ? toolSnapshot(existing) : null;
    const changed = before
      ? Object.keys(after).filter(
          (k) =>
            k !== "version" &&
            JSON.stringify(after[k as keyof ToolSnapshot]) !== JSON.stringify(before[k as keyof ToolSnapshot]),
        )
      : [];
    const action =
      request.action === "update" && existing && !isRetiredStatus(existing.status) && isRetiredStatus(input.status)
        ? "retire"
        : request.action;
    const auditId = await appendAudit(tx, {
      actor,
      action,
      entityType: "tool",
      entityId: id,
      summary: toolSummary(action, input, changed),
      before,
      after,
    });
    return { ok: true, value: after, auditId };
  });
}

/** What keeps a tool from being deleted: integrations and tools that name it as their successor. */
export function referencesTo(catalog: Catalog, slug: string): string[] {
  const tool = catalog.tools.find((t) => t.slug === slug);
  if (!tool) return [];
  return [
    ...tool.integrations.map((partner) => `integrates with ${partner}`),
    ...catalog.tools.filter((t) => t.successor === slug).map((t) => `named as successor by ${t.slug}`),
  ];
}

/** Deletes a tool that nothing references; otherwise answers with the references (retire it instead). */
export async function deleteTool(
  slug: string,
  expectedVersion: number,
  actor: Actor,
): Promise<WriteResult<ToolSnapshot>> {
  return inTransaction(async (tx): Promise<WriteResult<ToolSnapshot>> => {
    const catalog = await getCatalog(tx);
    const existing = catalog.tools.find((t) => t.slug === slug);
    if (!existing) return { ok: false, reason: "not_found" };
    if (existing.version !== expectedVersion) {
      return {
        ok: false,
        reason: "conflict",
        current: toolSnapshot(existing),
        lastChange: await lastChangeOf(tx, "tool", existing.id),
      };
    }
    const references = referencesTo(catalog, slug);
    if (references.length > 0) return { ok: false, reason: "referenced", references };
    const deleted = await tx.tool.deleteMany({ where: { id: existing.id, version: expectedVersion } });
    if (deleted.count === 0)
      return {
        ok: false,
        reason: "conflict",
        current: toolSnapshot(existing),
        lastChange: await lastChangeOf(tx, "tool", existing.id),
      };
    const before = toolSnapshot(existing);
    const auditId = await appendAudit(tx, {
      actor,
      action: "delete",
      entityType: "tool",
      entityId: existing.id,
      summary: `Deleted tool ${existing.name}`,
      before,
      after: null,
    });
    return { ok: true, value: before, auditId };
  });
}

/** Tool rows with the bookkeeping the admin table shows (the catalog DTOs do not carry timestamps). */
export async function toolBookkeeping(): Promise<Map<string, { updatedAt: Date; seededVersion: number | null }>> {
  const rows = await prisma.tool.findMany({ select: { slug: true, updatedAt: true, seededVersion: true } });
  return new Map(rows.map((r) => [r.slug, { updatedAt: r.updatedAt, seededVersion: r.seededVersion }]));
}

// Phases and capabilities ------------------------------------------------------------------------------------------

export type EntityRequest<T> =
  | { mode: "create"; input: T; action: "create" | "restore" }
  | { mode: "update"; slug: string; expectedVersion: number; input: T; action: "update" | "restore" };

type EntityType = "phase" | "capability";

/**
 * The refusals every save of a phase or capability checks before writing: a create over an existing slug, an
 * update of something missing, a stale version (with what is there now), a changed slug. Null: go ahead.
 */
async function refuseEntitySave<S>(
  tx: Tx,
  request: EntityRequest<{ slug: string }>,
  entityType: EntityType,
  row: { id: string; slug: string; version: number } | undefined,
  current: S | undefined,
): Promise<WriteResult<S> | null> {
  if (request.mode === "create") return row ? { ok: false, reason: "exists" } : null;
  if (!row || current === undefined) return { ok: false, reason: "not_found" };
  if (row.version !== request.expectedVersion)
    return { ok: false, reason: "conflict", current, lastChange: await lastChangeOf(tx, entityType, row.id) };
  if (request.input.slug !== row.slug)
    return {
      ok: false,
      reason: "invalid",
      issues: [{ path: ["slug"], message: "cannot change: slugs are permanent" }],
    };
  return null;
}

/** The audit record of a saved phase or capability: created, updated or restored. */
function auditEntitySave(
  tx: Tx,
  request: EntityRequest<{ name: string }>,
  actor: Actor,
  entityType: EntityType,
  entityId: string,
  before: object | null,
  after: object,
): Promise<number> {
  const verb = request.action === "restore" ? "Restored" : request.mode === "create" ? "Created" : "Updated";
  return appendAudit(tx, {
    actor,
    action: request.action,
    entityType,
    entityId,
    summary: `${verb} ${entityType} ${request.input.name}`,
    before,
    after,
  });
}

export async function savePhase(
  request: EntityRequest<Phase>,
  actor: Actor,
  validate: ChangeValidator,
): Promise<WriteResult<PhaseSnapshot>> {
  return inTransaction(async (tx): Promise<WriteResult<PhaseSnapshot>> => {
    const catalog = await getCatalog(tx);
    const rows = await tx.phase.findMany({ select: { id: true, slug: true, version: true } });
    const existingRow = rows.find((p) => p.slug === (request.mode === "update" ? request.slug : request.input.slug));
    const existing = catalog.phases.find((p) => p.slug === existingRow?.slug);
    const snapshotOf = (row: { version: number }, phase: Phase) => ({ ...phase, version: row.version });
    const current = existingRow && existing ? snapshotOf(existingRow, phaseInputOf(existing)) : undefined;
    const refused = await refuseEntitySave(tx, request, "phase", existingRow, current);
    if (refused) return refused;
    const issues = validate(catalog);
    if (issues.length > 0) return { ok: false, reason: "invalid", issues };
    const data = phaseColumns(request.input);
    let id: string;
    let version: number;
    if (request.mode === "create") {
      id = newId(request.input.slug, new Set(rows.map((r) => r.id)));
      await tx.phase.create({ data: { id, ...data, version: 1 } });
      version = 1;
    } else {
      id = existingRow!.id;
      const updated = await tx.phase.updateMany({
        where: { id, version: request.expectedVersion },
        data: { ...data, version: { increment: 1 } },
      });
      if (updated.count === 0)
        return {
          ok: false,
          reason: "conflict",
          current: current!,
          lastChange: await lastChangeOf(tx, "phase", id),
        };
      version = request.expectedVersion + 1;
    }
    const after = { ...request.input, version };
    const auditId = await auditEntitySave(tx, request, actor, "phase", id, current ?? null, after);
    return { ok: true, value: after, auditId };
  });
}

export async function deletePhase(
  slug: string,
  expectedVersion: number,
  actor: Actor,
): Promise<WriteResult<PhaseSnapshot>> {
  return inTransaction(async (tx): Promise<WriteResult<PhaseSnapshot>> => {
    const row = await tx.phase.findUnique({ where: { slug }, include: { capabilities: { select: { slug: true } } } });
    if (!row) return { ok: false, reason: "not_found" };
    const before = {
      ...phaseInputOf({
        id: row.id,
        slug: row.slug,
        name: row.name,
        order: row.sortOrder,
        description: row.description,
        isOverlay: row.isOverlay,
      }),
      version: row.version,
    };
    if (row.version !== expectedVersion)
      return { ok: false, reason: "conflict", current: before, lastChange: await lastChangeOf(tx, "phase", row.id) };
    if (row.capabilities.length > 0)
      return {
        ok: false,
        reason: "referenced",
        references: row.capabilities.map((c) => `capability ${c.slug} is in this phase`),
      };
    await tx.phase.delete({ where: { id: row.id } });
    const auditId = await appendAudit(tx, {
      actor,
      action: "delete",
      entityType: "phase",
      entityId: row.id,
      summary: `Deleted phase ${row.name}`,
      before,
      after: null,
    });
    return { ok: true, value: before, auditId };
  });
}

export async function saveCapability(
  request: EntityRequest<Capability>,
  actor: Actor,
  validate: ChangeValidator,
): Promise<WriteResult<CapabilitySnapshot>> {
  return inTransaction(async (tx): Promise<WriteResult<CapabilitySnapshot>> => {
    const catalog = await getCatalog(tx);
    const ids = idsOf(catalog);
    const rows = await tx.capability.findMany({ select: { id: true, slug: true, version: true, sortOrder: true } });
    const existingRow = rows.find((c) => c.slug === (request.mode === "update" ? request.slug : request.input.slug));
    const existing = catalog.capabilities.find((c) => c.slug === existingRow?.slug);
    const current =
      existingRow && existing ? { ...capabilityInputOf(existing), version: existingRow.version } : undefined;
    const refused = await refuseEntitySave(tx, request, "capability", existingRow, current);
    if (refused) return refused;
    const issues = validate(catalog);
    if (issues.length > 0) return { ok: false, reason: "invalid", issues };
    const phaseId = ids.phaseIds.get(request.input.phase);
    if (!phaseId)
      return {
        ok: false,
        reason: "invalid",
        issues: [{ path: ["phase"], message: `unknown phase "${request.input.phase}"` }],
      };
    const data = capabilityColumns(request.input, phaseId);
    let id: string;
    let version: number;
    if (request.mode === "create") {
      id = newId(request.input.slug, new Set(rows.map((r) => r.id)));
      const sortOrder = Math.max(-1, ...rows.map((r) => r.sortOrder)) + 1;
      await tx.capability.create({ data: { id, ...data, sortOrder, version: 1 } });
      version = 1;
    } else {
      id = existingRow!.id;
      const updated = await tx.capability.updateMany({
        where: { id, version: request.expectedVersion },
        data: { ...data, version: { increment: 1 } },
      });
      if (updated.count === 0) {
        return {
          ok: false,
          reason: "conflict",
          current: current!,
          lastChange: await lastChangeOf(tx, "capability", id),
        };
      }
      version = request.expectedVersion + 1;
    }
    const after = { ...request.input, version };
    const auditId = await auditEntitySave(tx, request, actor, "capability", id, current ?? null, after);
    return { ok: true, value: after, auditId };
  });
}

export async function deleteCapability(
  slug: string,
  expectedVersion: number,
  actor: Actor,
): Promise<WriteResult<CapabilitySnapshot>> {
  return inTransaction(async (tx): Promise<WriteResult<CapabilitySnapshot>> => {
    const row = await tx.capability.findUnique({
      where: { slug },
      include: { phase: { select: { slug: true } }, tools: { select: { tool: { select: { slug: true } } } } },
    });
    if (!row) return { ok: false, reason: "not_found" };
    const before = {
      slug: row.slug,
      name: row.name,
      phase: row.phase.slug,
      description: row.description,
      neededFromStage: row.neededFromStage,
      plan: (row.plan as Capability["plan"]) ?? null,
      version: row.version,
    };
    if (row.version !== expectedVersion)
      return {
        ok: false,
        reason: "conflict",
        current: before,
        lastChange: await lastChangeOf(tx, "capability", row.id),
      };
    if (row.tools.length > 0)
      return { ok: false, reason: "referenced", references: row.tools.map((t) => `tool ${t.tool.slug} covers it`) };
    await tx.capability.delete({ where: { id: row.id } });
    const auditId = await appendAudit(tx, {
      actor,
      action: "delete",
      entityType: "capability",
      entityId: row.id,
      summary: `Deleted capability ${row.name}`,
      before,
      after: null,
    });
    return { ok: true, value: before, auditId };
  });
}

// Import ------------------------------------------------------------------------------------------------------------

export type ImportReport = { created: string[]; updated: string[]; unchanged: number; auditId: number | null };
export type ImportResult =
  | { ok: true; report: ImportReport }
  | { ok: false; reason: "stale"; revision: number }
  | { ok: false; reason: "invalid"; issues: ContentIssue[] };

/**
 * Applies an import plan in one transaction. The plan is made again inside the transaction from the catalog as it is
 * then; with `expectedRevision` (the revision a dry run showed), any change since the dry run refuses the apply.
 */
export async function applyCatalogImport(
  makePlan: (catalog: Catalog) => ImportPlan,
  actor: Actor,
  source: string,
  expectedRevision: number | undefined,
): Promise<ImportResult> {
  return inTransaction(async (tx): Promise<ImportResult> => {
    const newest = await tx.auditLog.findFirst({ orderBy: { id: "desc" }, select: { id: true } });
    const revision = newest?.id ?? 0;
    if (expectedRevision !== undefined && expectedRevision !== revision)
      return { ok: false, reason: "stale", revision };
    const catalog = await getCatalog(tx);
    const plan = makePlan(catalog);
    if (plan.issues.length > 0) return { ok: false, reason: "invalid", issues: plan.issues };
    const report: ImportReport = { created: [], updated: [], unchanged: 0, auditId: null };
    const audits: { action: AuditAction; entityType: string; slug: string; before: unknown; name: string }[] = [];

    const phaseRows = new Map(
      (await tx.phase.findMany({ select: { id: true, slug: true, version: true } })).map((p) => [p.slug, p]),
    );
    for (const entry of plan.phases) {
      if (entry.action === "unchanged") continue;
      const row = phaseRows.get(entry.slug);
      const data = phaseColumns(entry.next);
      if (row) await tx.phase.update({ where: { id: row.id }, data: { ...data, version: { increment: 1 } } });
      else
        await tx.phase.create({
          data: { id: newId(entry.slug, new Set([...phaseRows.values()].map((r) => r.id))), ...data, version: 1 },
        });
      const before = catalog.phases.find((p) => p.slug === entry.slug);
      audits.push({
        action: row ? "update" : "create",
        entityType: "phase",
        slug: entry.slug,
        name: entry.next.name,
        before: before && row ? { ...phaseInputOf(before), version: row.version } : null,
      });
    }

    const phaseIds = new Map(
      (await tx.phase.findMany({ select: { id: true, slug: true } })).map((p) => [p.slug, p.id]),
    );
    const capabilityRowsBySlug = new Map(
      (await tx.capability.findMany({ select: { id: true, slug: true, version: true } })).map((c) => [c.slug, c]),
    );
    for (const [index, entry] of plan.capabilities.entries()) {
      if (entry.action === "unchanged") continue;
      const row = capabilityRowsBySlug.get(entry.slug);
      const data = { ...capabilityColumns(entry.next, phaseIds.get(entry.next.phase)!), sortOrder: index };
      if (row) await tx.capability.update({ where: { id: row.id }, data: { ...data, version: { increment: 1 } } });
      else
        await tx.capability.create({
          data: {
            id: newId(entry.slug, new Set([...capabilityRowsBySlug.values()].map((r) => r.id))),
            ...data,
            version: 1,
          },
        });
      const before = catalog.capabilities.find((c) => c.slug === entry.slug);
      audits.push({
        action: row ? "update" : "create",
        entityType: "capability",
        slug: entry.slug,
        name: entry.next.name,
        before: before && row ? { ...capabilityInputOf(before), version: row.version } : null,
      });
    }

    const afterCapabilities = await getCatalog(tx);
    const ids = idsOf(afterCapabilities);
    const takenIds = new Set(afterCapabilities.tools.map((t) => t.id));
    const existingTools = new Map(catalog.tools.map((t) => [t.slug, t]));
    for (const entry of plan.tools) {
      if (entry.action === "unchanged") continue;
      const existing = existingTools.get(entry.slug);
      const id = await writeToolRowTx(
        tx,
        entry.next,
        existing
          ? { mode: "update", id: existing.id, expectedVersion: existing.version }
          : { mode: "create", takenIds },
        ids,
      );
      if (id === null) return { ok: false, reason: "stale", revision };
      takenIds.add(id);
      ids.toolIds.set(entry.slug, id);
      audits.push({
        action: existing ? "update" : "create",
        entityType: "tool",
        slug: entry.slug,
        name: entry.next.name,
        before: existing ? toolSnapshot(existing) : null,
      });
    }
    for (const entry of plan.tools) {
      if (entry.action === "unchanged") continue;
      await setSuccessorTx(tx, ids.toolIds.get(entry.slug)!, entry.next.successor, ids.toolIds);
    }
    for (const [slug, partners] of plan.partners) {
      const id = ids.toolIds.get(slug);
      if (id) await syncIntegrationsTx(tx, id, new Set(partners.flatMap((p) => ids.toolIds.get(p) ?? [])));
    }

    const final = await getCatalog(tx);
    for (const audit of audits) {
      let after: unknown;
      let entityId: string;
      if (audit.entityType === "tool") {
        const tool = final.tools.find((t) => t.slug === audit.slug)!;
        after = toolSnapshot(tool);
        entityId = tool.id;
      } else if (audit.entityType === "capability") {
        const row = await tx.capability.findUniqueOrThrow({
          where: { slug: audit.slug },
          select: { id: true, version: true },
        });
        after = { ...capabilityInputOf(final.capabilities.find((c) => c.slug === audit.slug)!), version: row.version };
        entityId = row.id;
      } else {
        const row = await tx.phase.findUniqueOrThrow({
          where: { slug: audit.slug },
          select: { id: true, version: true },
        });
        after = { ...phaseInputOf(final.phases.find((p) => p.slug === audit.slug)!), version: row.version };
        entityId = row.id;
      }
      const verb = audit.action === "create" ? "Imported new" : "Imported changes to";
      await appendAudit(tx, {
        actor,
        action: audit.action,
        entityType: audit.entityType,
        entityId,
        summary: `${verb} ${audit.entityType} ${audit.name}`,
        before: audit.before,
        after,
      });
      (audit.action === "create" ? report.created : report.updated).push(`${audit.entityType} ${audit.slug}`);
    }
    const counts = [...plan.phases, ...plan.capabilities, ...plan.tools];
    report.unchanged = counts.filter((e) => e.action === "unchanged").length;
    const integrationsChanged = [...plan.partners.keys()].some(
      (slug) => !plan.tools.some((t) => t.slug === slug && t.action !== "unchanged"),
    );
    if (audits.length > 0 || integrationsChanged) {
      report.auditId = await appendAudit(tx, {
        actor,
        action: "import",
        entityType: "catalog",
        entityId: source.slice(0, 200),
        summary: `Imported ${source}: ${report.created.length} created, ${report.updated.length} updated, ${report.unchanged} unchanged`,
        before: null,
        after: { created: report.created, updated: report.updated },
      });
    }
    return { ok: true, report };
  });
}

/** Versions of phases and capabilities by slug (the catalog DTOs do not carry them). */
export async function categoryVersions(): Promise<{ phases: Map<string, number>; capabilities: Map<string, number> }> {
  const [phases, capabilities] = await Promise.all([
    prisma.phase.findMany({ select: { slug: true, version: true } }),
    prisma.capability.findMany({ select: { slug: true, version: true } }),
  ]);
  return {
    phases: new Map(phases.map((p) => [p.slug, p.version])),
    capabilities: new Map(capabilities.map((c) => [c.slug, c.version])),
  };
}

/** Current versions of every catalog entry, keyed "type:id" (what a restore from the audit log is based on). */
export async function entryVersions(): Promise<Map<string, number>> {
  const [tools, phases, capabilities] = await Promise.all([
    prisma.tool.findMany({ select: { id: true, version: true } }),
    prisma.phase.findMany({ select: { id: true, version: true } }),
    prisma.capability.findMany({ select: { id: true, version: true } }),
  ]);
  return new Map([
    ...tools.map((t): [string, number] => [`tool:${t.id}`, t.version]),
    ...phases.map((p): [string, number] => [`phase:${p.id}`, p.version]),
    ...capabilities.map((c): [string, number] => [`capability:${c.id}`, c.version]),
  ]);
}
