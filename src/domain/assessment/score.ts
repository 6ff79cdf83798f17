import { STAGE_NAMES, type MaturityStage } from "../catalog/vocabulary";
import { DONT_KNOW, isQuestionVisible, type Answers } from "./answer-model";
import { readConstraints, type Constraints } from "./constraints";
import type { Question, Questionnaire } from "./questionnaire-schema";

/**
 * Turns answers into a maturity profile. Deterministic and pure. The model, and why it is built this way, is
 * documented in docs/scoring.md:
 * - every scored question gives a level 0–4; "don't know" and questions hidden by an earlier answer count as 0;
 * - a dimension is the weighted mean of its questions' levels;
 * - the overall level is the mean of the dimensions, capped at one level above the weakest dimension (Google's ML
 *   Test Score takes the minimum; we soften that by one level so one gap does not erase all other progress);
 * - the stage follows from the overall level through STAGE_THRESHOLDS.
 */

/** Overall level at or above which a team is at stage 2, 3 and 4. Between two stages, the lower one. */
export const STAGE_THRESHOLDS = { 2: 1.25, 3: 2.25, 4: 3.25 } as const;

/** How far above its weakest dimension a team's overall level may be: the weakest link caps the stage. */
export const WEAKEST_LINK_ALLOWANCE = 1;

/** Maximum level of a dimension or question. */
export const MAX_LEVEL = 4;

export type QuestionScore = {
  questionId: string;
  prompt: string;
  dimension: string;
  weight: number;
  level: number;
  answer: string;
  isDontKnow: boolean;
  isHidden: boolean;
};

export type DimensionScore = {
  slug: string;
  name: string;
  /** Weighted mean of the question levels, 0–4, rounded to one decimal ("don't know" counts as 0 here). */
  score: number;
  /** Share (0–1) of the dimension's weight answered "don't know". */
  unknownShare: number;
  /** Share (0–1) of the dimension's weight hidden as not applicable yet (e.g. monitoring before production). */
  hiddenShare: number;
  /** The score if every "don't know" were the weakest and the strongest answer: a range, not a measurement. */
  range: { low: number; high: number };
  /** The answers behind the score, weakest first. */
  drivers: QuestionScore[];
};

export type ActionItem = {
  dimension: string;
  dimensionName: string;
  questionId: string;
  text: string;
  priority: "high" | "medium" | "low";
  /** The capability whose adoption closes this gap (from the question's options' `covers`), if any. */
  closes?: string;
  /** True for "find out" actions that come from a "don't know" answer. */
  isDiscovery?: boolean;
};

export type ReferenceLevel = { level: number; name: string; reason: string };

/** An answer that shows a practice in place (covers) or needs a capability now (needs). */
export type Practice = { capability: string; questionId: string; answer: string };

export type MaturityProfile = {
  questionnaireVersion: string;
  stage: MaturityStage;
  stageName: string;
  overall: {
    /** Mean of the dimension scores. */
    mean: number;
    /** Lowest dimension score. */
    weakest: number;
    weakestDimensions: string[];
    /** min(mean, weakest + allowance): what the stage is read from. */
    level: number;
    cappedByWeakest: boolean;
    /** The overall level if every "don't know" were the weakest / the strongest answer. */
    range: { low: number; high: number };
  };
  dimensions: DimensionScore[];
  microsoftLevel: ReferenceLevel;
  googleLevel: ReferenceLevel;
  actionItems: ActionItem[];
  dontKnowCount: number;
  constraints: Constraints;
  /** Capabilities the answers show in place, and capabilities they make necessary now. */
  practices: { covered: Practice[]; needed: Practice[] };
};

const round1 = (n: number) => Math.round(n * 10) / 10;
const round2 = (n: number) => Math.round(n * 100) / 100;

function optionLabel(question: Question, value: string): string {
  return question.options.find((o) => o.value === value)?.label ?? value;
}

function scoreQuestion(question: Question & { dimension: string }, answers: Answers, visible: boolean): QuestionScore {
  const base = {
    questionId: question.id,
    prompt: question.prompt,
    dimension: question.dimension,
    weight: question.weight,
  };
  const answer = answers[question.id];
  if (!visible) return { ...base, level: 0, answer: "Not applicable yet", isDontKnow: false, isHidden: true };
  if (answer === undefined || answer === DONT_KNOW) {
    return {
      ...base,
      level: 0,
      answer: answer === DONT_KNOW ? "Don't know" : "Not answered",
      isDontKnow: answer === DONT_KNOW,
      isHidden: false,
    };
  }
  switch (question.kind) {
    case "single": {
      const option = question.options.find((o) => o.value === answer);
      return {
        ...base,
        level: option?.level ?? 0,
        answer: optionLabel(question, String(answer)),
        isDontKnow: false,
        isHidden: false,
      };
    }
    case "multi": {
      const chosen = Array.isArray(answer) ? answer : [];
      const points = question.options
        .filter((o) => chosen.includes(o.value))
        .reduce((sum, o) => sum + (o.level ?? 0), 0);
      const label = chosen.length === 0 ? "None of these" : chosen.map((v) => optionLabel(question, v)).join("; ");
      return { ...base, level: Math.min(MAX_LEVEL, points), answer: label, isDontKnow: false, isHidden: false };
    }
    case "scale": {
      const value = typeof answer === "number" ? answer : 0;
      const label = `${value} of 4${question.scale ? ` (0 = ${question.scale.minLabel}, 4 = ${question.scale.maxLabel})` : ""}`;
      return { ...base, level: value, answer: label, isDontKnow: false, isHidden: false };
    }
    case "tools":
      return { ...base, level: 0, answer: "", isDontKnow: false, isHidden: false };
  }
}

