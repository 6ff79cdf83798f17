import { DbNull } from "@prisma/client/runtime/client";
import { isOpenSourceLicense } from "@/domain/catalog/licenses";
import {
  NO_RELATIONS,
  type Capability,
  type CapabilityPlan,
  type Freshness,
  type Phase,
  type Risk,
  type Source,
  type ToolInput,
  type ToolRelations,
} from "@/domain/catalog/schema";
import type { CatalogCapability, CatalogPhase, CatalogTool } from "@/domain/catalog/types";
import type { CapabilityRole } from "@/domain/catalog/vocabulary";

/** Mapping between catalog DTOs and database rows. No business rules here. */

/** Prisma writes SQL NULL into a nullable JSON column only when given this marker (a plain null is refused). */
const DB_NULL = DbNull;

/** Plain JSON of column data, with the SQL NULL marker read as null: for comparing with what a row holds. */
export function plainColumns(data: object): unknown {
  return JSON.parse(JSON.stringify(data, (_key, value: unknown) => (value === DB_NULL ? null : value)));
}

export function dateFromIso(day: string): Date {
  return new Date(`${day}T00:00:00.000Z`);
}

export function isoFromDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** The scalar columns of a tool row (relations are written separately). */
export function toolColumns(input: ToolInput) {
  return {
    slug: input.slug,
    name: input.name,
    summary: input.summary,
    description: input.description,
    homepage: input.homepage,
    repository: input.repository,
    license: input.license,
    isOpenSource: isOpenSourceLicense(input.license),
    pricing: input.pricing,
    hosting: input.hosting,
    clouds: input.clouds,
    needsKubernetes: input.needsKubernetes,
    stages: input.stages,
    opsComplexity: input.opsComplexity,
    learningCurve: input.learningCurve,
    teamSizes: input.teamSizes,
    strengths: input.strengths,
    limitations: input.limitations,
    risks: input.risks,
    status: input.status,
    statusNote: input.statusNote,
    lastReviewed: dateFromIso(input.lastReviewed),
    vendorSupport: input.vendorSupport,
    relations: input.relations,
    sources: input.sources,
    reviewIntervalDays: input.reviewIntervalDays,
    freshness: input.freshness ?? DB_NULL,
  };
}

export type ToolRow = {
  id: string;
  slug: string;
  name: string;
  summary: string;
  description: string;
  homepage: string;
  repository: string | null;
  license: string;
  isOpenSource: boolean;
  pricing: string;
  hosting: unknown;
  clouds: unknown;
  needsKubernetes: boolean;
  stages: unknown;
  opsComplexity: number;
  learningCurve: number;
  teamSizes: unknown;
  strengths: unknown;
  limitations: unknown;
  risks: unknown;
  status: string;
  statusNote: string | null;
  lastReviewed: Date;
  vendorSupport: boolean;
  relations: unknown;
  sources: unknown;
  reviewIntervalDays: number | null;
  freshness: unknown;
  version: number;
  successor: { slug: string } | null;
  capabilities: { role: string; capability: { slug: string; sortOrder: number } }[];
};

/** Columns to select for `toolFromRow`. */
export const TOOL_ROW_SELECT = {
  id: true,
  slug: true,
  name: true,
  summary: true,
  description: true,
  homepage: true,
  repository: true,
  license: true,
  isOpenSource: true,
  pricing: true,
  hosting: true,
  clouds: true,
  needsKubernetes: true,
  stages: true,
  opsComplexity: true,
  learningCurve: true,
  teamSizes: true,
  strengths: true,
  limitations: true,
  risks: true,
  status: true,
  statusNote: true,
  lastReviewed: true,
  vendorSupport: true,
  relations: true,
  sources: true,
  reviewIntervalDays: true,
  freshness: true,
  version: true,
  successor: { select: { slug: true } },
  capabilities: { select: { role: true, capability: { select: { slug: true, sortOrder: true } } } },
} as const;

function slugsWithRole(row: ToolRow, role: CapabilityRole): string[] {
  return row.capabilities
    .filter((c) => c.role === role)
    .sort((a, b) => a.capability.sortOrder - b.capability.sortOrder)
    .map((c) => c.capability.slug);
}

export function toolFromRow(row: ToolRow, integrations: string[]): CatalogTool {
  return {
    id: row.id,
    version: row.version,
    slug: row.slug,
    name: row.name,
    summary: row.summary,
    description: row.description,
    homepage: row.homepage,
    repository: row.repository,
    license: row.license,
    isOpenSource: row.isOpenSource,
    pricing: row.pricing as CatalogTool["pricing"],
    hosting: row.hosting as CatalogTool["hosting"],
    clouds: row.clouds as CatalogTool["clouds"],
    needsKubernetes: row.needsKubernetes,
    stages: row.stages as CatalogTool["stages"],
    opsComplexity: row.opsComplexity,
    learningCurve: row.learningCurve,
    teamSizes: row.teamSizes as CatalogTool["teamSizes"],
    capabilities: { primary: slugsWithRole(row, "primary"), secondary: slugsWithRole(row, "secondary") },
    integrations: [...integrations].sort(),
    strengths: row.strengths as string[],
    limitations: row.limitations as string[],
    risks: row.risks as Risk[],
    status: row.status as CatalogTool["status"],
    successor: row.successor?.slug ?? null,
    statusNote: row.statusNote,
    lastReviewed: isoFromDate(row.lastReviewed),
    vendorSupport: row.vendorSupport,
    relations: (row.relations as ToolRelations | null) ?? NO_RELATIONS,
    sources: (row.sources as Source[] | null) ?? [],
    reviewIntervalDays: row.reviewIntervalDays,
    freshness: (row.freshness as Freshness | null) ?? null,
  };
}

export function phaseColumns(phase: Phase) {
  return {
    slug: phase.slug,
    name: phase.name,
    sortOrder: phase.order,
    description: phase.description,
    isOverlay: phase.isOverlay,
  };
}

export function phaseFromRow(row: {
  id: string;
  slug: string;
  name: string;
  sortOrder: number;
  description: string;
  isOverlay: boolean;
}): CatalogPhase {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    order: row.sortOrder,
    description: row.description,
    isOverlay: row.isOverlay,
  };
}

/** The columns of a capability row (its phase is resolved to an id by the caller). */
export function capabilityColumns(capability: Capability, phaseId: string) {
  return {
    slug: capability.slug,
    name: capability.name,
    phaseId,
    description: capability.description,
    neededFromStage: capability.neededFromStage,
    plan: capability.plan ?? DB_NULL,
  };
}

export function capabilityFromRow(row: {
  id: string;
  slug: string;
  name: string;
  description: string;
  neededFromStage: number;
  plan: unknown;
  phase: { slug: string };
}): CatalogCapability {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    phase: row.phase.slug,
    description: row.description,
    neededFromStage: row.neededFromStage,
    plan: (row.plan as CapabilityPlan | null) ?? null,
  };
}

export type { Capability };
