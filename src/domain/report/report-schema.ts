import { z } from "zod";
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
        companions: z.array(z.object({ slug: z.string(), name: z.string(), why: z.string() })),
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
  }),
  dimensions: z.array(
    z.object({
      slug: z.string(),
      name: z.string(),
      score: z.number().min(0).max(4),
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
    }),
  ),
  dontKnowCount: z.number().int(),
  constraints: z.object({
    cloud: z.enum(["aws", "gcp", "azure", "on-premises", "multi-cloud", "undecided"]),
    airGapped: z.boolean(),
    kubernetes: z.enum(["yes", "planned", "no"]),
    licensePolicy: z.enum(["open-source-only", "prefer-open-source", "any"]),
    hostingPreference: z.enum(["managed", "self-hosted", "no-preference"]),
    budget: z.enum(["none", "small", "moderate", "large"]),
    teamSize: z.enum(["solo", "small", "medium", "large"]),
    modelsInProduction: z.enum(["none", "few", "several", "many"]),
    regulated: z.boolean(),
    llmApplications: z.enum(["yes", "planned", "no"]),
    toolsInUse: z.array(z.string()),
  }),
});

export const REPORT_SCHEMA_VERSION = "1.0";
export const REPORT_SCHEMA_PATH = "/schemas/report.schema.json";

export const ZReportJson = z
  .object({
    $schema: z.string(),
    schemaVersion: z.literal(REPORT_SCHEMA_VERSION),
    generatedAt: z.string(),
    assessment: z.object({
      id: z.string(),
      createdAt: z.string(),
      questionnaireVersion: z.string(),
      parentId: z.string().nullable(),
    }),
    profile: ZProfile,
    recommendation: ZRecommendation,
    phases: z.array(z.object({ slug: z.string(), name: z.string(), order: z.number(), isOverlay: z.boolean() })),
  })
  .meta({
    title: "MLOps Stack Advisor report",
    description: "A maturity assessment and its staged, explained tool stack.",
  });

export type ReportJson = z.infer<typeof ZReportJson>;

export function toReportJson(data: ReportData, generatedAt: string): ReportJson {
  return { $schema: REPORT_SCHEMA_PATH, schemaVersion: REPORT_SCHEMA_VERSION, generatedAt, ...data };
}

// Compile-time check: the engine's types fit the schema.
type Fits<T extends z.input<typeof ZReportJson>> = T;
export type _ReportFitsSchema = Fits<ReturnType<typeof toReportJson>>;
