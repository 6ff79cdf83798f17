import "server-only";
import { z } from "zod";
import { createDocument } from "zod-openapi";
import { ZQuestionnaire } from "@/domain/assessment/questionnaire-schema";
import { FACET_VALUES, SORT_ORDERS } from "@/domain/catalog/search";
import { REQUIRED_SOURCE_FACTS } from "@/domain/catalog/freshness";
import { ZCapability, ZFreshness, ZPhase, ZSource, ZToolInput } from "@/domain/catalog/schema";
import { ZProfile, ZRecommendation } from "@/domain/report/report-schema";
import { ZAssessmentSubmission } from "../assessments/assessment-service";

/**
 * The OpenAPI 3.1 document of API v1, generated from the same zod schemas that validate requests, content and
 * exports. Nothing here restates a field by hand except the thin response envelopes.
 */

const ZApiError = z
  .object({
    error: z.object({
      code: z.string().meta({ example: "invalid_answers" }),
      message: z.string(),
      issues: z
        .array(z.object({ path: z.string().meta({ example: "answers.data-versioning" }), message: z.string() }))
        .optional(),
    }),
  })
  .meta({ id: "Error" });

const ZToolReview = z
  .object({
    intervalDays: z.number().int().meta({ description: "Days between reviews of this entry (by volatility, or set)." }),
    reason: z.string().meta({ example: "an LLMOps tool" }),
    dueOn: z.string().meta({ description: "The last day the entry counts as current: lastReviewed + intervalDays." }),
    isOutOfDate: z.boolean().meta({ description: "Past dueOn today: pages show “may be out of date”." }),
    undatedFacts: z
      .array(z.enum(REQUIRED_SOURCE_FACTS))
      .meta({ description: "Of status, license and pricing, those no source supports yet." }),
  })
  .meta({ id: "ToolReview", description: "How current the entry is, computed on the day of the request." });

const ZTool = ZToolInput.safeExtend({
  version: z.number().int(),
  isOpenSource: z.boolean(),
  sources: z.array(
    ZSource.meta({
      id: "Source",
      description:
        "Where facts come from: the URL, which facts it supports, and the day (YYYY-MM-DD) someone checked it said so.",
    }),
  ),
  freshness: ZFreshness.meta({
    id: "Freshness",
    description:
      "What npm run catalog:refresh last read from the tool's GitHub repository: latest full release, day of the last push, archived flag, and the day it looked (checked). Null until read; not a curated fact.",
  }).nullable(),
  review: ZToolReview,
}).meta({
  id: "Tool",
  description:
    "A catalog entry; capabilities, integrations and successor are slugs. lastReviewed is the day a maintainer last checked the entry against its sources.",
});

const ZSavedAssessment = z
  .object({
    id: z.string().meta({ description: "144 random bits, base64url: the only key to the assessment." }),
    url: z.string().meta({ example: "/r/abc…" }),
    createdAt: z.string(),
    questionnaireVersion: z.string(),
    parentId: z.string().nullable(),
    answers: z.record(z.string(), z.union([z.string(), z.array(z.string()), z.number()])),
    profile: ZProfile.meta({ id: "MaturityProfile" }),
  })
  .meta({ id: "SavedAssessment", description: "What was stored, with its scores." });

const ZAssessment = ZSavedAssessment.safeExtend({
  recommendation: ZRecommendation.meta({
    id: "Recommendation",
    description: "Worked out from the current catalog each time the assessment is read; not stored.",
  }),
}).meta({ id: "Assessment" });

const list = (values: readonly (string | number)[]) =>
  z
    .string()
    .optional()
    .meta({ description: `Comma-separated; any of: ${values.join(", ")}` });

const ZToolQuery = z.object({
  q: z
    .string()
    .max(200)
    .optional()
    .meta({ description: "Full-text search over name, summary, description and capabilities." }),
  phase: z.string().optional().meta({ description: "Comma-separated phase slugs." }),
  cap: z.string().optional().meta({ description: "Comma-separated capability slugs." }),
  license: list(FACET_VALUES.licenses),
  pricing: list(FACET_VALUES.pricing),
  hosting: list(FACET_VALUES.hosting),
  cloud: list(FACET_VALUES.clouds),
  k8s: list(FACET_VALUES.kubernetes),
  stage: list(FACET_VALUES.stages),
  status: list(FACET_VALUES.statuses),
  sort: z.enum(SORT_ORDERS).optional(),
  limit: z.string().optional().meta({ description: "Page size, 1–500 (default 100)." }),
  offset: z.string().optional().meta({ description: "Items to skip (default 0)." }),
});

