import "server-only";
import type { Catalog, CatalogTool } from "@/domain/catalog/types";
import { prisma } from "../db/client";
import type { Prisma } from "../db/prisma";
import { capabilityFromRow, phaseFromRow, TOOL_ROW_SELECT, toolFromRow } from "../catalog/tool-rows";

/** Reads the catalog as DTOs. Rows never leave this file. */

function partnersByTool(
  pairs: { toolAId: string; toolBId: string }[],
  slugById: Map<string, string>,
): Map<string, string[]> {
  const partners = new Map<string, string[]>();
  for (const { toolAId, toolBId } of pairs) {
    const a = slugById.get(toolAId);
    const b = slugById.get(toolBId);
    if (!a || !b) continue;
    partners.set(toolAId, [...(partners.get(toolAId) ?? []), b]);
    partners.set(toolBId, [...(partners.get(toolBId) ?? []), a]);
  }
  return partners;
}

/** The client or transaction to read through: writers read the catalog inside their own transaction. */
export type CatalogReader = Pick<Prisma.TransactionClient, "phase" | "capability" | "tool" | "toolIntegration">;

export async function getCatalog(db: CatalogReader = prisma): Promise<Catalog> {
  // Sequential on purpose: a transaction client runs one statement at a time anyway.
  const phaseRows = await db.phase.findMany({ orderBy: { sortOrder: "asc" } });
  const capabilityRows = await db.capability.findMany({
    orderBy: { sortOrder: "asc" },
    include: { phase: { select: { slug: true } } },
  });
  const toolRows = await db.tool.findMany({ orderBy: { name: "asc" }, select: TOOL_ROW_SELECT });
  const pairs = await db.toolIntegration.findMany();
  const slugById = new Map(toolRows.map((t) => [t.id, t.slug]));
  const partners = partnersByTool(pairs, slugById);
  return {
    phases: phaseRows.map(phaseFromRow),
    capabilities: capabilityRows.map(capabilityFromRow),
    tools: toolRows.map((row) => toolFromRow(row, partners.get(row.id) ?? [])),
  };
}

export async function getToolBySlug(slug: string): Promise<CatalogTool | null> {
  const row = await prisma.tool.findUnique({ where: { slug }, select: TOOL_ROW_SELECT });
  if (!row) return null;
  const pairs = await prisma.toolIntegration.findMany({
    where: { OR: [{ toolAId: row.id }, { toolBId: row.id }] },
    select: { toolA: { select: { id: true, slug: true } }, toolB: { select: { id: true, slug: true } } },
  });
  const integrations = pairs.map((p) => (p.toolA.id === row.id ? p.toolB.slug : p.toolA.slug));
  return toolFromRow(row, integrations);
}

export type CatalogStats = { tools: number; activeTools: number; capabilities: number; integrations: number };

export async function getCatalogStats(): Promise<CatalogStats> {
  const [tools, activeTools, capabilities, integrations] = await Promise.all([
    prisma.tool.count(),
    prisma.tool.count({ where: { status: { in: ["active", "maintenance"] } } }),
    prisma.capability.count(),
    prisma.toolIntegration.count(),
  ]);
  return { tools, activeTools, capabilities, integrations };
}

/**
 * A number that changes whenever catalog data changes. Every catalog write records an audit entry in the same
 * transaction, so the newest audit id is that number; one indexed query, on any instance.
 */
export async function getCatalogRevision(): Promise<number> {
  const newest = await prisma.auditLog.findFirst({ orderBy: { id: "desc" }, select: { id: true } });
  return newest?.id ?? 0;
}

/** Tool rows with the bookkeeping the admin table shows (the catalog DTOs do not carry timestamps). */
export async function toolBookkeeping(): Promise<Map<string, { updatedAt: Date; seededVersion: number | null }>> {
  const rows = await prisma.tool.findMany({ select: { slug: true, updatedAt: true, seededVersion: true } });
  return new Map(rows.map((r) => [r.slug, { updatedAt: r.updatedAt, seededVersion: r.seededVersion }]));
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
