import "server-only";
import { prisma } from "../db/client";

/** Reads the append-only audit log. There is deliberately no update or delete here (database triggers refuse both). */

export type AuditEntry = {
  id: number;
  createdAt: Date;
  actorId: string | null;
  actorLabel: string;
  action: string;
  entityType: string;
  entityId: string;
  summary: string;
  before: unknown;
  after: unknown;
};

export type AuditFilter = { entityType?: string; action?: string; actor?: string; q?: string; entityId?: string };

function where(filter: AuditFilter) {
  return {
    ...(filter.entityType ? { entityType: filter.entityType } : {}),
    ...(filter.action ? { action: filter.action } : {}),
    ...(filter.actor ? { actorLabel: filter.actor } : {}),
    ...(filter.entityId ? { entityId: filter.entityId } : {}),
    ...(filter.q ? { OR: [{ summary: { contains: filter.q } }, { entityId: { contains: filter.q } }] } : {}),
  };
}

export async function listAuditEntries(
  filter: AuditFilter,
  page: { offset: number; limit: number },
): Promise<{ entries: AuditEntry[]; total: number }> {
  const [entries, total] = await Promise.all([
    prisma.auditLog.findMany({ where: where(filter), orderBy: { id: "desc" }, skip: page.offset, take: page.limit }),
    prisma.auditLog.count({ where: where(filter) }),
  ]);
  return { entries, total };
}

export async function findAuditEntry(id: number): Promise<AuditEntry | null> {
  if (!Number.isSafeInteger(id) || id < 1) return null;
  return prisma.auditLog.findUnique({ where: { id } });
}

/** Every record about one entry, newest first. */
export async function auditHistory(entityType: string, entityId: string): Promise<AuditEntry[]> {
  return prisma.auditLog.findMany({ where: { entityType, entityId }, orderBy: { id: "desc" } });
}

/** The values the filters offer: actors and entity types that occur in the log. */
export async function auditFacets(): Promise<{ actors: string[]; entityTypes: string[]; actions: string[] }> {
  const [actors, entityTypes, actions] = await Promise.all([
    prisma.auditLog.findMany({
      distinct: ["actorLabel"],
      select: { actorLabel: true },
      orderBy: { actorLabel: "asc" },
    }),
    prisma.auditLog.findMany({
      distinct: ["entityType"],
      select: { entityType: true },
      orderBy: { entityType: "asc" },
    }),
    prisma.auditLog.findMany({ distinct: ["action"], select: { action: true }, orderBy: { action: "asc" } }),
  ]);
  return {
    actors: actors.map((a) => a.actorLabel),
    entityTypes: entityTypes.map((e) => e.entityType),
    actions: actions.map((a) => a.action),
  };
}
