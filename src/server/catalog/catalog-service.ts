import "server-only";
import { isDeepStrictEqual } from "node:util";
import type { ImportPlan } from "@/domain/admin/catalog-transfer";
import {
  capabilityInputOf,
  phaseInputOf,
  toolInputFromSnapshot,
  toolInputOf,
  toolSnapshot,
  type CapabilitySnapshot,
  type PhaseSnapshot,
  type ToolSnapshot,
} from "@/domain/admin/snapshots";
import {
  capabilityReferences,
  changedFields,
  deletedSummary,
  entryAuditSummary,
  importedEntrySummary,
  importSummary,
  integrationSyncSummary,
  newEntryId,
  phaseReferences,
  refuseSave,
  SEED_ACTOR,
  seedOutcome,
  seedSummary,
  toolAuditAction,
  toolAuditSummary,
  toolReferences,
  type Actor,
  type CatalogEntityType,
  type ChangeValidator,
  type ImportReport,
  type SaveRequest,
  type WriteResult,
} from "@/domain/catalog/change-rules";
import { ZCapability, ZPhase, ZToolInput, type Capability, type Phase, type ToolInput } from "@/domain/catalog/schema";
import type { Catalog, CatalogTool } from "@/domain/catalog/types";
import { integrationPairs, type CatalogContent, type ContentIssue } from "@/domain/catalog/validate-catalog";
import { validateCatalogChange, type CatalogChange } from "@/domain/catalog/validate-change";
import type { ToolStatus } from "@/domain/catalog/vocabulary";
import { onCatalogChanged } from "../cache/catalog-changed";
import { prisma } from "../db/client";
import type { DbClient } from "../db/prisma";
import { findAuditEntry } from "../repositories/audit-repository";
import { getCatalog } from "../repositories/catalog-repository";
import * as store from "./catalog-store";
import type { Tx } from "./catalog-store";
import { capabilityColumns, phaseColumns, plainColumns, toolColumns } from "./tool-rows";

/**
 * The catalog service: every change to the catalog — a maintainer's edit, retirement, deletion or restore, a YAML
 * import, the seed — runs here, in one transaction that reads the catalog as it is then, applies the change rules
 * (src/domain/catalog/change-rules.ts and validate-change.ts), writes through the store (catalog-store.ts, the only
 * writer of catalog rows and audit records) and appends the audit record. A refusal rolls the whole transaction back.
 * The newest audit id is the catalog's revision, which tells every instance's catalog cache to reload.
 */

export type {
  Actor,
  AuditAction,
  ChangeValidator,
  ImportReport,
  LastChange,
  WriteResult,
} from "@/domain/catalog/change-rules";

/** Interactive transactions on a busy SQLite file wait for the write lock; give them room. */
const WRITE_TX = { maxWait: 10_000, timeout: 30_000 } as const;
/** How long the whole seed transaction may take before the database gives up (large catalogs on PostgreSQL). */
const SEED_TX = { maxWait: 30_000, timeout: 120_000 } as const;

class Rollback<T> extends Error {
  constructor(readonly result: T) {
    super("rollback");
  }
}

/** Runs one change in a transaction; a result with `ok: false` rolls everything back and is returned as it is. */
async function runChange<T extends { ok: boolean }>(
  work: (tx: Tx) => Promise<T>,
  client: DbClient = prisma,
  options: { maxWait: number; timeout: number } = WRITE_TX,
): Promise<T> {
  try {
    const committed = await client.$transaction(async (tx) => {
      const result = await work(tx);
      if (!result.ok) throw new Rollback(result);
      return result;
    }, options);
    // After the commit only: this process drops its cached pages and snapshot at once (other instances notice the
    // new revision on their next request).
    onCatalogChanged();
    return committed;
  } catch (error) {
    if (error instanceof Rollback) return error.result as T;
    throw error;
  }
}

function idsOf(catalog: Catalog): store.CatalogIds {
  return {
    toolIds: new Map(catalog.tools.map((t) => [t.slug, t.id])),
    capabilityIds: new Map(catalog.capabilities.map((c) => [c.slug, c.id])),
    phaseIds: new Map(catalog.phases.map((p) => [p.slug, p.id])),
  };
}

function validatorFor(change: CatalogChange): ChangeValidator {
  return (catalog) => validateCatalogChange(catalog, change);
}