function actionTexts(question: Question, answers: Answers, visible: boolean): string[] {
  if (!visible) return [];
  const answer = answers[question.id];
  if (answer === DONT_KNOW) return [`Find out: ${question.prompt} Until you know, plan as if it is not in place.`];
  if (question.kind === "single") {
    const gap = question.options.find((o) => o.value === answer)?.gap;
    return gap
      ? [gap]
      : answer === undefined
        ? question.options.filter((o) => o.level === 0 && o.gap).map((o) => o.gap!)
        : [];
  }
  if (question.kind === "multi") {
    const chosen = Array.isArray(answer) ? answer : [];
    return question.options.filter((o) => o.gap && !chosen.includes(o.value)).map((o) => o.gap!);
  }
  if (question.kind === "scale") {
    const value = typeof answer === "number" ? answer : 0;
    return value <= 1 && question.scale?.gap ? [question.scale.gap] : [];
  }
  return [];
}

function stageFor(level: number): MaturityStage {
  if (level >= STAGE_THRESHOLDS[4]) return 4;
  if (level >= STAGE_THRESHOLDS[3]) return 3;
  if (level >= STAGE_THRESHOLDS[2]) return 2;
  return 1;
}

/** Microsoft's MLOps maturity levels 0–4, read from the dimensions that define each level. */
function microsoftLevel(d: Record<string, number>): ReferenceLevel {
  const cicd = d["cicd-deployment"] ?? 0;
  const exp = d.experimentation ?? 0;
  const data = d["data-management"] ?? 0;
  const serving = d.serving ?? 0;
  const monitoring = d.monitoring ?? 0;
  if (cicd < 1) return { level: 0, name: "No MLOps", reason: "Builds, tests and releases are manual." };
  if (exp < 2 || data < 2)
    return {
      level: 1,
      name: "DevOps but no MLOps",
      reason: "Code is built and tested automatically, but training is not yet tracked and reproducible.",
    };
  if (cicd < 3 || serving < 2.5)
    return {
      level: 2,
      name: "Automated training",
      reason: "Training is tracked and reproducible; releasing a model still needs people.",
    };
  if (monitoring < 3 || cicd < 3.5)
    return {
      level: 3,
      name: "Automated model deployment",
      reason: "Models are released automatically; monitoring does not yet drive retraining.",
    };
  return {
    level: 4,
    name: "Full MLOps automated operations",
    reason: "Monitoring feeds automated retraining and release.",
  };
}

/** Google's MLOps levels 0–2. */
function googleLevel(d: Record<string, number>): ReferenceLevel {
  const cicd = d["cicd-deployment"] ?? 0;
  const exp = d.experimentation ?? 0;
  const data = d["data-management"] ?? 0;
  const monitoring = d.monitoring ?? 0;
  if (cicd >= 3.5 && monitoring >= 2.5 && exp >= 2.5 && data >= 2.5) {
    return {
      level: 2,
      name: "CI/CD pipeline automation",
      reason: "Pipelines themselves are built, tested and deployed automatically.",
    };
  }
  if (cicd >= 2.5 && exp >= 2.5 && data >= 2) {
    return {
      level: 1,
      name: "ML pipeline automation",
      reason: "Training runs as an automated pipeline (continuous training).",
    };
  }
  return { level: 0, name: "Manual process", reason: "Training and deployment are manual, script-driven steps." };
}