const json = (schema: z.ZodType, description: string) => ({ description, content: { "application/json": { schema } } });
const errors = {
  "400": json(ZApiError, "Invalid request; `issues` name the fields."),
  "404": json(ZApiError, "Not found."),
  "429": json(ZApiError, "Rate limited; see Retry-After."),
  "503": json(ZApiError, "The database cannot be reached right now; retry after Retry-After seconds."),
} as const;
const idParam = { path: z.object({ id: z.string().meta({ description: "Assessment id" }) }) };

export function buildOpenApiDocument() {
  return createDocument({
    openapi: "3.1.0",
    info: {
      title: "MLOps Stack Advisor API",
      version: "1.0.0",
      description:
        "Read the curated MLOps tool catalog, submit a maturity assessment and get a staged, explained tool stack, and export it as Markdown, PDF or JSON. Reads are public and cacheable; writes need JSON and, from browsers, a same-origin request.",
    },
    servers: [{ url: "/" }],
    tags: [{ name: "Catalog" }, { name: "Assessments" }, { name: "Reports" }],
    paths: {
      "/api/v1/tools": {
        get: {
          tags: ["Catalog"],
          summary: "List tools, with the catalog's filters",
          requestParams: { query: ZToolQuery },
          responses: {
            "200": json(
              z.object({
                data: z.array(ZTool),
                meta: z.object({
                  total: z.number().int(),
                  limit: z.number().int(),
                  offset: z.number().int(),
                  catalogRevision: z.number().int(),
                }),
                links: z.object({ self: z.string(), next: z.string().nullable() }),
              }),
              "A page of tools.",
            ),
            "400": errors["400"],
            "503": errors["503"],
          },
        },
      },
      "/api/v1/tools/{slug}": {
        get: {
          tags: ["Catalog"],
          summary: "One tool",
          requestParams: { path: z.object({ slug: z.string() }) },
          responses: {
            "200": json(z.object({ data: ZTool }), "The tool."),
            "404": errors["404"],
            "503": errors["503"],
          },
        },
      },
      "/api/v1/capabilities": {
        get: {
          tags: ["Catalog"],
          summary: "Lifecycle phases and capabilities",
          responses: {
            "200": json(
              z.object({
                data: z.object({
                  phases: z.array(ZPhase.meta({ id: "Phase" })),
                  capabilities: z.array(
                    ZCapability.safeExtend({ toolCount: z.number().int() }).meta({ id: "Capability" }),
                  ),
                }),
              }),
              "Phases and capabilities.",
            ),
            "503": errors["503"],
          },
        },
      },
      "/api/v1/questionnaire": {
        get: {
          tags: ["Assessments"],
          summary: "The current questionnaire",
          responses: {
            "200": json(
              z.object({ data: ZQuestionnaire.meta({ id: "Questionnaire" }) }),
              "Questions, options, dimensions and rules.",
            ),
            "503": errors["503"],
          },
        },
      },
      "/api/v1/assessments": {
        post: {
          tags: ["Assessments"],
          summary:
            "Submit answers; get the saved assessment and its scores (GET `Location` adds the recommended stack)",
          requestBody: {
            content: { "application/json": { schema: ZAssessmentSubmission.meta({ id: "AssessmentSubmission" }) } },
          },
          responses: {
            "201": {
              ...json(ZSavedAssessment, "Saved. `Location` points at the assessment with its recommended stack."),
              headers: z.object({ Location: z.string() }),
            },
            "400": errors["400"],
            "403": json(ZApiError, "Cross-site request."),
            "413": json(ZApiError, "Body larger than 64 KB."),
            "415": json(ZApiError, "Not application/json."),
            "422": json(ZApiError, "Well-formed but not acceptable (old questionnaire version, unknown parent)."),
            "429": errors["429"],
            "503": errors["503"],
          },
        },
      },
      "/api/v1/assessments/{id}": {
        get: {
          tags: ["Assessments"],
          summary: "A saved assessment with its scores and recommendation",
          requestParams: idParam,
          responses: {
            "200": json(ZAssessment, "The assessment (private, not cached)."),
            "404": errors["404"],
            "503": errors["503"],
          },
        },
      },
      "/r/{id}/report.md": {
        get: {
          tags: ["Reports"],
          summary: "The report as GitHub-flavoured Markdown with a Mermaid diagram and absolute links",
          requestParams: idParam,
          responses: {
            "200": { description: "Markdown", content: { "text/markdown": { schema: z.string() } } },
            "404": errors["404"],
            "429": errors["429"],
            "503": errors["503"],
          },
        },
      },
      "/r/{id}/report.json": {
        get: {
          tags: ["Reports"],
          summary: "The full report as JSON, as it was made (absolute $schema: /schemas/report.schema.json)",
          requestParams: idParam,
          responses: {
            "200": {
              description: "Report JSON",
              content: { "application/json": { schema: z.object({}).passthrough() } },
            },
            "404": errors["404"],
            "429": errors["429"],
            "503": errors["503"],
          },
        },
      },
      "/r/{id}/radar.csv": {
        get: {
          tags: ["Reports"],
          summary: "The plan as a Thoughtworks Build Your Own Radar CSV",
          description:
            "Columns name, ring, quadrant, isNew, description. Rings: adopt = in place and now, trial = next, assess = later, hold = tools in use that the plan replaces. Four quadrants group the lifecycle phases.",
          requestParams: idParam,
          responses: {
            "200": { description: "CSV", content: { "text/csv": { schema: z.string() } } },
            "404": errors["404"],
            "429": errors["429"],
            "503": errors["503"],
          },
        },
      },
      "/r/{id}/radar.json": {
        get: {
          tags: ["Reports"],
          summary: "The plan as Build Your Own Radar JSON",
          requestParams: idParam,
          responses: {
            "200": json(
              z.array(
                z.object({
                  name: z.string(),
                  ring: z.enum(["adopt", "trial", "assess", "hold"]),
                  quadrant: z.string(),
                  isNew: z.enum(["TRUE", "FALSE"]),
                  description: z.string(),
                }),
              ),
              "One row per tool.",
            ),
            "404": errors["404"],
            "429": errors["429"],
            "503": errors["503"],
          },
        },
      },
      "/r/{id}/backstage-radar.json": {
        get: {
          tags: ["Reports"],
          summary: "The plan as Backstage tech-radar data (quadrants, rings, entries)",
          requestParams: idParam,
          responses: {
            "200": json(
              z.object({
                quadrants: z.array(z.object({ id: z.string(), name: z.string() })),
                rings: z.array(
                  z.object({ id: z.string(), name: z.string(), color: z.string(), description: z.string() }),
                ),
                entries: z.array(
                  z.object({
                    key: z.string(),
                    id: z.string(),
                    quadrant: z.string(),
                    title: z.string(),
                    description: z.string(),
                    links: z.array(z.object({ url: z.string(), title: z.string() })),
                    timeline: z.array(
                      z.object({ date: z.string(), ringId: z.string(), moved: z.number(), description: z.string() }),
                    ),
                  }),
                ),
              }),
              "The tech-radar plugin's loader response.",
            ),
            "404": errors["404"],
            "429": errors["429"],
            "503": errors["503"],
          },
        },
      },
      "/r/{id}/report.pdf": {
        get: {
          tags: ["Reports"],
          summary: "The report as PDF: executive summary, the diagram on a landscape page, the details as an appendix",
          requestParams: { ...idParam, query: z.object({ format: z.enum(["a4", "letter"]).optional() }) },
          responses: {
            "200": {
              description: "PDF",
              content: { "application/pdf": { schema: z.string().meta({ format: "binary" }) } },
            },
            "400": errors["400"],
            "404": errors["404"],
            "429": errors["429"],
            "503": json(
              ZApiError,
              "Chromium is not installed on this server, or the database cannot be reached right now (then with Retry-After).",
            ),
            "504": json(ZApiError, "Rendering took too long."),
          },
        },
      },
      "/api/health": {
        get: {
          tags: ["Catalog"],
          summary: "Liveness and database readiness",
          responses: {
            "200": json(
              z.object({
                status: z.literal("ok"),
                database: z.object({
                  backend: z.enum(["sqlite", "postgresql"]),
                  reachable: z.literal(true),
                  migrationLevel: z.string().nullable(),
                }),
              }),
              "Healthy.",
            ),
            "503": json(
              z.object({
                status: z.literal("unavailable"),
                database: z.object({ backend: z.enum(["sqlite", "postgresql"]), reachable: z.literal(false) }),
              }),
              "Database unreachable.",
            ),
          },
        },
      },
    },
  });
}