type IssueSource = { issues: { path: PropertyKey[]; message: string }[] };
function issuesOf(error: IssueSource) {
  return error.issues.map((i) => ({
    path: i.path.map((p) => (typeof p === "symbol" ? String(p) : p)),
    message: i.message,
  }));
}

async function conflictWith<T>(tx: Tx, entityType: CatalogEntityType, id: string, current: T) {
  return {
    ok: false as const,
    reason: "conflict" as const,
    current,
    lastChange: await store.lastChangeOf(tx, entityType, id),
  };
}

// Tools ------------------------------------------------------------------------------------------------------------

async function readToolTx(tx: Tx, slug: string): Promise<CatalogTool> {
  const tool = (await getCatalog(tx)).tools.find((t) => t.slug === slug);
  if (!tool) throw new Error(`tool ${slug} vanished inside its own transaction`);
  return tool;
}

/** Creates or updates one tool with its capabilities, successor and integrations, audited. */
async function saveTool(
  request: SaveRequest<ToolInput>,
  actor: Actor,
  validate: ChangeValidator,
): Promise<WriteResult<ToolSnapshot>> {
  return runChange(async (tx): Promise<WriteResult<ToolSnapshot>> => {
    const catalog = await getCatalog(tx);
    const ids = idsOf(catalog);
    const { input } = request;
    const existing = catalog.tools.find((t) => t.slug === (request.mode === "update" ? request.slug : input.slug));
    const refusal = refuseSave("tool", request, existing);
    if (refusal?.reason === "conflict") return conflictWith(tx, "tool", existing!.id, toolSnapshot(existing!));
    if (refusal) return { ok: false, ...refusal };
    const issues = validate(catalog);
    if (issues.length > 0) return { ok: false, reason: "invalid", issues };

    const id = await store.writeTool(
      tx,
      input,
      request.mode === "create"
        ? { mode: "create", takenIds: new Set(catalog.tools.map((t) => t.id)) }
        : { mode: "update", id: existing!.id, expectedVersion: request.expectedVersion },
      ids.capabilityIds,
    );
    if (id === null) {
      // Another transaction committed between our read and our write (PostgreSQL, read committed).
      const current = await readToolTx(tx, existing!.slug);
      return conflictWith(tx, "tool", current.id, toolSnapshot(current));
    }
    ids.toolIds.set(input.slug, id);
    await store.setSuccessor(tx, id, input.successor ? (ids.toolIds.get(input.successor) ?? null) : null);
    await store.syncIntegrations(tx, id, new Set(input.integrations.flatMap((slug) => ids.toolIds.get(slug) ?? [])));

    const after = toolSnapshot(await readToolTx(tx, input.slug));
    const before = existing ? toolSnapshot(existing) : null;
    const action = toolAuditAction(request.action, existing, input);
    const auditId = await store.appendAudit(tx, {
      actor,
      action,
      entityType: "tool",
      entityId: id,
      summary: toolAuditSummary(action, input, changedFields(before, after)),
      before,
      after,
    });
    return { ok: true, value: after, auditId };
  });
}

export function createTool(input: ToolInput, actor: Actor) {
  return saveTool(
    { mode: "create", input, action: "create" },
    actor,
    validatorFor({ kind: "tool", slug: input.slug, next: input }),
  );
}

export function updateTool(slug: string, expectedVersion: number, input: ToolInput, actor: Actor) {
  return saveTool(
    { mode: "update", slug, expectedVersion, input, action: "update" },
    actor,
    validatorFor({ kind: "tool", slug, next: input }),
  );
}

/** Retiring changes the status only (with successor and note); everything else stays as it is. */
export async function retireTool(
  slug: string,
  expectedVersion: number,
  change: { status: Exclude<ToolStatus, "active">; successor: string | null; statusNote: string },
  actor: Actor,
): Promise<WriteResult<unknown>> {
  const current = (await getCatalog()).tools.find((t) => t.slug === slug);
  if (!current) return { ok: false, reason: "not_found" };
  const parsed = ZToolInput.safeParse({ ...toolInputOf(current), ...change });
  if (!parsed.success) return { ok: false, reason: "invalid", issues: issuesOf(parsed.error) };
  return updateTool(slug, expectedVersion, parsed.data, actor);
}

