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
  /** Weighted mean of the question levels, 0–4, rounded to one decimal. */
  score: number;
  /** The answers behind the score, weakest first. */
  drivers: QuestionScore[];
};

export type ActionItem = {
  dimension: string;
  dimensionName: string;
  questionId: string;
  text: string;
  priority: "high" | "medium" | "low";
};

export type ReferenceLevel = { level: number; name: string; reason: string };

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
  };
  dimensions: DimensionScore[];
  microsoftLevel: ReferenceLevel;
  googleLevel: ReferenceLevel;
  actionItems: ActionItem[];
  dontKnowCount: number;
  constraints: Constraints;
};

const round1 = (n: number) => Math.round(n * 10) / 10;

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
    const score = totalWeight === 0 ? 0 : drivers.reduce((sum, q) => sum + q.level * q.weight, 0) / totalWeight;
    return {
      slug: dimension.slug,
      name: dimension.name,
      score: round1(score),
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

  const actionItems: ActionItem[] = [];
  for (const question of questionnaire.questions) {
    if (!question.dimension) continue;
    const dimension = dimensions.find((d) => d.slug === question.dimension);
    if (!dimension) continue;
    for (const text of actionTexts(question, answers, isQuestionVisible(question, answers, byId))) {
      const isWeakest = weakestDimensions.includes(dimension.slug);
      const priority = isWeakest || question.weight >= 2 ? "high" : dimension.score < mean ? "medium" : "low";
      actionItems.push({
        dimension: dimension.slug,
        dimensionName: dimension.name,
        questionId: question.id,
        text,
        priority,
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
    overall: { mean, weakest, weakestDimensions, level, cappedByWeakest: level < mean },
    dimensions,
    microsoftLevel: microsoftLevel(byDimension),
    googleLevel: googleLevel(byDimension),
    actionItems,
    dontKnowCount: Object.values(answers).filter((a) => a === DONT_KNOW).length,
    constraints: readConstraints(questionnaire, answers),
  };
}
