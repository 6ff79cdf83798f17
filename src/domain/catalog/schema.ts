import { z } from "zod";
import { isKnownLicense } from "./licenses";
import {
  CAPABILITY_ROLES,
  CLOUDS,
  HOSTING_OPTIONS,
  type MATURITY_STAGES,
  PRICING_MODELS,
  RATING_MAX,
  RATING_MIN,
  RISK_KINDS,
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

export const ZCapability = z
  .object({
    slug: ZSlug,
    name: ZText(80),
    phase: ZSlug,
    description: ZText(800),
    /** The maturity stage at which a typical team first needs this capability. */
    neededFromStage: z.number().int().min(1).max(4),
  })
  .strict();
export type Capability = z.infer<typeof ZCapability>;

export const ZRisk = z
  .object({
    kind: z.enum(RISK_KINDS),
    note: ZText(400),
  })
  .strict();
export type Risk = z.infer<typeof ZRisk>;

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
    stages: uniqueList(z.number().int().min(1).max(4), "stages")
      .min(1, "must list at least one maturity stage")
      .transform((list) => [...list].sort((a, b) => a - b) as (typeof MATURITY_STAGES)[number][]),
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