/** Deletes a tool that nothing references; otherwise answers with the references (retire it instead). */
export async function removeTool(
  slug: string,
  expectedVersion: number,
  actor: Actor,
): Promise<WriteResult<ToolSnapshot>> {
  return runChange(async (tx): Promise<WriteResult<ToolSnapshot>> => {
    const catalog = await getCatalog(tx);
    const existing = catalog.tools.find((t) => t.slug === slug);
    if (!existing) return { ok: false, reason: "not_found" };
    const before = toolSnapshot(existing);
    if (existing.version !== expectedVersion) return conflictWith(tx, "tool", existing.id, before);
    const references = toolReferences(catalog, slug);
    if (references.length > 0) return { ok: false, reason: "referenced", references };
    if (!(await store.deleteTool(tx, existing.id, expectedVersion)))
      return conflictWith(tx, "tool", existing.id, before);
    const auditId = await store.appendAudit(tx, {
      actor,
      action: "delete",
      entityType: "tool",
      entityId: existing.id,
      summary: deletedSummary("tool", existing.name),
      before,
      after: null,
    });
    return { ok: true, value: before, auditId };
  });
}

// Phases and capabilities ------------------------------------------------------------------------------------------

async function savePhase(
  request: SaveRequest<Phase>,
  actor: Actor,
  validate: ChangeValidator,
): Promise<WriteResult<PhaseSnapshot>> {
  return runChange(async (tx): Promise<WriteResult<PhaseSnapshot>> => {
    const catalog = await getCatalog(tx);
    const rows = await tx.phase.findMany({ select: { id: true, slug: true, version: true } });
    const row = rows.find((p) => p.slug === (request.mode === "update" ? request.slug : request.input.slug));
    const existing = catalog.phases.find((p) => p.slug === row?.slug);
    const current = row && existing ? { ...phaseInputOf(existing), version: row.version } : undefined;
    const refusal = refuseSave("phase", request, current && row ? { slug: row.slug, version: row.version } : undefined);
    if (refusal?.reason === "conflict") return conflictWith(tx, "phase", row!.id, current!);
    if (refusal) return { ok: false, ...refusal };
    const issues = validate(catalog);
    if (issues.length > 0) return { ok: false, reason: "invalid", issues };
    const data = phaseColumns(request.input);
    const id = request.mode === "create" ? newEntryId(request.input.slug, new Set(rows.map((r) => r.id))) : row!.id;
    const target: store.RowTarget =
      request.mode === "create"
        ? { mode: "create", id }
        : { mode: "update", id, expectedVersion: request.expectedVersion };
    if (!(await store.writePhase(tx, data, target))) return conflictWith(tx, "phase", id, current!);
    const after = { ...request.input, version: request.mode === "create" ? 1 : request.expectedVersion + 1 };
    const auditId = await store.appendAudit(tx, {
      actor,
      action: request.action,
      entityType: "phase",
      entityId: id,
      summary: entryAuditSummary(request, "phase"),
      before: current ?? null,
      after,
    });
    return { ok: true, value: after, auditId };
  });
}

export async function deletePhase(
  slug: string,
  expectedVersion: number,
  actor: Actor,
): Promise<WriteResult<PhaseSnapshot>> {
  return runChange(async (tx): Promise<WriteResult<PhaseSnapshot>> => {
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
    if (row.version !== expectedVersion) return conflictWith(tx, "phase", row.id, before);
    const references = phaseReferences(row.capabilities.map((c) => c.slug));
    if (references.length > 0) return { ok: false, reason: "referenced", references };
    await store.deletePhase(tx, row.id);
    const auditId = await store.appendAudit(tx, {
      actor,
      action: "delete",
      entityType: "phase",
      entityId: row.id,
      summary: deletedSummary("phase", row.name),
      before,
      after: null,
    });
    return { ok: true, value: before, auditId };
  });
}

