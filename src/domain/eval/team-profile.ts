import { z } from "zod";
import { CONSTRAINT_KEYS } from "../assessment/constraint-values";
import { WARNING_KINDS } from "../recommender/types";

/**
 * A team profile of the judgement benchmark (eval/team-profiles.yaml): a team described as an architect would,
 * its answers, and what the plan must and must not contain. Written by people, never derived from the engine.
 */

const ZSlugList = z.array(z.string().min(1));
const ZAnswer = z.union([z.string(), z.array(z.string()), z.number()]);

export const ZTeamProfile = z
  .object({
    id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/),
    title: z.string().min(1),
    team: z.string().min(1),
    answers: z
      .object({
        maturity: z.record(z.string(), z.number().min(0).max(4)).optional(),
        answers: z.record(z.string(), ZAnswer).optional(),
        tools: ZSlugList.optional(),
      })
      .strict(),
    expect: z
      .object({
        stage: z.number().int().min(1).max(4).optional(),
        maxNewNow: z.number().int().min(0).optional(),
        /** Tools (alternatives separated by |) that must be in the plan. */
        include: ZSlugList.optional(),
        includeNow: ZSlugList.optional(),
        exclude: ZSlugList.optional(),
        kept: ZSlugList.optional(),
        inPlace: ZSlugList.optional(),
        now: ZSlugList.optional(),
        notNow: ZSlugList.optional(),
        absent: ZSlugList.optional(),
        nativeTo: z.record(z.string(), z.enum(["aws", "gcp", "azure"])).optional(),
        warnings: z.array(z.enum(WARNING_KINDS)).optional(),
        noWarnings: z.array(z.enum(WARNING_KINDS)).optional(),
        assumptions: z.array(z.enum(CONSTRAINT_KEYS)).optional(),
      })
      .strict(),
  })
  .strict();
export type TeamProfile = z.infer<typeof ZTeamProfile>;
export type TeamExpectations = TeamProfile["expect"];
