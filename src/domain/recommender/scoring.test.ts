import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { makeTool } from "../../../tests/fixtures/catalog-builders";
import { DEFAULT_CONSTRAINTS, type Constraints } from "../assessment/constraints";
import { CONSTRAINT_VALUES } from "../assessment/constraint-values";
import { HOSTING_OPTIONS, PRICING_MODELS, RISK_KINDS, TEAM_SIZES, type MaturityStage } from "../catalog/vocabulary";
import { scoreTool, scoreToolTotal, total } from "./scoring";

const stage = fc.constantFrom<MaturityStage>(1, 2, 3, 4);
const arbitraryTool = fc
  .record({
    hosting: fc.uniqueArray(fc.constantFrom(...HOSTING_OPTIONS), { minLength: 1 }),
    clouds: fc.constantFrom<("any" | "aws" | "gcp" | "azure")[]>(["any"], ["aws"], ["gcp"], ["azure"], ["aws", "gcp"]),
    stages: fc.uniqueArray(stage, { minLength: 1 }),
    opsComplexity: fc.integer({ min: 1, max: 5 }),
    learningCurve: fc.integer({ min: 1, max: 5 }),
    pricing: fc.constantFrom(...PRICING_MODELS),
    isOpenSource: fc.boolean(),
    needsKubernetes: fc.boolean(),
    primary: fc.boolean(),
    status: fc.constantFrom("active" as const, "maintenance" as const),
    risks: fc.array(fc.constantFrom(...RISK_KINDS), { maxLength: 3 }),
    integrations: fc.integer({ min: 0, max: 40 }),
    archived: fc.boolean(),
  })
  .map((t) =>
    makeTool({
      slug: "tool",
      hosting: t.hosting,
      clouds: t.clouds,
      stages: t.stages,
      opsComplexity: t.opsComplexity,
      learningCurve: t.learningCurve,
      pricing: t.pricing,
      isOpenSource: t.isOpenSource,
      needsKubernetes: t.needsKubernetes,
      capabilities: t.primary ? { primary: ["job"], secondary: [] } : { primary: ["other"], secondary: ["job"] },
      status: t.status,
      risks: t.risks.map((kind) => ({ kind, note: kind })),
      integrations: Array.from({ length: t.integrations }, (_, i) => `partner-${i}`),
      freshness: t.archived ? { checked: "2026-11-01", latestRelease: null, lastActivity: null, archived: true } : null,
    }),
  );
const arbitraryConstraints: fc.Arbitrary<Constraints> = fc.record({
  ...Object.fromEntries(Object.entries(DEFAULT_CONSTRAINTS).map(([k, v]) => [k, fc.constant(v)])),
  environments: fc.uniqueArray(fc.constantFrom(...CONSTRAINT_VALUES.environments), { maxLength: 3 }),
  cloud: fc.constantFrom(...CONSTRAINT_VALUES.cloud),
  airGapped: fc.boolean(),
  kubernetes: fc.constantFrom(...CONSTRAINT_VALUES.kubernetes),
  hostingPreference: fc.constantFrom(...CONSTRAINT_VALUES.hostingPreference),
  licensePolicy: fc.constantFrom(...CONSTRAINT_VALUES.licensePolicy),
  budget: fc.constantFrom(...CONSTRAINT_VALUES.budget),
  teamSize: fc.constantFrom(...TEAM_SIZES),
}) as fc.Arbitrary<Constraints>;

describe("scoring", () => {
  test("the fast numeric total equals the total of the explained breakdown, for any tool, job and team", () => {
    fc.assert(
      fc.property(arbitraryTool, arbitraryConstraints, stage, stage, stage, (tool, c, teamStage, adopt, needed) => {
        const slot = {
          capability: "job",
          capabilityName: "Job",
          adoptAtStage: adopt,
          neededFromStage: needed,
          critical: adopt === needed,
        };
        expect(scoreToolTotal(tool, slot, c, teamStage, "2026-12-03")).toBeCloseTo(
          total(scoreTool(tool, slot, c, teamStage, "2026-12-03")),
          6,
        );
      }),
      { numRuns: 2000 },
    );
  });
});