async function saveCapability(
  request: SaveRequest<Capability>,
  actor: Actor,
  validate: ChangeValidator,
): Promise<WriteResult<CapabilitySnapshot>> {
  return runChange(async (tx): Promise<WriteResult<CapabilitySnapshot>> => {
    const catalog = await getCatalog(tx);
    const ids = idsOf(catalog);
    const rows = await tx.capability.findMany({ select: { id: true, slug: true, version: true, sortOrder: true } });
    const row = rows.find((c) => c.slug === (request.mode === "update" ? request.slug : request.input.slug));
    const existing = catalog.capabilities.find((c) => c.slug === row?.slug);
    const current = row && existing ? { ...capabilityInputOf(existing), version: row.version } : undefined;
    const refusal = refuseSave(
      "capability",
      request,
      current && row ? { slug: row.slug, version: row.version } : undefined,
    );
    if (refusal?.reason === "conflict") return conflictWith(tx, "capability", row!.id, current!);
    if (refusal) return { ok: false, ...refusal };
    const issues = validate(catalog);
    if (issues.length > 0) return { ok: false, reason: "invalid", issues };
    const phaseId = ids.phaseIds.get(request.input.phase);
    if (!phaseId)
      return {
        ok: false,
        reason: "invalid",
        issues: [{ path: ["phase"], message: `unknown phase "${request.input.phase}"` }],
      };
    const columns = capabilityColumns(request.input, phaseId);
    const id = request.mode === "create" ? newEntryId(request.input.slug, new Set(rows.map((r) => r.id))) : row!.id;
    const written =
      request.mode === "create"
        ? await store.writeCapability(
            tx,
            { ...columns, sortOrder: Math.max(-1, ...rows.map((r) => r.sortOrder)) + 1 },
            { mode: "create", id },
          )
        : await store.writeCapability(tx, columns, { mode: "update", id, expectedVersion: request.expectedVersion });
    if (!written) return conflictWith(tx, "capability", id, current!);
    const after = { ...request.input, version: request.mode === "create" ? 1 : request.expectedVersion + 1 };
    const auditId = await store.appendAudit(tx, {
      actor,
      action: request.action,
      entityType: "capability",
      entityId: id,
      summary: entryAuditSummary(request, "capability"),
      before: current ?? null,
      after,
    });
    return { ok: true, value: after, auditId };
  });
}

export async function deleteCapability(
  slug: string,
  expectedVersion: number,
  actor: Actor,
): Promise<WriteResult<CapabilitySnapshot>> {
  return runChange(async (tx): Promise<WriteResult<CapabilitySnapshot>> => {
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
    if (row.version !== expectedVersion) return conflictWith(tx, "capability", row.id, before);
    const references = capabilityReferences(row.tools.map((t) => t.tool.slug));
    if (references.length > 0) return { ok: false, reason: "referenced", references };
    await store.deleteCapability(tx, row.id);
    const auditId = await store.appendAudit(tx, {
      actor,
      action: "delete",
      entityType: "capability",
      entityId: row.id,
      summary: deletedSummary("capability", row.name),
      before,
      after: null,
    });
    return { ok: true, value: before, auditId };
  });
}

type CategoryKind = "phase" | "capability";

/**
 * Saves a phase or capability from an admin form or a restore: an update when the entry exists and the caller names
 * the version it edited, a create otherwise. A restore over an existing entry without a version is a conflict.
 */
async function saveCategoryChange<T extends Phase | Capability, R>(
  kind: CategoryKind,
  input: T,
  expectedVersion: number | null | undefined,
  actor: Actor,
  action: "save" | "restore",
  save: (request: SaveRequest<T>, actor: Actor, validate: ChangeValidator) => Promise<R>,
) {
  const validate = validatorFor({ kind, slug: input.slug, next: input } as CatalogChange);
  const catalog = await getCatalog();
  const exists = (kind === "phase" ? catalog.phases : catalog.capabilities).some((entry) => entry.slug === input.slug);
  if (action === "restore" && exists && !expectedVersion)
    return { ok: false as const, reason: "conflict" as const, current: null, lastChange: null };
  return expectedVersion && (exists || action === "save")
    ? save(
        {
          mode: "update",
          slug: input.slug,
          expectedVersion,
          input,
          action: action === "restore" ? "restore" : "update",
        },
        actor,
        validate,
      )
    : save({ mode: "create", input, action: action === "restore" ? "restore" : "create" }, actor, validate);
}

export function savePhaseChange(
  input: Phase,
  expectedVersion: number | null | undefined,
  actor: Actor,
  action: "save" | "restore" = "save",
) {
  return saveCategoryChange("phase", input, expectedVersion, actor, action, savePhase);
}

export function saveCapabilityChange(
  input: Capability,
  expectedVersion: number | null | undefined,
  actor: Actor,
  action: "save" | "restore" = "save",
) {
  return saveCategoryChange("capability", input, expectedVersion, actor, action, saveCapability);
}

// Restore ----------------------------------------------------------------------------------------------------------

