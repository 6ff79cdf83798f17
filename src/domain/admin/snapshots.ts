import type { Capability, Phase, ToolInput, ToolInputRaw } from "../catalog/schema";
import type { CatalogCapability, CatalogPhase, CatalogTool } from "../catalog/types";
import { isRecord } from "./entry-diff";

/**
 * What the audit log stores as `before` / `after` for catalog entries: the content/ format of the entry (the same
 * shape ZToolInput, ZCapability and ZPhase validate) plus its `version`. Restoring an entry parses a snapshot with
 * the same schema as any other input.
 */

export type ToolSnapshot = ToolInput & { version: number };
export type CapabilitySnapshot = Capability & { version: number };
export type PhaseSnapshot = Phase & { version: number };

export function toolInputOf(tool: CatalogTool): ToolInput {
  return {
    slug: tool.slug,
    name: tool.name,
    summary: tool.summary,
    description: tool.description,
    homepage: tool.homepage,
    repository: tool.repository,
    license: tool.license,
    pricing: tool.pricing,
    hosting: tool.hosting,
    clouds: tool.clouds,
    needsKubernetes: tool.needsKubernetes,
    stages: tool.stages,
    opsComplexity: tool.opsComplexity,
    learningCurve: tool.learningCurve,
    teamSizes: tool.teamSizes,
    capabilities: { primary: tool.capabilities.primary, secondary: tool.capabilities.secondary },
    integrations: [...tool.integrations].sort(),
    strengths: tool.strengths,
    limitations: tool.limitations,
    risks: tool.risks,
    status: tool.status,
    successor: tool.successor,
    statusNote: tool.statusNote,
    lastReviewed: tool.lastReviewed,
    vendorSupport: tool.vendorSupport,
    relations: tool.relations,
    sources: tool.sources,
    reviewIntervalDays: tool.reviewIntervalDays,
    freshness: tool.freshness,
  };
}

export function toolSnapshot(tool: CatalogTool): ToolSnapshot {
  return { ...toolInputOf(tool), version: tool.version };
}

export function capabilityInputOf(capability: CatalogCapability): Capability {
  return {
    slug: capability.slug,
    name: capability.name,
    phase: capability.phase,
    description: capability.description,
    neededFromStage: capability.neededFromStage,
    plan: capability.plan,
  };
}

export function phaseInputOf(phase: CatalogPhase): Phase {
  return {
    slug: phase.slug,
    name: phase.name,
    order: phase.order,
    description: phase.description,
    isOverlay: phase.isOverlay,
  };
}

/**
 * The tool input a snapshot describes, ready for ZToolInput. Understands both snapshot shapes in the log: the
 * maintainers' (content format) and the seed's (database columns with `capabilityLinks` and `successorSlug`, which
 * records integrations separately: then `integrations` is undefined and the caller keeps the current ones).
 */
export function toolInputFromSnapshot(
  snapshot: unknown,
): { raw: Omit<ToolInputRaw, "integrations"> & { integrations?: string[] }; hasIntegrations: boolean } | null {
  if (!isRecord(snapshot) || typeof snapshot.slug !== "string") return null;
  if (!Array.isArray(snapshot.capabilityLinks)) {
    const { version: _version, ...raw } = snapshot;
    return { raw: raw as ToolInputRaw, hasIntegrations: Array.isArray(snapshot.integrations) };
  }
  const links = snapshot.capabilityLinks.filter(isRecord);
  const slugsWith = (role: string) => links.filter((l) => l.role === role).map((l) => String(l.slug));
  const { capabilityLinks: _links, successorSlug, isOpenSource: _isOpenSource, lastReviewed, ...columns } = snapshot;
  // Columns added later are null in older seed snapshots: leave them out so the schema's defaults apply.
  for (const key of ["relations", "sources"] as const) if (columns[key] === null) delete columns[key];
  return {
    raw: {
      ...(columns as Omit<ToolInputRaw, "capabilities" | "successor" | "lastReviewed">),
      capabilities: { primary: slugsWith("primary"), secondary: slugsWith("secondary") },
      successor: typeof successorSlug === "string" ? successorSlug : null,
      lastReviewed: typeof lastReviewed === "string" ? lastReviewed.slice(0, 10) : lastReviewed,
    },
    hasIntegrations: false,
  };
}
