import "server-only";
import type { Actor, CatalogEntityType, LastChange } from "@/domain/catalog/change-rules";
import { newEntryId } from "@/domain/catalog/change-rules";
import type { ToolInput } from "@/domain/catalog/schema";
import type { Prisma } from "../db/prisma";
import { toolColumns, type capabilityColumns, type phaseColumns } from "./tool-rows";

/**
 * The catalog store: the only code that writes catalog rows (tools, their capability links, successors and
 * integrations, phases, capabilities) and the only code that appends audit records. It holds no rules: the catalog
 * service (catalog-service.ts) decides, inside its transaction, and calls these with that transaction. Every update
 * of an existing row bumps `version`; seed writes also set `seededVersion` (decisions/004).
 */

export type Tx = Prisma.TransactionClient;
export type CatalogIds = {
  toolIds: Map<string, string>;
  capabilityIds: Map<string, string>;
  phaseIds: Map<string, string>;
};

// Audit ----------------------------------------------------------------------------------------------------------

export type AuditRecord = {
  actor: Actor;
  /** An AuditAction for catalog entries; maintainer records have their own ("disable", "password"…). */
  action: string;
  /** A CatalogEntityType, or "catalog" (an import), "integrations" (the seed's sync), "maintainer". */
  entityType: string;
  entityId: string;
  summary: string;
  before: unknown;
  after: unknown;
};

