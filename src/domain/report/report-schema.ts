import { z } from "zod";
import { CONSTRAINT_KEYS, CONSTRAINT_VALUES } from "../assessment/constraint-values";
import type { ReportData } from "./report-data";

/**
 * The JSON export's schema. public/schemas/report.schema.json is generated from it (`npm run report:schema`), and a
 * test checks that real exports validate against that file and that it is up to date. The type assertion at the end
 * keeps this schema in step with the TypeScript types the engine produces.
 */

const ZHorizon = z.enum(["now", "next", "later"]);
const ZStage = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]);
const ZScoreComponent = z.object({ key: z.string(), label: z.string(), points: z.number(), note: z.string() });
const ZChoice = z.object({
  slug: z.string(),
  name: z.string(),
  score: z.number(),
  breakdown: z.array(ZScoreComponent),
});

export const ZRecommendation = z.object({
  engineVersion: z.string(),
  stage: ZStage,
  items: z.array(
    z.object({
      capability: z.string(),
      capabilityName: z.string(),
      phase: z.string(),
      horizon: ZHorizon,
      adoptAtStage: ZStage,
      trigger: z.string(),
      drivers: z.array(z.string()),
      change: z.enum(["keep", "adopt", "replace"]),
      pick: ZChoice.extend({
        reasons: z.array(z.string()),
        isKept: z.boolean(),
        inUse: z.boolean(),
        companions: z.array(z.object({ slug: z.string(), name: z.string(), why: z.string(), inUse: z.boolean() })),
        isMainJob: z.boolean(),
        cost: z.string(),
        effort: z.string(),
      }).nullable(),
      alternatives: z.array(ZChoice.extend({ whyNot: z.string() })),
      uncoveredReason: z.string().optional(),
      inPlaceBy: z.object({ questionId: z.string(), answer: z.string() }).optional(),
      triggerMet: z.string().optional(),
      deferred: z.string().optional(),
      tossUp: z
        .object({
          slug: z.string(),
          name: z.string(),
          margin: z.number(),
          chooseIf: z.string(),
          chooseOtherIf: z.string(),
        })
        .optional(),
      replaces: z.object({ slug: z.string(), name: z.string(), reason: z.string(), migration: z.string() }).optional(),
    }),
  ),
  toolCount: z.object({
    inPlace: z.number().int(),
    now: z.number().int(),
    next: z.number().int(),
    later: z.number().int(),
  }),
  trainsModels: z.boolean(),
  omitted: z.array(z.object({ capability: z.string(), name: z.string(), reason: z.string() })),
  nowBudget: z.object({ limit: z.number().int(), used: z.number().int(), why: z.string() }),
  assumptions: z.array(
    z.object({ key: z.string(), question: z.string(), assumed: z.string(), wouldChange: z.string() }),
  ),
  excluded: z.array(
    z.object({
      slug: z.string(),
      name: z.string(),
      reasons: z.array(z.string()),
      successor: z.object({ slug: z.string(), name: z.string() }).optional(),
    }),
  ),
  warnings: z.array(
    z.object({
      kind: z.enum([
        "uncovered",
        "sprawl",
        "overlap",
        "weak-integration",
        "replaced-tool",
        "retired-tool-in-use",
        "risk",
        "over-engineering",
      ]),
      message: z.string(),
      capability: z.string().optional(),
      tools: z.array(z.string()).optional(),
    }),
  ),
  constraintNotes: z.array(z.string()),
});

const ZPractice = z.object({ capability: z.string(), questionId: z.string(), answer: z.string() });

const ZSinceLast = z.object({
  parent: z.object({ id: z.string(), createdAt: z.string() }),
  reason: z.enum(["rerun", "edited"]),
  stage: z.object({ from: z.number(), to: z.number() }).nullable(),
  overall: z.object({ from: z.number(), to: z.number() }),
  dimensions: z.array(z.object({ slug: z.string(), name: z.string(), from: z.number(), to: z.number() })),
  answers: z.array(z.object({ questionId: z.string(), prompt: z.string(), from: z.string(), to: z.string() })),
  picks: z.array(
    z.object({
      kind: z.enum(["added", "removed", "replaced", "moved"]),
      capability: z.string(),
      capabilityName: z.string(),
      from: z.string().nullable(),
      to: z.string().nullable(),
      horizonFrom: ZHorizon.optional(),
      horizonTo: ZHorizon.optional(),
      why: z.string(),
    }),
  ),
  isUnchanged: z.boolean(),
});

const ZCatalogNotice = z.object({
  changes: z.array(
    z.object({
      slug: z.string(),
      name: z.string(),
      kind: z.enum(["retired", "relicensed", "replaced", "removed"]),
      detail: z.string(),
      capabilities: z.array(z.string()),
      successor: z.object({ slug: z.string(), name: z.string() }).optional(),
    }),
  ),
});

