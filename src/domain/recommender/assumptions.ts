import type { Constraints } from "../assessment/constraints";
import type { ConstraintKey } from "../assessment/constraint-values";
import type { Recommendation, RecommenderProfile } from "./types";

/**
 * Context answers the team did not know. The engine used a cautious default; here it says which, and re-runs the
 * plan with the other answers to tell the team how much knowing would change ("could change 4 picks").
 */

type Alternatives = { question: string; label: (c: Constraints) => string; variants: Partial<Constraints>[] };

const yesNo = (value: boolean) => (value ? "yes" : "no");

const ALTERNATIVES: Partial<Record<ConstraintKey, Alternatives>> = {
  environments: {
    question: "Where your stack runs",
    label: () => "not settled: portable tools only",
    variants: [
      { environments: ["aws"], cloud: "aws" },
      { environments: ["azure"], cloud: "azure" },
      { environments: ["gcp"], cloud: "gcp" },
      { environments: ["on-premises"], cloud: "on-premises" },
    ],
  },
  cloud: {
    question: "Where your stack runs",
    label: () => "not settled: portable tools only",
    variants: [
      { environments: ["aws"], cloud: "aws" },
      { environments: ["azure"], cloud: "azure" },
      { environments: ["gcp"], cloud: "gcp" },
    ],
  },
  kubernetes: {
    question: "Whether you run Kubernetes",
    label: (c) => c.kubernetes,
    variants: [{ kubernetes: "yes" }, { kubernetes: "planned" }],
  },
  training: {
    question: "Whether you train or fine-tune models",
    label: (c) => (c.training === "yes" ? "you train your own models" : c.training),
    variants: [{ training: "fine-tune" }, { training: "none" }],
  },
  gpus: {
    question: "Whether GPUs are shared",
    label: (c) => (c.gpus === "no" ? "no shared GPUs" : c.gpus),
    variants: [{ gpus: "shared" }],
  },
  licensePolicy: {
    question: "Your licence policy",
    label: () => "open source preferred",
    variants: [{ licensePolicy: "open-source-only" }, { licensePolicy: "any" }, { licensePolicy: "supported-only" }],
  },
  hostingPreference: {
    question: "Managed or self-hosted",
    label: () => "no preference",
    variants: [{ hostingPreference: "managed" }, { hostingPreference: "self-hosted" }],
  },
  budget: {
    question: "Your tooling budget",
    label: () => "small (up to about 10,000 USD a year)",
    variants: [{ budget: "none" }, { budget: "moderate" }, { budget: "large" }],
  },
  regulated: {
    question: "Whether you are regulated",
    label: (c) => yesNo(c.regulated),
    variants: [{ regulated: true }],
  },
  llmHosting: {
    question: "How your LLM applications reach their models",
    label: () => "through a provider's API",
    variants: [{ llmHosting: "self-hosted" }],
  },
};

function picks(recommendation: Recommendation): Map<string, string> {
  return new Map(
    recommendation.items.map((i) => [
      i.capability,
      `${i.pick?.slug ?? "-"}@${i.change === "keep" ? "kept" : i.horizon}`,
    ]),
  );
}

/** How many capabilities change pick or timing between two plans (added or removed capabilities count too). */
export function countPlanChanges(a: Recommendation, b: Recommendation): number {
  const before = picks(a);
  const after = picks(b);
  let changed = 0;
  for (const [capability, value] of after) if (before.get(capability) !== value) changed += 1;
  for (const capability of before.keys()) if (!after.has(capability)) changed += 1;
  return changed;
}

export function describeAssumptions(
  profile: RecommenderProfile,
  run: (variant: RecommenderProfile) => Recommendation,
  baseline: Recommendation,
): Recommendation["assumptions"] {
  const unknown = profile.constraints.unknown ?? [];
  if (unknown.length === 0) return [];
  return unknown.flatMap((key) => {
    const alt = ALTERNATIVES[key];
    if (!alt) return [];
    let most = 0;
    for (const variant of alt.variants) {
      const changed = countPlanChanges(
        baseline,
        run({ ...profile, constraints: { ...profile.constraints, ...variant, unknown: [] } }),
      );
      most = Math.max(most, changed);
    }
    return [
      {
        key,
        question: alt.question,
        assumed: alt.label(profile.constraints),
        wouldChange:
          most === 0
            ? "Your answer would not change this plan."
            : `Your answer could change up to ${most} item${most === 1 ? "" : "s"} of this plan.`,
      },
    ];
  });
}