/** Scores one answer set against the questionnaire version it answered. Answers should be validated first. */
export function scoreAnswers(questionnaire: Questionnaire, answers: Answers): MaturityProfile {
  const byId = new Map(questionnaire.questions.map((q) => [q.id, q]));
  const dimensions: DimensionScore[] = questionnaire.dimensions.map((dimension) => {
    const questions = questionnaire.questions.filter(
      (q): q is Question & { dimension: string } => q.dimension === dimension.slug,
    );
    const drivers = questions.map((q) => scoreQuestion(q, answers, isQuestionVisible(q, answers, byId)));
    const totalWeight = drivers.reduce((sum, q) => sum + q.weight, 0);
    const weighted = drivers.reduce((sum, q) => sum + q.level * q.weight, 0);
    const unknownWeight = drivers.filter((q) => q.isDontKnow).reduce((sum, q) => sum + q.weight, 0);
    const hiddenWeight = drivers.filter((q) => q.isHidden).reduce((sum, q) => sum + q.weight, 0);
    const score = totalWeight === 0 ? 0 : weighted / totalWeight;
    const share = (w: number) => (totalWeight === 0 ? 0 : round2(w / totalWeight));
    return {
      slug: dimension.slug,
      name: dimension.name,
      score: round1(score),
      unknownShare: share(unknownWeight),
      hiddenShare: share(hiddenWeight),
      range: {
        low: round1(score),
        high: round1(totalWeight === 0 ? 0 : (weighted + unknownWeight * MAX_LEVEL) / totalWeight),
      },
      drivers: [...drivers].sort(
        (a, b) => a.level - b.level || b.weight - a.weight || a.questionId.localeCompare(b.questionId),
      ),
    };
  });

  const scores = dimensions.map((d) => d.score);
  const mean = round1(scores.reduce((s, x) => s + x, 0) / Math.max(1, scores.length));
  const weakest = Math.min(...scores);
  const level = round1(Math.min(mean, weakest + WEAKEST_LINK_ALLOWANCE));
  const stage = stageFor(level);
  const byDimension = Object.fromEntries(dimensions.map((d) => [d.slug, d.score]));
  const weakestDimensions = dimensions.filter((d) => d.score === weakest).map((d) => d.slug);
  const highs = dimensions.map((d) => d.range.high);
  const highMean = highs.reduce((s, x) => s + x, 0) / Math.max(1, highs.length);
  const range = { low: level, high: round1(Math.min(highMean, Math.min(...highs) + WEAKEST_LINK_ALLOWANCE)) };

  const actionItems: ActionItem[] = [];
  for (const question of questionnaire.questions) {
    if (!question.dimension) continue;
    const dimension = dimensions.find((d) => d.slug === question.dimension);
    if (!dimension) continue;
    const closes = question.options.flatMap((o) => o.covers ?? [])[0];
    for (const text of actionTexts(question, answers, isQuestionVisible(question, answers, byId))) {
      const isWeakest = weakestDimensions.includes(dimension.slug);
      const priority = isWeakest || question.weight >= 2 ? "high" : dimension.score < mean ? "medium" : "low";
      actionItems.push({
        dimension: dimension.slug,
        dimensionName: dimension.name,
        questionId: question.id,
        text,
        priority,
        ...(closes ? { closes } : {}),
        ...(answers[question.id] === DONT_KNOW ? { isDiscovery: true } : {}),
      });
    }
  }
  const rank = { high: 0, medium: 1, low: 2 } as const;
  actionItems.sort(
    (a, b) =>
      rank[a.priority] - rank[b.priority] ||
      (byDimension[a.dimension] ?? 0) - (byDimension[b.dimension] ?? 0) ||
      (byId.get(b.questionId)?.weight ?? 1) - (byId.get(a.questionId)?.weight ?? 1) ||
      questionnaire.questions.indexOf(byId.get(a.questionId)!) -
        questionnaire.questions.indexOf(byId.get(b.questionId)!),
  );

  return {
    questionnaireVersion: questionnaire.version,
    stage,
    stageName: STAGE_NAMES[stage],
    overall: { mean, weakest, weakestDimensions, level, cappedByWeakest: level < mean, range },
    dimensions,
    microsoftLevel: microsoftLevel(byDimension),
    googleLevel: googleLevel(byDimension),
    actionItems,
    dontKnowCount: Object.values(answers).filter((a) => a === DONT_KNOW).length,
    constraints: readConstraints(questionnaire, answers),
    practices: readPractices(questionnaire, answers, byId),
  };
}

/**
 * Which capabilities the answers show in place (`covers`) or make necessary now (`needs`). Single choice: the chosen
 * option's. Multi choice: `covers` of ticked options, `needs` of options left unticked (like `gap`). Hidden and
 * "don't know" answers say nothing.
 */
export function readPractices(
  questionnaire: Questionnaire,
  answers: Answers,
  byId: Map<string, Question> = new Map(questionnaire.questions.map((q) => [q.id, q])),
): MaturityProfile["practices"] {
  const covered: Practice[] = [];
  const needed: Practice[] = [];
  for (const question of questionnaire.questions) {
    const answer = answers[question.id];
    if (answer === undefined || answer === DONT_KNOW || !isQuestionVisible(question, answers, byId)) continue;
    const push = (list: Practice[], capabilities: string[] | undefined, label: string) => {
      for (const capability of capabilities ?? [])
        if (!list.some((p) => p.capability === capability))
          list.push({ capability, questionId: question.id, answer: label });
    };
    if (question.kind === "single") {
      const option = question.options.find((o) => o.value === answer);
      if (!option) continue;
      push(covered, option.covers, option.label);
      push(needed, option.needs, option.label);
    } else if (question.kind === "multi" && Array.isArray(answer)) {
      for (const option of question.options) {
        if (answer.includes(option.value)) push(covered, option.covers, option.label);
        else push(needed, option.needs, `not ticked: ${option.label}`);
      }
    }
  }
  return { covered, needed: needed.filter((n) => !covered.some((c) => c.capability === n.capability)) };
}
