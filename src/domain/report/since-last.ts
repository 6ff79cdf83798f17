import type { MaturityProfile } from "../assessment/score";
import { diffRecommendations } from "../recommender/diff";
import type { Horizon, Recommendation } from "../recommender/types";
import type { CatalogNotice } from "./catalog-drift";

/**
 * "Since your last assessment": what changed between the assessment this one was made from (by editing its answers,
 * or by re-running the same answers on today's catalog) and this one. Stage, overall level and dimension moves; the
 * answers that changed; and picks added, removed, replaced or moved between now / next / later, each with why.
 */

export type SinceLastPick = {
  kind: "added" | "removed" | "replaced" | "moved";
  capability: string;
  capabilityName: string;
  /** The pick before (removed, replaced, moved) and after (added, replaced, moved). */
  from: string | null;
  to: string | null;
  horizonFrom?: Horizon;
  horizonTo?: Horizon;
  why: string;
};

export type SinceLast = {
  parent: { id: string; createdAt: string };
  /** "rerun": the same answers on today's catalog; "edited": answers changed. */
  reason: "rerun" | "edited";
  stage: { from: number; to: number } | null;
  overall: { from: number; to: number };
  dimensions: { slug: string; name: string; from: number; to: number }[];
  answers: { questionId: string; prompt: string; from: string; to: string }[];
  picks: SinceLastPick[];
  /** Nothing moved at all: the same stage, scores and stack. */
  isUnchanged: boolean;
};

type Side = { id: string; createdAt: string; profile: MaturityProfile; recommendation: Recommendation };

const HORIZON_WORDS: Record<Horizon, string> = { now: "now", next: "next", later: "later" };

function answersOf(profile: MaturityProfile): Map<string, { prompt: string; answer: string }> {
  const answers = new Map<string, { prompt: string; answer: string }>();
  for (const dimension of profile.dimensions)
    for (const q of dimension.drivers) answers.set(q.questionId, { prompt: q.prompt, answer: q.answer });
  return answers;
}

const CONSTRAINT_PROMPTS: Record<string, string> = {
  cloud: "Cloud",
  airGapped: "Air-gapped",
  kubernetes: "Kubernetes",
  licensePolicy: "Licence policy",
  hostingPreference: "Hosting preference",
  budget: "Budget",
  teamSize: "Team size",
  modelsInProduction: "Models in production",
  regulated: "Regulated",
  llmApplications: "LLM applications",
  toolsInUse: "Tools in use",
};

function constraintWords(value: unknown): string {
  if (Array.isArray(value)) return value.length === 0 ? "none" : value.join(", ");
  if (typeof value === "boolean") return value ? "yes" : "no";
  return String(value);
}

/**
 * Compares two assessments. `drift` (the catalog changes since the parent was made) explains picks that changed on a
 * re-run; otherwise a replaced or added pick is explained by its own first reason, and the changed answers are listed.
 */