/**
 * Makes an earlier version (an audit record's `after`, or `before` of a deletion) the current one, as a new audited
 * change. The old version must still be valid against today's catalog (its successor may have been deleted since).
 */
export async function restoreVersion(
  auditId: number,
  expectedVersion: number | null,
  actor: Actor,
): Promise<WriteResult<unknown>> {
  const entry = await findAuditEntry(auditId);
  if (!entry || !["tool", "phase", "capability"].includes(entry.entityType)) return { ok: false, reason: "not_found" };
  const snapshot = entry.action === "delete" ? entry.before : entry.after;
  const catalog = await getCatalog();

  if (entry.entityType === "tool") {
    const converted = toolInputFromSnapshot(snapshot);
    if (!converted)
      return {
        ok: false,
        reason: "invalid",
        issues: [{ path: [], message: "this record holds no version of the tool to restore" }],
      };
    const current =
      catalog.tools.find((t) => t.id === entry.entityId) ?? catalog.tools.find((t) => t.slug === converted.raw.slug);
    const parsed = ZToolInput.safeParse({
      ...converted.raw,
      integrations: converted.hasIntegrations ? converted.raw.integrations : (current?.integrations ?? []),
    });
    if (!parsed.success) return { ok: false, reason: "invalid", issues: issuesOf(parsed.error) };
    const input = parsed.data;
    const validate = validatorFor({ kind: "tool", slug: current?.slug ?? input.slug, next: input });
    if (!current) return saveTool({ mode: "create", input, action: "restore" }, actor, validate);
    if (expectedVersion === null) return { ok: false, reason: "conflict", current: null, lastChange: null };
    return saveTool(
      {
        mode: "update",
        slug: current.slug,
        expectedVersion,
        input: { ...input, slug: current.slug },
        action: "restore",
      },
      actor,
      validate,
    );
  }

  const record = snapshot && typeof snapshot === "object" ? { ...(snapshot as Record<string, unknown>) } : null;
  if (!record)
    return { ok: false, reason: "invalid", issues: [{ path: [], message: "this record holds no version to restore" }] };
  delete record.version;
  if (entry.entityType === "phase") {
    if ("sortOrder" in record) record.order = record.sortOrder; // the seed records database columns
    const parsed = ZPhase.safeParse({
      slug: record.slug,
      name: record.name,
      order: record.order,
      description: record.description,
      isOverlay: record.isOverlay,
    });
    if (!parsed.success) return { ok: false, reason: "invalid", issues: issuesOf(parsed.error) };
    return savePhaseChange(parsed.data, expectedVersion, actor, "restore");
  }
  if ("phaseId" in record && !("phase" in record))
    record.phase = catalog.phases.find((p) => p.id === record.phaseId)?.slug;
  const parsed = ZCapability.safeParse({
    slug: record.slug,
    name: record.name,
    phase: record.phase,
    description: record.description,
    neededFromStage: record.neededFromStage,
    plan: record.plan ?? null,
  });
  if (!parsed.success) return { ok: false, reason: "invalid", issues: issuesOf(parsed.error) };
  return saveCapabilityChange(parsed.data, expectedVersion, actor, "restore");
}

