import { z } from "zod";
import { isKnownLicense } from "./licenses";
import {
  CAPABILITY_ROLES,
  CLOUDS,
  HOSTING_OPTIONS,
  MATURITY_STAGES,
  PLAN_CONDITIONS,
  PRICING_MODELS,
  RATING_MAX,
  RATING_MIN,
  RISK_KINDS,
  SOURCE_FACTS,
  TEAM_SIZES,
  TOOL_STATUSES,
  isRetiredStatus,
} from "./vocabulary";

/**
 * One schema per shape: these validate content/ files, admin forms, the server actions and the REST API alike.
 * Cross-entry rules (unknown slugs, successors) live in validate-catalog.ts because they need the whole catalog.
 */

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const ZSlug = z
  .string()
  .min(1, "must not be empty")
  .max(64, "must be at most 64 characters")
  .regex(SLUG_PATTERN, "must be lowercase letters, digits and single hyphens (e.g. great-expectations)");

const ZText = (max: number) =>
  z.string().trim().min(1, "must not be empty").max(max, `must be at most ${max} characters`);

const ZHttpUrl = z
  .url({ protocol: /^https?$/, message: "must be an http(s) URL" })
  .max(300, "must be at most 300 characters");

/** A calendar date written YYYY-MM-DD (YAML may hand us a Date object; we normalise it). */
export const ZIsoDate = z.preprocess(
  (value) => (value instanceof Date ? value.toISOString().slice(0, 10) : value),
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date written YYYY-MM-DD")
    .refine((value) => {
      const date = new Date(`${value}T00:00:00Z`);
      return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
    }, "must be a real calendar date"),
);

function uniqueList<T extends z.ZodType>(item: T, label: string) {
  return z
    .array(item)
    .refine((list) => new Set(list as unknown[]).size === list.length, `${label} must not repeat a value`);
}

export const ZPhase = z
  .object({
    slug: ZSlug,
    name: ZText(60),
    order: z.number().int().min(1).max(99),
    description: ZText(600),
    isOverlay: z.boolean().default(false),
  })
  .strict();
export type Phase = z.infer<typeof ZPhase>;

const ZStage = z
  .number()
  .int()
  .min(1, "must be a maturity stage from 1 to 4")
  .max(4, "must be a maturity stage from 1 to 4");

/** An answer that pulls a capability earlier: to the team's own stage ("now"), or at the latest to a given stage. */
export const ZCapabilityPull = z
  .object({
    when: z.enum(PLAN_CONDITIONS),
    to: z.union([z.literal("now"), ZStage]),
    /** Why, in the team's terms: shown as the driver of the pull. */
    reason: ZText(200),
  })
  .strict();
export type CapabilityPull = z.infer<typeof ZCapabilityPull>;

/**
 * How the recommender plans a capability. A capability without a plan is context (databases, languages,
 * notebooks…): chosen for reasons outside MLOps, never filled by the engine.
 */
export const ZCapabilityPlan = z
  .object({
    /** The event that makes the capability worth its cost, written to complete "Adopt it …". */
    trigger: ZText(240),
    /**
     * A critical job (secrets, identity, audit, system monitoring, logging, alerting, the model registry): only a
     * tool built for it fills the slot, or a side-job tool already in the stack for its main job.
     */
    critical: z.boolean().default(false),
    /** Urgency, 1–10, when "now" must be cut to the team's budget: the highest go first. */
    priority: z.number().int().min(1).max(10),
    /** The questionnaire dimension whose weakness makes this capability urgent. */
    dimension: ZSlug.nullable().default(null),
    /** Every condition must hold (or be planned) for the capability to apply at all. */
    appliesWhen: uniqueList(z.enum(PLAN_CONDITIONS), "appliesWhen").default([]),
    /** Answers that pull the capability earlier than `neededFromStage`. */
    pulls: z.array(ZCapabilityPull).max(12).default([]),
    /** Capabilities whose picks this one's pick must work with (CI with the code host). */
    couplings: uniqueList(ZSlug, "couplings").default([]),
  })
  .strict();
export type CapabilityPlan = z.infer<typeof ZCapabilityPlan>;

export const ZCapability = z
  .object({
    slug: ZSlug,
    name: ZText(80),
    phase: ZSlug,
    description: ZText(800),
    /** The maturity stage at which a typical team first needs this capability. The recommender reads it. */
    neededFromStage: ZStage,
    plan: ZCapabilityPlan.nullable().default(null),
  })
  .strict()
  .superRefine((capability, ctx) => {
    if (capability.plan?.couplings.includes(capability.slug))
      ctx.addIssue({ code: "custom", path: ["plan", "couplings"], message: "must not list the capability itself" });
  });
export type Capability = z.infer<typeof ZCapability>;

export const ZRisk = z
  .object({
    kind: z.enum(RISK_KINDS),
    note: ZText(400),
  })
  .strict();
export type Risk = z.infer<typeof ZRisk>;

/** How a tool relates to other catalog entries. Every slug must exist in the catalog. */
export const ZToolRelations = z
  .object({
    /** Each group: the tool needs one of these in the stack (Kibana needs Elasticsearch or OpenSearch). */
    requires: z
      .array(uniqueList(ZSlug, "requires group").min(1, "a group must name at least one tool"))
      .max(6)
      .default([]),
    /** Using this tool means the team has these (GitHub Actions implies GitHub). */
    implies: uniqueList(ZSlug, "implies").max(6).default([]),
    /** Tools that travel with it; companions are never runners-up of each other. Symmetric. */
    companions: uniqueList(ZSlug, "companions").max(8).default([]),
    /** The platform this tool is a part of (SageMaker Pipelines is part of SageMaker). */
    partOf: ZSlug.nullable().default(null),
  })
  .strict();