/** Appends one audit record (the log is append-only: database triggers refuse updates and deletes). */
export async function appendAudit(tx: Tx, entry: AuditRecord): Promise<number> {
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

export function lastChangeOf(tx: Tx, entityType: string, entityId: string): Promise<LastChange> {
  return tx.auditLog.findFirst({
    where: { entityType, entityId },
    orderBy: { id: "desc" },
    select: { actorLabel: true, createdAt: true, summary: true },
  });
}

/** Ids of entries an admin deleted (the seed does not bring them back). */
export async function deletedEntryIds(tx: Tx, entityType: CatalogEntityType): Promise<Set<string>> {
  const rows = await tx.auditLog.findMany({ where: { entityType, action: "delete" }, select: { entityId: true } });
  return new Set(rows.map((r) => r.entityId));
}

/** The newest audit id: the catalog's revision. */
export async function currentRevision(tx: Tx): Promise<number> {
  const newest = await tx.auditLog.findFirst({ orderBy: { id: "desc" }, select: { id: true } });
  return newest?.id ?? 0;
}

// Tools ------------------------------------------------------------------------------------------------------------

function capabilityLinks(input: ToolInput, capabilityIds: Map<string, string>) {
  return [
    ...input.capabilities.primary.map((slug) => ({ slug, role: "primary" })),
    ...input.capabilities.secondary.map((slug) => ({ slug, role: "secondary" })),
  ].flatMap(({ slug, role }) => {
    const capabilityId = capabilityIds.get(slug);
    return capabilityId ? [{ capabilityId, role }] : [];
  });
}

export type ToolTarget =
  | { mode: "create"; takenIds: Set<string>; id?: string; seeded?: boolean }
  | { mode: "update"; id: string; expectedVersion: number; seeded?: boolean };

/**
 * Writes a tool's columns and capability links (not integrations, not the successor: those need every tool to exist,
 * see `setSuccessor` and `syncIntegrations`). Updates only when the row is still at `expectedVersion`. A seed write
 * also records the new version as `seededVersion`. Returns the tool id, or null when the version moved on.
 */
export async function writeTool(
  tx: Tx,
  input: ToolInput,
  target: ToolTarget,
  capabilityIds: Map<string, string>,
): Promise<string | null> {
  const columns = toolColumns(input);
  const links = capabilityLinks(input, capabilityIds);
  if (target.mode === "create") {
    const id = target.id ?? newEntryId(input.slug, target.takenIds);
    await tx.tool.create({
      data: {
        id,
        ...columns,
        version: 1,
        ...(target.seeded ? { seededVersion: 1 } : {}),
        capabilities: { create: links },
      },
    });
    return id;
  }
  const version = target.expectedVersion + 1;
  const updated = await tx.tool.updateMany({
    where: { id: target.id, version: target.expectedVersion },
    data: { ...columns, version, ...(target.seeded ? { seededVersion: version } : {}) },
  });
  if (updated.count === 0) return null;
  await tx.toolCapability.deleteMany({ where: { toolId: target.id } });
  await tx.toolCapability.createMany({ data: links.map((row) => ({ toolId: target.id, ...row })) });
  return target.id;
}

export async function setSuccessor(tx: Tx, toolId: string, successorId: string | null): Promise<void> {
  await tx.tool.update({ where: { id: toolId }, data: { successorId } });
}

/** Makes the tool's integration partners exactly `partnerIds` (pairs are stored once, smaller id first). */
export async function syncIntegrations(tx: Tx, toolId: string, partnerIds: Set<string>): Promise<void> {
  const current = await tx.toolIntegration.findMany({ where: { OR: [{ toolAId: toolId }, { toolBId: toolId }] } });
  const have = new Set(current.map((p) => (p.toolAId === toolId ? p.toolBId : p.toolAId)));
  for (const pair of current) {
    const partner = pair.toolAId === toolId ? pair.toolBId : pair.toolAId;
    if (!partnerIds.has(partner)) await deleteIntegration(tx, pair.toolAId, pair.toolBId);
  }
  const missing = [...partnerIds].filter((p) => !have.has(p) && p !== toolId);
  await addIntegrations(
    tx,
    missing.map((p): [string, string] => (toolId < p ? [toolId, p] : [p, toolId])),
  );
}

export async function addIntegrations(tx: Tx, pairs: [string, string][]): Promise<void> {
  if (pairs.length === 0) return;
  await tx.toolIntegration.createMany({ data: pairs.map(([toolAId, toolBId]) => ({ toolAId, toolBId })) });
}

export async function deleteIntegration(tx: Tx, toolAId: string, toolBId: string): Promise<void> {
  await tx.toolIntegration.delete({ where: { toolAId_toolBId: { toolAId, toolBId } } });
}

/** Deletes the tool if it is still at `expectedVersion`; false when the version moved on. */
export async function deleteTool(tx: Tx, id: string, expectedVersion: number): Promise<boolean> {
  const deleted = await tx.tool.deleteMany({ where: { id, version: expectedVersion } });
  return deleted.count > 0;
}

// Phases and capabilities ------------------------------------------------------------------------------------------

/** Version rules for a phase or capability write: a new row, an update at a known version, or any version (import). */
export type RowTarget =
  | { mode: "create"; id: string; seeded?: boolean }
  | { mode: "update"; id: string; expectedVersion: number; seeded?: boolean }
  | { mode: "bump"; id: string };

function versionData(target: RowTarget) {
  if (target.mode === "create") return { version: 1, ...(target.seeded ? { seededVersion: 1 } : {}) };
  if (target.mode === "bump") return { version: { increment: 1 } };
  const version = target.expectedVersion + 1;
  return { version, ...(target.seeded ? { seededVersion: version } : {}) };
}

/** Writes a phase row; false when an update found the row at another version. */
export async function writePhase(tx: Tx, data: ReturnType<typeof phaseColumns>, target: RowTarget): Promise<boolean> {
  if (target.mode === "create") {
    await tx.phase.create({ data: { id: target.id, ...data, ...(versionData(target) as { version: number }) } });
    return true;
  }
  const where = target.mode === "update" ? { id: target.id, version: target.expectedVersion } : { id: target.id };
  return (await tx.phase.updateMany({ where, data: { ...data, ...versionData(target) } })).count > 0;
}

export async function deletePhase(tx: Tx, id: string): Promise<void> {
  await tx.phase.delete({ where: { id } });
}

/** Writes a capability row (columns plus its `sortOrder`); false when an update found another version. */
export async function writeCapability(
  tx: Tx,
  data: ReturnType<typeof capabilityColumns> & { sortOrder?: number },
  target: RowTarget,
): Promise<boolean> {
  if (target.mode === "create") {
    await tx.capability.create({
      data: { id: target.id, ...data, sortOrder: data.sortOrder ?? 0, ...(versionData(target) as { version: number }) },
    });
    return true;
  }
  const where = target.mode === "update" ? { id: target.id, version: target.expectedVersion } : { id: target.id };
  return (await tx.capability.updateMany({ where, data: { ...data, ...versionData(target) } })).count > 0;
}

export async function deleteCapability(tx: Tx, id: string): Promise<void> {
  await tx.capability.delete({ where: { id } });
}