// Import ------------------------------------------------------------------------------------------------------------

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
  return runChange(async (tx): Promise<ImportResult> => {
    const revision = await store.currentRevision(tx);
    if (expectedRevision !== undefined && expectedRevision !== revision)
      return { ok: false, reason: "stale", revision };
    const catalog = await getCatalog(tx);
    const plan = makePlan(catalog);
    if (plan.issues.length > 0) return { ok: false, reason: "invalid", issues: plan.issues };
    const report: ImportReport = { created: [], updated: [], unchanged: 0, auditId: null };
    const audits: {
      action: "create" | "update";
      entityType: CatalogEntityType;
      slug: string;
      before: unknown;
      name: string;
    }[] = [];

    const phaseRows = new Map(
      (await tx.phase.findMany({ select: { id: true, slug: true, version: true } })).map((p) => [p.slug, p]),
    );
    for (const entry of plan.phases) {
      if (entry.action === "unchanged") continue;
      const row = phaseRows.get(entry.slug);
      const id = row?.id ?? newEntryId(entry.slug, new Set([...phaseRows.values()].map((r) => r.id)));
      await store.writePhase(tx, phaseColumns(entry.next), row ? { mode: "bump", id } : { mode: "create", id });
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
    const capabilityRows = new Map(
      (await tx.capability.findMany({ select: { id: true, slug: true, version: true } })).map((c) => [c.slug, c]),
    );
    for (const [index, entry] of plan.capabilities.entries()) {
      if (entry.action === "unchanged") continue;
      const row = capabilityRows.get(entry.slug);
      const data = { ...capabilityColumns(entry.next, phaseIds.get(entry.next.phase)!), sortOrder: index };
      const id = row?.id ?? newEntryId(entry.slug, new Set([...capabilityRows.values()].map((r) => r.id)));
      await store.writeCapability(tx, data, row ? { mode: "bump", id } : { mode: "create", id });
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
      const id = await store.writeTool(
        tx,
        entry.next,
        existing
          ? { mode: "update", id: existing.id, expectedVersion: existing.version }
          : { mode: "create", takenIds },
        ids.capabilityIds,
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
      const successor = entry.next.successor ? (ids.toolIds.get(entry.next.successor) ?? null) : null;
      await store.setSuccessor(tx, ids.toolIds.get(entry.slug)!, successor);
    }
    for (const [slug, partners] of plan.partners) {
      const id = ids.toolIds.get(slug);
      if (id) await store.syncIntegrations(tx, id, new Set(partners.flatMap((p) => ids.toolIds.get(p) ?? [])));
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
      await store.appendAudit(tx, {
        actor,
        action: audit.action,
        entityType: audit.entityType,
        entityId,
        summary: importedEntrySummary(audit.action, audit.entityType, audit.name),
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
      report.auditId = await store.appendAudit(tx, {
        actor,
        action: "import",
        entityType: "catalog",
        entityId: source.slice(0, 200),
        summary: importSummary(source, report),
        before: null,
        after: { created: report.created, updated: report.updated },
      });
    }
    return { ok: true, report };
  });
}

// Seed --------------------------------------------------------------------------------------------------------------

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

function pick<T extends object>(row: T, keys: (keyof T)[]): Partial<T> {
  return Object.fromEntries(keys.map((k) => [k, row[k]])) as Partial<T>;
}

function sortLinks(links: { slug: string; role: string }[]) {
  return [...links].sort((a, b) => a.role.localeCompare(b.role) || a.slug.localeCompare(b.slug));
}

type SeedEntry<Data extends object> = {
  entityType: CatalogEntityType;
  id: string;
  label: string;
  /** What content says, in the shape the row is compared in. */
  data: Data;
  existing: { version: number; seededVersion: number | null } | undefined;
  deleted: Set<string>;
  /** Writes the entry; false when the row changed under the seed (it is then left as it is). */
  write: (target: { mode: "create" } | { mode: "update"; expectedVersion: number }) => Promise<boolean>;
};

/** One entry through the seed's rules (change-rules.ts `seedOutcome`), written and audited by the store. */
async function seedEntry<Data extends object>(tx: Tx, entry: SeedEntry<Data>, report: SeedReport) {
  const { existing, data, label } = entry;
  const current = existing ? pick(existing as unknown as Data, Object.keys(data) as (keyof Data)[]) : undefined;
  const outcome = seedOutcome(
    existing,
    current !== undefined && isDeepStrictEqual(plainColumns(current), plainColumns(data)),
    entry.deleted.has(entry.id),
  );
  if (outcome === "deleted") report.skippedDeleted.push(label);
  if (outcome === "unchanged") report.unchanged += 1;
  if (outcome === "kept") report.keptAdminEdits.push(label);
  if (outcome !== "created" && outcome !== "updated") return outcome;
  const written = await entry.write(
    outcome === "created" ? { mode: "create" } : { mode: "update", expectedVersion: existing!.version },
  );
  if (!written) {
    report.keptAdminEdits.push(label);
    return "kept";
  }
  await store.appendAudit(tx, {
    actor: SEED_ACTOR,
    action: outcome === "created" ? "create" : "update",
    entityType: entry.entityType,
    entityId: entry.id,
    summary: seedSummary(outcome, label),
    before: outcome === "created" ? null : plainColumns(current!),
    after: plainColumns(data),
  });
  (outcome === "created" ? report.created : report.updated).push(label);
  return outcome;
}

/**
 * Loads validated catalog content in one transaction (decisions/004): idempotent (ids are the content slugs at first
 * insert, unchanged rows are not written), admin edits win, entries an admin deleted are not recreated, integrations
 * between two seed-managed tools follow the content.
 */
export async function seedCatalog(client: DbClient, content: CatalogContent): Promise<SeedReport> {
  const report: SeedReport = {
    created: [],
    updated: [],
    unchanged: 0,
    keptAdminEdits: [],
    skippedDeleted: [],
    integrationsChanged: 0,
  };
  await runChange(
    async (tx) => {
      const phases = new Map((await tx.phase.findMany()).map((p) => [p.slug, p]));
      const deletedPhases = await store.deletedEntryIds(tx, "phase");
      for (const { phase } of content.phases) {
        const existing = phases.get(phase.slug);
        const id = existing?.id ?? phase.slug;
        const data = phaseColumns(phase);
        await seedEntry(
          tx,
          {
            entityType: "phase",
            id,
            label: `phase ${phase.slug}`,
            data,
            existing,
            deleted: deletedPhases,
            write: (target) => store.writePhase(tx, data, { ...target, id, seeded: true }),
          },
          report,
        );
      }
      const phaseIds = new Map(
        (await tx.phase.findMany({ select: { id: true, slug: true } })).map((p) => [p.slug, p.id]),
      );

      const capabilities = new Map((await tx.capability.findMany()).map((c) => [c.slug, c]));
      const deletedCapabilities = await store.deletedEntryIds(tx, "capability");
      for (const [sortOrder, { capability }] of content.capabilities.entries()) {
        const existing = capabilities.get(capability.slug);
        const id = existing?.id ?? capability.slug;
        const phaseId = phaseIds.get(capability.phase);
        if (!phaseId) continue; // its phase was deleted by an admin; validation guarantees it exists in content
        const data = { ...capabilityColumns(capability, phaseId), sortOrder };
        await seedEntry(
          tx,
          {
            entityType: "capability",
            id,
            label: `capability ${capability.slug}`,
            data,
            existing,
            deleted: deletedCapabilities,
            write: (target) => store.writeCapability(tx, data, { ...target, id, seeded: true }),
          },
          report,
        );
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
      const deletedTools = await store.deletedEntryIds(tx, "tool");
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
        const outcome = await seedEntry(
          tx,
          {
            entityType: "tool",
            id,
            label: `tool ${tool.slug}`,
            data,
            existing: existingView,
            deleted: deletedTools,
            write: async (target) =>
              (await store.writeTool(
                tx,
                tool,
                target.mode === "create"
                  ? { mode: "create", takenIds: new Set(), id, seeded: true }
                  : { mode: "update", id, expectedVersion: target.expectedVersion, seeded: true },
                capabilityIds,
              )) !== null,
          },
          report,
        );
        if (outcome === "created" || outcome === "updated" || outcome === "unchanged") seedManaged.add(id);
      }

      const toolRefs = await tx.tool.findMany({ select: { id: true, slug: true, successorId: true } });
      const toolIds = new Map(toolRefs.map((t) => [t.slug, t.id]));
      const currentSuccessor = new Map(toolRefs.map((t) => [t.id, t.successorId]));
      for (const { tool } of content.tools) {
        const id = toolIds.get(tool.slug);
        if (!id || !seedManaged.has(id)) continue;
        const successorId = tool.successor ? (toolIds.get(tool.successor) ?? null) : null;
        if (currentSuccessor.get(id) !== successorId) await store.setSuccessor(tx, id, successorId);
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
      for (const p of toDelete) await store.deleteIntegration(tx, p.toolAId, p.toolBId);
      const toCreate = [...wanted]
        .filter((key) => !have.has(key))
        .map((key) => key.split("\u0000") as [string, string])
        .filter(([a, b]) => seedManaged.has(a) && seedManaged.has(b));
      await store.addIntegrations(tx, toCreate);
      if (toCreate.length > 0 || toDelete.length > 0) {
        const pairs = (list: [string, string][]) => list.map(([a, b]) => `${a} <> ${b}`);
        await store.appendAudit(tx, {
          actor: SEED_ACTOR,
          action: "update",
          entityType: "integrations",
          entityId: "catalog",
          summary: integrationSyncSummary(toCreate.length, toDelete.length),
          before: { removed: pairs(toDelete.map((p) => [p.toolAId, p.toolBId])) },
          after: { added: pairs(toCreate) },
        });
        report.integrationsChanged = toCreate.length + toDelete.length;
      }
      return { ok: true };
    },
    client,
    SEED_TX,
  );
  return report;
}