export type ToolRelations = z.infer<typeof ZToolRelations>;
export const NO_RELATIONS: ToolRelations = { requires: [], implies: [], companions: [], partOf: null };

/** A dated source for catalog facts. */
export const ZSource = z
  .object({
    url: ZHttpUrl,
    /** Which facts it supports. */
    supports: uniqueList(z.enum(SOURCE_FACTS), "supports").min(1, "must name at least one fact it supports"),
    /** The day someone last checked the source said so. */
    checked: ZIsoDate,
    note: ZText(200).optional(),
  })
  .strict();
export type Source = z.infer<typeof ZSource>;

/** What `npm run catalog:refresh` last read from the tool's repository. */
export const ZFreshness = z
  .object({
    checked: ZIsoDate,
    latestRelease: z
      .object({ version: ZText(80), date: ZIsoDate })
      .strict()
      .nullable(),
    /** The day of the repository's last push. */
    lastActivity: ZIsoDate.nullable(),
    archived: z.boolean(),
  })
  .strict();
export type Freshness = z.infer<typeof ZFreshness>;

export const ZToolInput = z
  .object({
    slug: ZSlug,
    name: ZText(80),
    summary: ZText(160),
    description: ZText(4000),
    homepage: ZHttpUrl,
    repository: ZHttpUrl.nullable().default(null),
    license: z
      .string()
      .trim()
      .min(1, "must not be empty")
      .max(120)
      .refine(isKnownLicense, 'must be an SPDX licence id or expression we know (e.g. Apache-2.0), or "proprietary"'),
    pricing: z.enum(PRICING_MODELS),
    hosting: uniqueList(z.enum(HOSTING_OPTIONS), "hosting").min(1, "must list at least one hosting option"),
    clouds: uniqueList(z.enum(CLOUDS), "clouds").min(1, "must list at least one cloud (or any)"),
    needsKubernetes: z.boolean(),
    stages: uniqueList(z.literal(MATURITY_STAGES, { error: "must be a maturity stage from 1 to 4" }), "stages")
      .min(1, "must list at least one maturity stage")
      .overwrite((list) => [...list].sort((a, b) => a - b)),
    opsComplexity: z.number().int().min(RATING_MIN).max(RATING_MAX),
    learningCurve: z.number().int().min(RATING_MIN).max(RATING_MAX),
    teamSizes: uniqueList(z.enum(TEAM_SIZES), "teamSizes").min(1, "must list at least one team size"),
    capabilities: z
      .object({
        primary: uniqueList(ZSlug, "capabilities.primary").min(1, "must list at least one primary capability"),
        secondary: uniqueList(ZSlug, "capabilities.secondary").default([]),
      })
      .strict(),
    integrations: uniqueList(ZSlug, "integrations").default([]),
    strengths: z.array(ZText(300)).min(1, "must list at least one strength").max(8),
    limitations: z.array(ZText(300)).min(1, "must list at least one limitation").max(8),
    risks: z.array(ZRisk).max(5).default([]),
    status: z.enum(TOOL_STATUSES),
    successor: ZSlug.nullable().default(null),
    statusNote: ZText(600).nullable().default(null),
    lastReviewed: ZIsoDate,
    /** A company sells support or an enterprise subscription for this software (the provider, for cloud services). */
    vendorSupport: z.boolean().default(false),
    relations: ZToolRelations.default(NO_RELATIONS),
    sources: z.array(ZSource).max(12).default([]),
    /** Days between reviews; null: by volatility (src/domain/catalog/freshness.ts). */
    reviewIntervalDays: z.number().int().min(30).max(730).nullable().default(null),
    freshness: ZFreshness.nullable().default(null),
  })
  .strict()
  .superRefine((tool, ctx) => {
    if (isRetiredStatus(tool.status) && !tool.successor) {
      ctx.addIssue({
        code: "custom",
        path: ["successor"],
        message: `is required when status is "${tool.status}" (name the catalog tool to use instead)`,
      });
    }
    if (tool.status !== "active" && !tool.statusNote) {
      ctx.addIssue({ code: "custom", path: ["statusNote"], message: `is required when status is "${tool.status}"` });
    }
    if (tool.successor === tool.slug) {
      ctx.addIssue({ code: "custom", path: ["successor"], message: "must not be the tool itself" });
    }
    if (tool.integrations.includes(tool.slug)) {
      ctx.addIssue({ code: "custom", path: ["integrations"], message: "must not list the tool itself" });
    }
    const related = [
      ...tool.relations.requires.flat(),
      ...tool.relations.implies,
      ...tool.relations.companions,
      ...(tool.relations.partOf ? [tool.relations.partOf] : []),
    ];
    if (related.includes(tool.slug)) {
      ctx.addIssue({ code: "custom", path: ["relations"], message: "must not name the tool itself" });
    }
    const both = tool.capabilities.primary.filter((slug) => tool.capabilities.secondary.includes(slug));
    if (both.length > 0) {
      ctx.addIssue({
        code: "custom",
        path: ["capabilities", "secondary"],
        message: `lists ${both.join(", ")} which is already primary`,
      });
    }
  });
export type ToolInput = z.infer<typeof ZToolInput>;
export type ToolInputRaw = z.input<typeof ZToolInput>;

export const ZCapabilityRole = z.enum(CAPABILITY_ROLES);
