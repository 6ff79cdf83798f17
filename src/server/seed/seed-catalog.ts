import { isDeepStrictEqual } from "node:util";
import { integrationPairs, type CatalogContent } from "@/domain/catalog/validate-catalog";
import type { DbClient, Prisma } from "../db/prisma";
import { capabilityColumns, phaseColumns, plainColumns, toolColumns } from "../catalog/tool-rows";
import { onCatalogChanged } from "../cache/catalog-changed";

/**
 * Loads validated catalog content into the database in one transaction. Idempotent: ids are the content slugs at
 * first insert, unchanged rows are not written, and a second run reports no changes.
 *
 * Admin edits win (docs/decisions/004-seed-and-admin-edits.md): a row whose `version` differs from the
 * `seededVersion` the seed last wrote has been edited by a maintainer; the seed leaves it alone and reports it.
 * A row an admin deleted (an audit "delete" record) is not recreated.
 */

export type SeedReport = {
  created: string[];
  updated: string[];
  unchanged: number;
  /** Entries whose content changed but that an admin has edited since the last seed: kept as the admin left them. */
  keptAdminEdits: string[];
  /** Entries an admin deleted: not recreated. */
  skippedDeleted: string[];
  /** Integration links added or removed. */
  integrationsChanged: number;
};

type Tx = Prisma.TransactionClient;

const SEED_ACTOR = "seed";

/** How long the whole seed transaction may take before the database gives up (large catalogs on PostgreSQL). */
const SEED_TRANSACTION_TIMEOUT_MS = 120_000;

function pick<T extends object>(row: T, keys: (keyof T)[]): Partial<T> {
  return Object.fromEntries(keys.map((k) => [k, row[k]])) as Partial<T>;
}

function sortLinks(links: { slug: string; role: string }[]) {
  return [...links].sort((a, b) => a.role.localeCompare(b.role) || a.slug.localeCompare(b.slug));
}

async function deletedIds(tx: Tx, entityType: string): Promise<Set<string>> {
  const rows = await tx.auditLog.findMany({ where: { entityType, action: "delete" }, select: { entityId: true } });
  return new Set(rows.map((r) => r.entityId));
}

async function audit(
  tx: Tx,
  action: string,
  entityType: string,
  entityId: string,
  summary: string,
  before: unknown,
  after: unknown,
) {
  await tx.auditLog.create({
    data: {
      actorLabel: SEED_ACTOR,
      action,
      entityType,
      entityId,
      summary,
      before: before === null ? undefined : (before as Prisma.InputJsonValue),
      after: after === null ? undefined : (after as Prisma.InputJsonValue),
    },
  });
}

type SyncSpec<Row extends { id: string; version: number; seededVersion: number | null }, Data extends object> = {
  entityType: string;
  id: string;
  label: string;
  data: Data;
  existing: Row | undefined;
  deleted: Set<string>;
  report: SeedReport;
  create: (data: Data) => Promise<unknown>;
  update: (data: Data, version: number) => Promise<unknown>;
};

/** The decision every entity goes through: create, update, leave alone, or respect an admin's edit or deletion. */
async function syncEntity<
  Row extends { id: string; version: number; seededVersion: number | null },
  Data extends object,
>(tx: Tx, spec: SyncSpec<Row, Data>): Promise<"created" | "updated" | "unchanged" | "kept" | "deleted"> {
  const { existing, data, report, label } = spec;
  if (!existing) {
    if (spec.deleted.has(spec.id)) {
      report.skippedDeleted.push(label);
      return "deleted";
    }
    await spec.create(data);
    await audit(tx, "create", spec.entityType, spec.id, `Seeded ${label}`, null, plainColumns(data));
    report.created.push(label);
    return "created";
  }
  const current = pick(existing as unknown as Data, Object.keys(data) as (keyof Data)[]);
  if (isDeepStrictEqual(plainColumns(current), plainColumns(data))) {
    report.unchanged += 1;
    return "unchanged";
  }
  if (existing.seededVersion !== existing.version) {
    report.keptAdminEdits.push(label);
    return "kept";
  }
  await spec.update(data, existing.version + 1);
  await audit(tx, "update", spec.entityType, spec.id, `Updated ${label} from content`, current, plainColumns(data));
  report.updated.push(label);
  return "updated";
}

