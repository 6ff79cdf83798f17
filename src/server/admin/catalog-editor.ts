import "server-only";
import { toolInputFromSnapshot, toolInputOf } from "@/domain/admin/snapshots";
import { validateCatalogChange } from "@/domain/admin/validate-change";
import { ZCapability, ZPhase, ZToolInput, type Capability, type Phase, type ToolInput } from "@/domain/catalog/schema";
import type { ToolStatus } from "@/domain/catalog/vocabulary";
import { findAuditEntry } from "../repositories/audit-repository";
import {
  deleteCapability,
  deletePhase,
  deleteTool,
  saveCapability,
  savePhase,
  saveTool,
  type Actor,
  type ChangeValidator,
  type EntityRequest,
  type WriteResult,
} from "../repositories/catalog-admin-repository";
import { getCatalog } from "../repositories/catalog-repository";

/**
 * Catalog editing as maintainers do it: every change is checked by the same schemas as content/ (the caller has
 * parsed the entry with ZToolInput / ZPhase / ZCapability) and by the whole-catalog rules, inside the write's
 * transaction (repositories/catalog-admin-repository.ts), and audited there.
 */

export function createTool(input: ToolInput, actor: Actor) {
  return saveTool({ mode: "create", input, action: "create" }, actor, (catalog) =>
    validateCatalogChange(catalog, { kind: "tool", slug: input.slug, next: input }),
  );
}

export function updateTool(slug: string, expectedVersion: number, input: ToolInput, actor: Actor) {
  return saveTool({ mode: "update", slug, expectedVersion, input, action: "update" }, actor, (catalog) =>
    validateCatalogChange(catalog, { kind: "tool", slug, next: input }),
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
  if (!parsed.success)
    return {
      ok: false,
      reason: "invalid",
      issues: parsed.error.issues.map((i) => ({
        path: i.path.map((p) => (typeof p === "symbol" ? String(p) : p)),
        message: i.message,
      })),
    };
  return updateTool(slug, expectedVersion, parsed.data, actor);
}

export function removeTool(slug: string, expectedVersion: number, actor: Actor) {
  return deleteTool(slug, expectedVersion, actor);
}

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
  const issuesOf = (error: { issues: { path: PropertyKey[]; message: string }[] }) =>
    error.issues.map((i) => ({ path: i.path.map((p) => (typeof p === "symbol" ? String(p) : p)), message: i.message }));

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
    const validate = (c: typeof catalog) =>
      validateCatalogChange(c, { kind: "tool", slug: current?.slug ?? input.slug, next: input });
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
  save: (request: EntityRequest<T>, actor: Actor, validate: ChangeValidator) => Promise<R>,
) {
  const validate: ChangeValidator = (catalog) =>
    validateCatalogChange(catalog, { kind, slug: input.slug, next: input } as Parameters<
      typeof validateCatalogChange
    >[1]);
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

export { deleteCapability, deletePhase };
