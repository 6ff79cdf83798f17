import { z } from "zod";
import { SLUG_PATTERN } from "../catalog/schema";
import { CONSTRAINT_KEYS, CONSTRAINT_VALUES } from "./constraint-values";

/**
 * The questionnaire's shape, validated when content/questionnaires/*.yaml loads. Scored questions belong to a
 * maturity dimension and every option carries its effect; constraint questions feed the recommender and do not
 * score. See docs/scoring.md for how answers become scores and a stage.
 */

const ZId = z.string().regex(SLUG_PATTERN, "must be lowercase-hyphenated (e.g. data-versioning)").max(64);
const ZText = (max: number) =>
  z.string().trim().min(1, "must not be empty").max(max, `must be at most ${max} characters`);

/** The maturity level a single answer shows, 0 (absent) … 4 (fully automated, measured, audited). */
export const ZLevel = z.number().min(0).max(4);

export const QUESTION_KINDS = ["single", "multi", "scale", "tools"] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

export { CONSTRAINT_KEYS, CONSTRAINT_VALUES, type ConstraintKey } from "./constraint-values";

export const ZOption = z
  .object({
    value: ZId,
    label: ZText(160),
    /** Scored single-choice: the level this answer shows. Scored multi-choice: points it adds (sum is capped at 4). */
    level: ZLevel.optional(),
    /**
     * Action item. Single choice: shown when this answer is chosen (the weak answers carry one). Multi choice: shown
     * when this practice is *not* ticked.
     */
    gap: ZText(200).optional(),
    description: ZText(300).optional(),
    /**
     * Capabilities this answer shows to be in place (single: when chosen; multi: when ticked). The recommender
     * keeps them as they are, even when no tool is named, and proposes a change only for a stated reason.
     */
    covers: z.array(ZId).optional(),
    /**
     * Capabilities this answer makes necessary now (single: when chosen; multi: when NOT ticked, like `gap`), e.g.
     * credentials shared in chat make secrets management a change for now.
     */
    needs: z.array(ZId).optional(),
  })
  .strict();
export type QuestionOption = z.infer<typeof ZOption>;

export const ZShowIf = z
  .object({
    question: ZId,
    /** Shown when the answer to `question` is one of these values (for multi: includes one of them). */
    anyOf: z.array(ZId).min(1),
  })
  .strict();
export type ShowIf = z.infer<typeof ZShowIf>;

export const ZQuestion = z
  .object({
    id: ZId,
    section: ZId,
    kind: z.enum(QUESTION_KINDS),
    prompt: ZText(220),
    help: ZText(600),
    /** Scored questions name their dimension; constraint questions name a constraint key instead. */
    dimension: ZId.optional(),
    constraint: z.enum(CONSTRAINT_KEYS).optional(),
    /** Relative weight inside its dimension (default 1): core practices weigh more. */
    weight: z.number().min(0.5).max(3).default(1),
    required: z.boolean().default(true),
    /** Offer "Don't know". It scores as the practice being absent (level 0) and is reported as uncertainty. */
    allowDontKnow: z.boolean().default(false),
    options: z.array(ZOption).default([]),
    /** For kind "scale": the labels of the 0…4 end points and the gap text for low answers (0 or 1). */
    scale: z
      .object({ minLabel: ZText(80), maxLabel: ZText(80), gap: ZText(200).optional() })
      .strict()
      .optional(),
    showIf: ZShowIf.optional(),
  })
  .strict()
  .superRefine((q, ctx) => {
    const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: "custom", path, message });
    if (Boolean(q.dimension) === Boolean(q.constraint))
      issue(["dimension"], "a question names either a dimension (scored) or a constraint, not both or neither");
    if (q.kind === "scale") {
      if (!q.scale) issue(["scale"], "is required for a scale question");
      if (q.options.length > 0) issue(["options"], "a scale question has no options");
      if (!q.dimension) issue(["dimension"], "a scale question must be scored");
    } else if (q.kind === "tools") {
      if (q.constraint !== "toolsInUse") issue(["constraint"], 'a tool picker fills the "toolsInUse" constraint');
    } else {
      if (q.options.length < 2) issue(["options"], "needs at least two options");
      const values = q.options.map((o) => o.value);
      if (new Set(values).size !== values.length) issue(["options"], "option values must be unique");
      if (q.dimension && q.options.some((o) => o.level === undefined))
        issue(["options"], "every option of a scored question needs a level");
      if (q.constraint && q.options.some((o) => o.level !== undefined))
        issue(["options"], "constraint options do not score");
      if (values.includes("dont-know")) issue(["options"], 'use allowDontKnow instead of a "dont-know" option');
      if (q.constraint) {
        const allowed: readonly string[] = CONSTRAINT_VALUES[q.constraint];
        const unknown = values.filter((v) => !allowed.includes(v));
        if (unknown.length > 0)
          issue(
            ["options"],
            `"${q.constraint}" options must be among ${allowed.join(", ")} (not ${unknown.join(", ")})`,
          );
      }
    }
    if (q.allowDontKnow && q.kind === "tools") issue(["allowDontKnow"], "a tool picker has no don't-know answer");
  });