const ZReference = z.object({ level: z.number().int(), name: z.string(), reason: z.string() });

export const ZProfile = z.object({
  questionnaireVersion: z.string(),
  stage: ZStage,
  stageName: z.string(),
  overall: z.object({
    mean: z.number(),
    weakest: z.number(),
    weakestDimensions: z.array(z.string()),
    level: z.number(),
    cappedByWeakest: z.boolean(),
    range: z.object({ low: z.number(), high: z.number() }),
  }),
  dimensions: z.array(
    z.object({
      slug: z.string(),
      name: z.string(),
      score: z.number().min(0).max(4),
      unknownShare: z.number().min(0).max(1),
      hiddenShare: z.number().min(0).max(1),
      range: z.object({ low: z.number(), high: z.number() }),
      drivers: z.array(
        z.object({
          questionId: z.string(),
          prompt: z.string(),
          dimension: z.string(),
          weight: z.number(),
          level: z.number(),
          answer: z.string(),
          isDontKnow: z.boolean(),
          isHidden: z.boolean(),
        }),
      ),
    }),
  ),
  microsoftLevel: ZReference,
  googleLevel: ZReference,
  actionItems: z.array(
    z.object({
      dimension: z.string(),
      dimensionName: z.string(),
      questionId: z.string(),
      text: z.string(),
      priority: z.enum(["high", "medium", "low"]),
      /** The capability whose pick closes this action, when the scoring says so. */
      closes: z.string().optional(),
      isDiscovery: z.boolean().optional(),
    }),
  ),
  dontKnowCount: z.number().int(),
  practices: z.object({
    covered: z.array(ZPractice),
    needed: z.array(ZPractice),
  }),
  constraints: z.object({
    cloud: z.enum(CONSTRAINT_VALUES.cloud),
    environments: z.array(z.enum(CONSTRAINT_VALUES.environments)),
    airGapped: z.boolean(),
    kubernetes: z.enum(CONSTRAINT_VALUES.kubernetes),
    training: z.enum(CONSTRAINT_VALUES.training),
    gpus: z.enum(CONSTRAINT_VALUES.gpus),
    llmHosting: z.enum(CONSTRAINT_VALUES.llmHosting),
    unknown: z.array(z.enum(CONSTRAINT_KEYS)),
    licensePolicy: z.enum(CONSTRAINT_VALUES.licensePolicy),
    hostingPreference: z.enum(["managed", "self-hosted", "no-preference"]),
    budget: z.enum(["none", "small", "moderate", "large"]),
    teamSize: z.enum(["solo", "small", "medium", "large"]),
    modelsInProduction: z.enum(["none", "few", "several", "many"]),
    regulated: z.boolean(),
    llmApplications: z.enum(["yes", "planned", "no"]),
    toolsInUse: z.array(z.string()),
  }),
});

/** 1.1: absolute $schema; catalogRevision, sinceLast, catalogNotice, followUps and action items' `closes`. */
export const REPORT_SCHEMA_VERSION = "1.1";
export const REPORT_SCHEMA_PATH = "/schemas/report.schema.json";

export const ZReportJson = z
  .object({
    $schema: z.url(),
    schemaVersion: z.literal(REPORT_SCHEMA_VERSION),
    generatedAt: z.string(),
    assessment: z.object({
      id: z.string(),
      createdAt: z.string(),
      questionnaireVersion: z.string(),
      parentId: z.string().nullable(),
      catalogRevision: z.number().int().nullable().optional(),
    }),
    profile: ZProfile,
    recommendation: ZRecommendation,
    phases: z.array(z.object({ slug: z.string(), name: z.string(), order: z.number(), isOverlay: z.boolean() })),
    sinceLast: ZSinceLast.nullable().optional(),
    catalogNotice: ZCatalogNotice.nullable().optional(),
    followUps: z.array(z.object({ id: z.string(), createdAt: z.string() })).optional(),
  })
  .meta({
    title: "MLOps Stack Advisor report",
    description: "A maturity assessment and its staged, explained tool stack.",
  });

export type ReportJson = z.infer<typeof ZReportJson>;

/** The JSON export; `$schema` is absolute, under the app's public origin, so validators can fetch it. */
export function toReportJson(data: ReportData, generatedAt: string, origin: string): ReportJson {
  const $schema = `${origin.replace(/\/+$/, "")}${REPORT_SCHEMA_PATH}`;
  return { $schema, schemaVersion: REPORT_SCHEMA_VERSION, generatedAt, ...data };
}

// Compile-time check: the engine's types fit the schema.
type Fits<T extends z.input<typeof ZReportJson>> = T;
export type _ReportFitsSchema = Fits<ReturnType<typeof toReportJson>>;