export async function seedCatalog(prisma: DbClient, content: CatalogContent): Promise<SeedReport> {
  const report: SeedReport = {
    created: [],
    updated: [],
    unchanged: 0,
    keptAdminEdits: [],
    skippedDeleted: [],
    integrationsChanged: 0,
  };

  await prisma.$transaction(
    async (tx) => {
      // Phases
      const phases = new Map((await tx.phase.findMany()).map((p) => [p.slug, p]));
      const deletedPhases = await deletedIds(tx, "phase");
      for (const { phase } of content.phases) {
        const existing = phases.get(phase.slug);
        const id = existing?.id ?? phase.slug;
        await syncEntity(tx, {
          entityType: "phase",
          id,
          label: `phase ${phase.slug}`,
          data: phaseColumns(phase),
          existing,
          deleted: deletedPhases,
          report,
          create: (data) => tx.phase.create({ data: { id, ...data, version: 1, seededVersion: 1 } }),
          update: (data, version) =>
            tx.phase.update({ where: { id }, data: { ...data, version, seededVersion: version } }),
        });
      }
      const phaseIds = new Map(
        (await tx.phase.findMany({ select: { id: true, slug: true } })).map((p) => [p.slug, p.id]),
      );

      // Capabilities
      const capabilities = new Map((await tx.capability.findMany()).map((c) => [c.slug, c]));
      const deletedCapabilities = await deletedIds(tx, "capability");
      for (const [sortOrder, { capability }] of content.capabilities.entries()) {
        const existing = capabilities.get(capability.slug);
        const id = existing?.id ?? capability.slug;
        const phaseId = phaseIds.get(capability.phase);
        if (!phaseId) continue; // its phase was deleted by an admin; validation guarantees it exists in content
        await syncEntity(tx, {
          entityType: "capability",
          id,
          label: `capability ${capability.slug}`,
          data: { ...capabilityColumns(capability, phaseId), sortOrder },
          existing,
          deleted: deletedCapabilities,
          report,
          create: (data) => tx.capability.create({ data: { id, ...data, version: 1, seededVersion: 1 } }),
          update: (data, version) =>
            tx.capability.update({ where: { id }, data: { ...data, version, seededVersion: version } }),
        });
      }
      const capabilityIds = new Map(
        (await tx.capability.findMany({ select: { id: true, slug: true } })).map((c) => [c.slug, c.id]),
      );

      // Tools: scalar columns and capability links are one unit; successors and integrations need every tool first.
      const tools = new Map(
        (
          await tx.tool.findMany({
            include: {
              capabilities: { select: { role: true, capability: { select: { slug: true } } } },
              successor: { select: { slug: true } },
            },
          })
        ).map((t) => [t.slug, t]),
      );
      const deletedTools = await deletedIds(tx, "tool");
      const seedManaged = new Set<string>(); // tool ids whose content the seed owns (not admin-edited)
      for (const { tool } of content.tools) {
        const existing = tools.get(tool.slug);
        const id = existing?.id ?? tool.slug;
        const links = sortLinks([
          ...tool.capabilities.primary.map((slug) => ({ slug, role: "primary" })),
          ...tool.capabilities.secondary.map((slug) => ({ slug, role: "secondary" })),
        ]);
        const data = { ...toolColumns(tool), capabilityLinks: links, successorSlug: tool.successor };
        const existingView = existing && {
          ...existing,
          capabilityLinks: sortLinks(existing.capabilities.map((c) => ({ slug: c.capability.slug, role: c.role }))),
          successorSlug: existing.successor?.slug ?? null,
        };
        const capabilityRows = links.flatMap((l) => {
          const capabilityId = capabilityIds.get(l.slug);
          return capabilityId ? [{ capabilityId, role: l.role }] : [];
        });
        const outcome = await syncEntity(tx, {
          entityType: "tool",
          id,
          label: `tool ${tool.slug}`,
          data,
          existing: existingView,
          deleted: deletedTools,
          report,
          create: ({ capabilityLinks: _links, successorSlug: _successor, ...columns }) =>
            tx.tool.create({
              data: { id, ...columns, version: 1, seededVersion: 1, capabilities: { create: capabilityRows } },
            }),
          update: async ({ capabilityLinks: _links, successorSlug: _successor, ...columns }, version) => {
            await tx.toolCapability.deleteMany({ where: { toolId: id } });
            await tx.tool.update({
              where: { id },
              data: { ...columns, version, seededVersion: version, capabilities: { create: capabilityRows } },
            });
          },
        });
        if (outcome === "created" || outcome === "updated" || outcome === "unchanged") seedManaged.add(id);
      }

      const toolRefs = await tx.tool.findMany({ select: { id: true, slug: true, successorId: true } });
      const toolIds = new Map(toolRefs.map((t) => [t.slug, t.id]));
      const currentSuccessor = new Map(toolRefs.map((t) => [t.id, t.successorId]));
      for (const { tool } of content.tools) {
        const id = toolIds.get(tool.slug);
        if (!id || !seedManaged.has(id)) continue;
        const successorId = tool.successor ? (toolIds.get(tool.successor) ?? null) : null;
        if (currentSuccessor.get(id) !== successorId) await tx.tool.update({ where: { id }, data: { successorId } });
      }

      // Integrations between two seed-managed tools follow the content; links touching an admin-edited tool stay.
      const wanted = new Set(
        integrationPairs(content.tools.map((t) => t.tool)).flatMap(([a, b]) => {
          const idA = toolIds.get(a);
          const idB = toolIds.get(b);
          if (!idA || !idB) return [];
          const [x, y] = idA < idB ? [idA, idB] : [idB, idA];
          return [`${x}\u0000${y}`];
        }),
      );
      const existingPairs = await tx.toolIntegration.findMany();
      const have = new Set(existingPairs.map((p) => `${p.toolAId}\u0000${p.toolBId}`));
      const toDelete = existingPairs.filter(
        (p) =>
          seedManaged.has(p.toolAId) && seedManaged.has(p.toolBId) && !wanted.has(`${p.toolAId}\u0000${p.toolBId}`),
      );
      for (const p of toDelete) {
        await tx.toolIntegration.delete({ where: { toolAId_toolBId: { toolAId: p.toolAId, toolBId: p.toolBId } } });
      }
      const toCreate = [...wanted]
        .filter((key) => !have.has(key))
        .map((key) => key.split("\u0000") as [string, string])
        .filter(([a, b]) => seedManaged.has(a) && seedManaged.has(b));
      if (toCreate.length > 0) {
        await tx.toolIntegration.createMany({ data: toCreate.map(([toolAId, toolBId]) => ({ toolAId, toolBId })) });
      }
      if (toCreate.length > 0 || toDelete.length > 0) {
        const summary = `Synced integrations from content: ${toCreate.length} added, ${toDelete.length} removed`;
        const pairs = (list: [string, string][]) => list.map(([a, b]) => `${a} <> ${b}`);
        await audit(
          tx,
          "update",
          "integrations",
          "catalog",
          summary,
          { removed: pairs(toDelete.map((p) => [p.toolAId, p.toolBId])) },
          { added: pairs(toCreate) },
        );
        report.integrationsChanged = toCreate.length + toDelete.length;
      }
    },
    { timeout: SEED_TRANSACTION_TIMEOUT_MS, maxWait: 30_000 },
  );
  onCatalogChanged();
  return report;
}