export type Question = z.infer<typeof ZQuestion>;

export const ZDimension = z.object({ slug: ZId, name: ZText(60), description: ZText(400) }).strict();
export type Dimension = z.infer<typeof ZDimension>;

export const ZSection = z.object({ slug: ZId, title: ZText(60), intro: ZText(400) }).strict();
export type Section = z.infer<typeof ZSection>;

export const ZQuestionnaire = z
  .object({
    version: z.string().regex(/^\d{4}\.\d{2}\.\d+$/, "must look like 2026.11.1"),
    title: ZText(120),
    dimensions: z.array(ZDimension).min(6, "needs at least 6 dimensions"),
    sections: z.array(ZSection).min(1),
    questions: z.array(ZQuestion).min(1),
  })
  .strict()
  .superRefine((qn, ctx) => {
    const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: "custom", path, message });
    const dims = new Set(qn.dimensions.map((d) => d.slug));
    const sections = new Set(qn.sections.map((s) => s.slug));
    const seen = new Map<string, number>();
    qn.questions.forEach((q, i) => {
      if (seen.has(q.id)) issue(["questions", i, "id"], `duplicate question id "${q.id}"`);
      if (q.dimension && !dims.has(q.dimension))
        issue(["questions", i, "dimension"], `unknown dimension "${q.dimension}"`);
      if (!sections.has(q.section)) issue(["questions", i, "section"], `unknown section "${q.section}"`);
      if (q.showIf) {
        const target = seen.get(q.showIf.question);
        if (target === undefined)
          issue(["questions", i, "showIf", "question"], `must refer to an earlier question ("${q.showIf.question}")`);
        else {
          const values = new Set(qn.questions[target]?.options.map((o) => o.value));
          for (const v of q.showIf.anyOf)
            if (!values.has(v))
              issue(["questions", i, "showIf", "anyOf"], `"${v}" is not an option of "${q.showIf.question}"`);
        }
      }
      seen.set(q.id, i);
    });
    for (const d of qn.dimensions) {
      const scored = qn.questions.filter((q) => q.dimension === d.slug);
      if (scored.length < 3)
        issue(["dimensions"], `dimension "${d.slug}" needs at least 3 questions (has ${scored.length})`);
    }
    const constraints = new Set(qn.questions.map((q) => q.constraint).filter(Boolean));
    for (const key of [
      "cloud",
      "airGapped",
      "kubernetes",
      "licensePolicy",
      "hostingPreference",
      "budget",
      "teamSize",
      "modelsInProduction",
      "regulated",
      "toolsInUse",
    ]) {
      if (!constraints.has(key as never)) issue(["questions"], `no question fills the "${key}" constraint`);
    }
  });
export type Questionnaire = z.infer<typeof ZQuestionnaire>;