export function describeSinceLast(before: Side, after: Side, drift: CatalogNotice | null = null): SinceLast {
  const oldAnswers = answersOf(before.profile);
  const newAnswers = answersOf(after.profile);
  const answers: SinceLast["answers"] = [];
  for (const [questionId, now] of newAnswers) {
    const then = oldAnswers.get(questionId);
    if (then && then.answer !== now.answer)
      answers.push({ questionId, prompt: now.prompt, from: then.answer, to: now.answer });
  }
  const oldConstraints = before.profile.constraints as Record<string, unknown>;
  const newConstraints = after.profile.constraints as Record<string, unknown>;
  for (const key of Object.keys(CONSTRAINT_PROMPTS)) {
    const from = constraintWords(oldConstraints[key]);
    const to = constraintWords(newConstraints[key]);
    if (from !== to) answers.push({ questionId: key, prompt: CONSTRAINT_PROMPTS[key]!, from, to });
  }

  const driftBySlug = new Map((drift?.changes ?? []).map((c) => [c.slug, c]));
  const newItems = new Map(after.recommendation.items.map((i) => [i.capability, i]));
  const oldItems = new Map(before.recommendation.items.map((i) => [i.capability, i]));
  const answerWhy =
    answers.length > 0
      ? `your answers changed (${answers
          .slice(0, 2)
          .map((a) => a.prompt.replace(/[?.:]+$/, ""))
          .join("; ")}${answers.length > 2 ? "; …" : ""})`
      : "the catalog changed since";
  const whyFor = (capability: string, fromSlug: string | null): string => {
    const gone = fromSlug ? driftBySlug.get(fromSlug) : undefined;
    if (gone) return gone.detail;
    const item = newItems.get(capability);
    if (item?.replaces?.reason) return item.replaces.reason;
    const reason = item?.pick?.reasons[0];
    return reason ? `${reason} — ${answerWhy}` : answerWhy;
  };

  const picks: SinceLastPick[] = [];
  for (const change of diffRecommendations(before.recommendation, after.recommendation)) {
    switch (change.kind) {
      case "stage":
        break;
      case "pick": {
        const fromSlug = oldItems.get(change.capability)?.pick?.slug ?? null;
        const toSlug = newItems.get(change.capability)?.pick?.slug ?? null;
        picks.push({
          kind: toSlug === null ? "removed" : fromSlug === null ? "added" : "replaced",
          capability: change.capability,
          capabilityName: change.capabilityName,
          from: change.from,
          to: change.to,
          horizonFrom: oldItems.get(change.capability)?.horizon,
          horizonTo: newItems.get(change.capability)?.horizon,
          why: toSlug === null ? answerWhy : whyFor(change.capability, fromSlug),
        });
        break;
      }
      case "horizon": {
        // A horizon move of a pick that also changed is already told by its "pick" entry.
        if (picks.some((p) => p.capability === change.capability)) break;
        const item = newItems.get(change.capability);
        picks.push({
          kind: "moved",
          capability: change.capability,
          capabilityName: change.capabilityName,
          from: item?.pick?.name ?? null,
          to: item?.pick?.name ?? null,
          horizonFrom: change.from,
          horizonTo: change.to,
          why:
            item?.triggerMet ??
            item?.deferred ??
            `${HORIZON_WORDS[change.from]} → ${HORIZON_WORDS[change.to]}: ${answerWhy}`,
        });
        break;
      }
      case "added":
        picks.push({
          kind: "added",
          capability: change.capability,
          capabilityName: change.capabilityName,
          from: null,
          to: change.pick,
          horizonTo: change.horizon,
          why: whyFor(change.capability, null),
        });
        break;
      case "removed": {
        const pickSlug = oldItems.get(change.capability)?.pick?.slug;
        const gone = pickSlug ? driftBySlug.get(pickSlug) : undefined;
        picks.push({
          kind: "removed",
          capability: change.capability,
          capabilityName: change.capabilityName,
          from: oldItems.get(change.capability)?.pick?.name ?? null,
          to: null,
          horizonFrom: oldItems.get(change.capability)?.horizon,
          why: gone ? gone.detail : `no longer needed: ${answerWhy}`,
        });
        break;
      }
    }
  }
  const dimensions = after.profile.dimensions.flatMap((d) => {
    const then = before.profile.dimensions.find((x) => x.slug === d.slug);
    return then && then.score !== d.score ? [{ slug: d.slug, name: d.name, from: then.score, to: d.score }] : [];
  });
  const stage =
    before.profile.stage !== after.profile.stage ? { from: before.profile.stage, to: after.profile.stage } : null;
  const overall = { from: before.profile.overall.level, to: after.profile.overall.level };
  return {
    parent: { id: before.id, createdAt: before.createdAt },
    reason: answers.length === 0 ? "rerun" : "edited",
    stage,
    overall,
    dimensions,
    answers,
    picks,
    isUnchanged: stage === null && overall.from === overall.to && dimensions.length === 0 && picks.length === 0,
  };
}
