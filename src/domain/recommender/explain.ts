import type { Constraints } from "../assessment/constraints";
import { CLOUD_LABELS, isRetiredStatus } from "../catalog/vocabulary";
import { exclusionReasons, isEligible } from "./eligibility";
import { teamPhrase, jobName } from "./texts";
import type {
  Exclusion,
  Horizon,
  RecommendationItem,
  RecommenderProfile,
  RecommenderTool,
  ScoreComponent,
  StackWarning,
  TossUp,
} from "./types";

/** Explanations in the team's terms: why a pick, why not the runner-up, toss-ups, and the whole-stack findings. */

/** Catalog tools excluded per capability that a reader would likely expect, by ecosystem breadth. */
const EXPECTED_PER_CAPABILITY = 3;

/** Criteria every candidate tends to share: they explain little on their own (ADVICE.md rule 12). */
export const GENERIC_KEYS = new Set(["capability", "stage-fit", "ecosystem"]);

/** How many reasons a pick shows. */
const MAX_REASONS = 3;

type Ranked = { tool: RecommenderTool; score: number; breakdown: ScoreComponent[] };

const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);

/**
 * The reasons shown for a pick: the criteria that decided it for this team first; a generic criterion ("built for
 * this job") only when fewer than two specific ones exist, and never more than one.
 */
export function reasonsFor(breakdown: ScoreComponent[], isInUse: boolean): string[] {
  const positive = breakdown.filter((part) => part.points > 0).sort((a, b) => b.points - a.points);
  const specific = positive.filter((part) => !GENERIC_KEYS.has(part.key)).map((part) => part.note);
  const generic = positive.filter((part) => GENERIC_KEYS.has(part.key)).map((part) => part.note);
  const reasons = [...(isInUse ? ["You already use it: keeping it avoids a migration"] : []), ...specific];
  const unique = [...new Set(reasons)].slice(0, MAX_REASONS);
  if (unique.length < 2 && generic[0]) unique.push(generic[0]);
  return unique;
}

/** "Why not X", for a tool that does the same job: the criterion where it lost the most ground, in words. */
/** The component with this key in a (short) breakdown. */
function part(breakdown: ScoreComponent[], key: string): ScoreComponent | undefined {
  for (const p of breakdown) if (p.key === key) return p;
  return undefined;
}

/** Criteria where `x` is ahead of `y`, biggest gap first. */
function gapsBetween(x: ScoreComponent[], y: ScoreComponent[]): { key: string; gap: number }[] {
  const gaps: { key: string; gap: number }[] = [];
  for (const p of x) {
    const gap = p.points - (part(y, p.key)?.points ?? 0);
    if (gap > 0.05) gaps.push({ key: p.key, gap });
  }
  for (const p of y) if (!part(x, p.key) && -p.points > 0.05) gaps.push({ key: p.key, gap: -p.points });
  return gaps.sort((a, b) => b.gap - a.gap);
}

export function whyNot(pick: Ranked, alternative: Ranked): string {
  const worst = gapsBetween(pick.breakdown, alternative.breakdown)[0];
  if (!worst) return `About as good a fit as ${pick.tool.name}; either would do.`;
  const own = part(alternative.breakdown, worst.key);
  if (own && own.points < 0) return `${own.note.replace(/\.+$/, "")}.`;
  const a = pick.tool.name;
  const b = alternative.tool.name;
  const key = worst.key;
  const note = part(pick.breakdown, key)?.note;
  if (key === "reuse") return `${a} is already in your stack; ${b} would be one more tool to run.`;
  if (key === "companion") return note ? `${a} is ${lowerFirst(note)}.` : `${a} goes with your stack.`;
  if (key === "integration") return `${a} works natively with more of the tools you will run.`;
  if (key.startsWith("coupled-")) return `${a} ${lowerFirst(note ?? "fits your stack better")}; ${b} does not.`;
  if (key === "ops")
    return `${b} takes more to run (${alternative.tool.opsComplexity}/5 against ${pick.tool.opsComplexity}/5).`;
  if (key === "capability") return `${b} does this only on the side.`;
  if (key === "ecosystem") return `${a} has the broader ecosystem of integrations.`;
  if (note) return `${a}: ${lowerFirst(note)}.`;
  return `${a} fits your answers better.`;
}

/** When to choose which, for a near-tie: each side's strongest advantage, as a condition the team can check. */
export function tossUpFor(pick: Ranked, alternative: Ranked, c: Constraints): TossUp {
  const advantage = (x: Ranked, y: Ranked, not?: string): string => {
    const gaps = gapsBetween(x.breakdown, y.breakdown).sort(
      (g1, g2) => Number(GENERIC_KEYS.has(g1.key)) - Number(GENERIC_KEYS.has(g2.key)) || g2.gap - g1.gap,
    );
    const conditions = gaps.map((g) => conditionFor(g.key, x, c)).filter((text) => text !== not);
    return (
      conditions[0] ??
      (not
        ? "a short trial on one of your own models favours it"
        : "your team prefers it after trying both on one model")
    );
  };
  return {
    slug: alternative.tool.slug,
    name: alternative.tool.name,
    margin: Math.round((pick.score - alternative.score) * 100) / 100,
    chooseIf: advantage(pick, alternative),
    chooseOtherIf: advantage(alternative, pick, advantage(pick, alternative)),
  };
}

function conditionFor(key: string, x: Ranked, c: Constraints): string {
  const t = x.tool;
  const managed = t.hosting.some((h) => h === "managed-saas" || h === "cloud-service");
  if (key === "hosting") return managed ? "you want it run for you as a service" : "you want to run it yourself";
  if (key === "cloud") return "you want to stay within your cloud provider's services";
  if (key === "estate") return "you want one tool across your whole estate";
  if (key === "license") return "open source matters to you";
  if (key === "budget") return "cost matters most";
  if (key === "ops" || key === "learning") return "you want the least to operate and learn";
  if (key === "reuse") return "you want fewer tools to run";
  if (key === "companion" || key === "integration" || key.startsWith("coupled-"))
    return `you want the tightest fit with the rest of your stack`;
  if (key === "kubernetes") return "you want it on your Kubernetes cluster";
  if (key === "stage-fit") return "you want a tool suited to your stage today";
  if (key === "capability") return "you want a tool built for this job";
  if (key === "ecosystem") return "you want the broadest set of integrations";
  if (key.startsWith("risk") || key === "status") return "you want the lower vendor and project risk";
  if (key === "air-gapped" || key === "on-premises") return "it must run on your own servers";
  if (key === "covers-more") return "you want one tool for several of the jobs you need now";
  if (key === "same-vendor") return "you want to stay with a vendor you already use";
  if (key === "successor") return "you want the path its maintainers recommend";
  return c.hostingPreference === "managed" ? "you want it run for you" : "it fits the way you work";
}

/** Why a tool in use should give way, with the margin stated (it is above REPLACE_MARGIN). */
export function replacementReason(
  challenger: { tool: RecommenderTool; base: ScoreComponent[] },
  kept: { tool: RecommenderTool; base: ScoreComponent[] },
  lead: number,
): string {
  const theirs = new Map(kept.base.map((part) => [part.key, part]));
  const ahead = challenger.base
    .filter((part) => part.key !== "capability" && part.points - (theirs.get(part.key)?.points ?? 0) > 0.3)
    .sort((a, b) => b.points - (theirs.get(b.key)?.points ?? 0) - (a.points - (theirs.get(a.key)?.points ?? 0)))
    .slice(0, 2)
    .map((part) => lowerFirst(part.note));
  const behind = kept.base
    .filter((part) => part.points < 0)
    .map((part) => `${kept.tool.name}: ${lowerFirst(part.note)}`);
  const why = [...behind.slice(0, 2), ...ahead.map((note) => `${challenger.tool.name}: ${note}`)]
    .slice(0, 3)
    .join("; ");
  return `${challenger.tool.name} fits your answers clearly better (${lead} points ahead on fit, above our threshold for proposing a migration)${why ? `: ${why}` : ""}.`;
}

/** Why no tool can be recommended for a capability: the reasons that rule out its main tools. */
export function explainExclusions(
  capability: string,
  tools: RecommenderTool[],
  c: Constraints,
  horizon: Horizon,
): string {
  const relevant = tools
    .filter((t) => t.capabilities.primary.includes(capability))
    .sort((a, b) => b.integrations.length - a.integrations.length || a.slug.localeCompare(b.slug))
    .slice(0, 3);
  if (relevant.length === 0) return "The catalog has no tool for this capability yet.";
  return `No tool fits your constraints: ${relevant.map((t) => `${t.name} — ${lowerFirst(exclusionReasons(t, c, horizon)[0] ?? "not suitable")}`).join("; ")}`;
}

/** Familiar tools ruled out by the constraints (and tools in use that cannot stay), each with its reasons. */
export function explainExclusionsList(
  items: RecommendationItem[],
  popularByCapability: Map<string, RecommenderTool[]>,
  bySlug: Map<string, RecommenderTool>,
  profile: RecommenderProfile,
  inUse: ReadonlySet<string>,
): Exclusion[] {
  const picked = new Set(items.flatMap((i) => (i.pick ? [i.pick.slug] : [])));
  const excluded = new Map<string, Exclusion>();
  const consider = (tool: RecommenderTool, horizon: Horizon) => {
    if (picked.has(tool.slug) || excluded.has(tool.slug) || isEligible(tool, profile.constraints, horizon)) return;
    const reasons = exclusionReasons(tool, profile.constraints, horizon);
    if (reasons.length === 0) return;
    const successor = tool.successor ? bySlug.get(tool.successor) : undefined;
    excluded.set(tool.slug, {
      slug: tool.slug,
      name: tool.name,
      reasons,
      ...(successor ? { successor: { slug: successor.slug, name: successor.name } } : {}),
    });
  };
  for (const slug of [...inUse].sort()) {
    const tool = bySlug.get(slug);
    if (tool) consider(tool, "now");
  }
  for (const item of items) {
    if (item.change === "keep") continue;
    for (const t of (popularByCapability.get(item.capability) ?? []).slice(0, EXPECTED_PER_CAPABILITY))
      consider(t, item.horizon);
  }
  return [...excluded.values()].sort((a, b) => (a.name.toLowerCase() < b.name.toLowerCase() ? -1 : 1));
}

export function stackWarnings(
  items: RecommendationItem[],
  bySlug: Map<string, RecommenderTool>,
  profile: RecommenderProfile,
  inUse: ReadonlySet<string>,
  overEngineered: ReadonlySet<string>,
  budget: { limit: number; used: number; why: string },
): StackWarning[] {
  const warnings: StackWarning[] = [];
  const c = profile.constraints;
  for (const item of items) {
    if (!item.pick && item.change !== "keep") {
      warnings.push({
        kind: "uncovered",
        capability: item.capability,
        message:
          `${item.capabilityName} is needed (${item.horizon}), but no catalog tool fits your constraints. ${item.uncoveredReason ?? ""}`.trim(),
      });
    }
  }

  if (budget.used > budget.limit) {
    warnings.push({
      kind: "sprawl",
      message: `This plan adds ${budget.used} new tools now, more than the ${budget.limit} or so your team can take on at once. ${budget.why} Adopt them in the order shown and move the rest to the next step.`,
    });
  }

  // Two tools doing one job: only for tools the team already runs side by side (not a tool and what it implies,
  // nor companions made to work together).
  const keptFor = new Map(
    items.flatMap((i) => (i.pick && i.change === "keep" ? [[i.capability, i.pick] as const] : [])),
  );
  const related = (a: RecommenderTool, b: RecommenderTool) =>
    a.relations.implies.includes(b.slug) ||
    b.relations.implies.includes(a.slug) ||
    a.relations.companions.includes(b.slug) ||
    b.relations.companions.includes(a.slug) ||
    a.relations.requires.some((g) => g.includes(b.slug)) ||
    b.relations.requires.some((g) => g.includes(a.slug)) ||
    a.relations.partOf === b.slug ||
    b.relations.partOf === a.slug;
  for (const slug of [...inUse].sort()) {
    const tool = bySlug.get(slug);
    if (!tool || isRetiredStatus(tool.status) || exclusionReasons(tool, c, "now").length > 0) continue;
    for (const capability of tool.capabilities.primary) {
      const item = items.find((i) => i.capability === capability);
      if (item && item.change !== "keep" && item.pick && item.pick.slug !== slug && item.replaces?.slug !== slug) {
        warnings.push({
          kind: "replaced-tool",
          capability,
          tools: [slug],
          message: `You also use ${tool.name} for ${jobName(item.capabilityName)}; the plan moves that job to ${item.pick.name}${item.replaces ? `, with ${item.replaces.name}` : ""}.`,
        });
        continue;
      }
      const kept = keptFor.get(capability);
      const keptTool = kept ? bySlug.get(kept.slug) : undefined;
      if (!kept || !keptTool || kept.slug === slug || related(tool, keptTool)) continue;
      warnings.push({
        kind: "overlap",
        capability,
        tools: [kept.slug, slug],
        message: `You use both ${kept.name} and ${tool.name} for ${item ? jobName(item.capabilityName) : capability}. The plan keeps ${kept.name} for it; settle on one when it suits you, to run one tool less.`,
      });
    }
  }

  // A new tool now that works natively with nothing else in the stack.
  const stackSlugs = new Set(
    items.flatMap((i) => (i.pick ? [i.pick.slug, ...i.pick.companions.map((cm) => cm.slug)] : [])),
  );
  for (const slug of inUse) stackSlugs.add(slug);
  if (stackSlugs.size >= 4) {
    for (const item of items) {
      if (!item.pick || item.change === "keep" || item.horizon !== "now") continue;
      const tool = bySlug.get(item.pick.slug);
      if (!tool) continue;
      const partners = tool.integrations.filter((p) => p !== tool.slug && stackSlugs.has(p));
      if (
        partners.length === 0 &&
        !warnings.some((w) => w.tools?.includes(tool.slug) && w.kind === "weak-integration")
      ) {
        warnings.push({
          kind: "weak-integration",
          tools: [tool.slug],
          message: `${tool.name} has no native integration with the rest of your stack: allow time for the glue (scripts, webhooks) it will need.`,
        });
      }
    }
  }

  // Tools in use that give way, and why.
  for (const item of items) {
    if (item.change === "replace" && item.replaces) {
      const retired = bySlug.get(item.replaces.slug);
      warnings.push({
        kind: retired && isRetiredStatus(retired.status) ? "retired-tool-in-use" : "replaced-tool",
        capability: item.capability,
        tools: [item.replaces.slug],
        message: `We suggest moving ${jobName(item.capabilityName)} from ${item.replaces.name} to ${item.pick?.name ?? "another tool"}. ${item.replaces.reason} ${item.replaces.migration}`,
      });
    }
  }
  const placed = new Set(
    items.flatMap((i) => (i.pick ? [i.pick.slug, ...i.pick.companions.map((cm) => cm.slug)] : [])),
  );
  for (const item of items) if (item.replaces) placed.add(item.replaces.slug);
  for (const slug of [...inUse].sort()) {
    const tool = bySlug.get(slug);
    if (!tool || placed.has(slug)) continue;
    const successor = tool.successor ? bySlug.get(tool.successor) : undefined;
    if (tool.status === "sunset" || tool.status === "deprecated" || tool.status === "renamed") {
      warnings.push({
        kind: "retired-tool-in-use",
        tools: [slug],
        message: `You use ${tool.name}, which is ${tool.status}.${successor ? ` Plan the move to ${successor.name}.` : ""}`,
      });
      continue;
    }
    const reasons = exclusionReasons(tool, c, "now");
    const replacedIn = items.filter((i) => i.pick && tool.capabilities.primary.includes(i.capability));
    if (reasons.length > 0 && replacedIn.length > 0) {
      const by = replacedIn.map((i) => `${i.pick!.name} for ${jobName(i.capabilityName)}`).join(", ");
      warnings.push({
        kind: "replaced-tool",
        tools: [slug],
        message: `You use ${tool.name}, but ${lowerFirst(reasons[0]!)} We suggest ${by} instead.`,
      });
    }
  }

  // More than the team can run.
  for (const slug of [...overEngineered].sort()) {
    const tool = bySlug.get(slug);
    if (!tool) continue;
    warnings.push({
      kind: "over-engineering",
      tools: [slug],
      message: `${tool.name} takes a lot to run (${tool.opsComplexity}/5) for ${teamPhrase(c.teamSize)} at stage ${profile.stage}: it likely costs you more than it gives today. The plan keeps it only for its main job and builds nothing else on it; a lighter tool is worth considering when it next needs an upgrade.`,
    });
  }

  // Risk signals on what the plan asks you to run.
  for (const slug of [...stackSlugs].sort()) {
    const tool = bySlug.get(slug);
    const risks = tool?.risks.filter((r) => r.kind !== "low-activity") ?? [];
    if (tool && risks.length > 0) {
      warnings.push({ kind: "risk", tools: [slug], message: `${tool.name}: ${risks.map((r) => r.note).join(" ")}` });
    }
  }
  return warnings;
}

const LICENCE_NOTES: Record<Constraints["licensePolicy"], string | null> = {
  "open-source-only": "Open source only: proprietary and source-available tools are left out.",
  "open-source-supported":
    "Open source with vendor support only: community-only projects and proprietary tools are left out (libraries you only import, such as pytest, are exempt).",
  "supported-only":
    "Vendor-supported software only: community-only projects are left out (libraries you only import, such as pytest, are exempt).",
  "prefer-open-source": "Open source preferred: it scores higher.",
  any: null,
};

/** The constraints as the engine applied them, for the report. */
export function describeConstraints(c: Constraints): string[] {
  const notes: string[] = [];
  const clouds = c.environments.filter((e) => e !== "on-premises").map((e) => CLOUD_LABELS[e]);
  notes.push(
    c.cloud === "undecided"
      ? "No cloud settled: cloud-specific services are left out."
      : c.cloud === "on-premises"
        ? "On-premises: only tools you can host yourself."
        : c.cloud === "hybrid"
          ? `Hybrid estate (${[...clouds, "on-premises"].join(" and ")}): portable tools are favoured; ${clouds.join(" and ")} services only for that part.`
          : c.cloud === "multi-cloud"
            ? `Several clouds (${clouds.join(", ") || "not named"}): portable tools are favoured over one cloud's services.`
            : `${clouds[0] ?? c.cloud}: its native services are allowed and favoured where they fit.`,
  );
  if (c.airGapped) notes.push("Air-gapped: hosted-only (SaaS) tools are left out.");
  notes.push(
    c.kubernetes === "yes"
      ? "You run Kubernetes: tools that need it are allowed."
      : c.kubernetes === "planned"
        ? "Kubernetes is planned: tools that need it wait for the next step."
        : "No Kubernetes: tools that need it are left out.",
  );
  if (c.training === "none")
    notes.push("You use hosted models and train none: no training, tuning, feature store or retraining is planned.");
  else if (c.training === "fine-tune")
    notes.push("You fine-tune pre-trained models: training-from-scratch tooling is left out.");
  const licence = LICENCE_NOTES[c.licensePolicy];
  if (licence) notes.push(licence);
  if (c.hostingPreference !== "no-preference")
    notes.push(
      `You prefer ${c.hostingPreference === "managed" ? "managed services" : "to self-host"}: it scores higher.`,
    );
  if (c.budget === "none") notes.push("No tooling budget: paid products are left out and free tiers are flagged.");
  if (c.regulated) notes.push("Regulated: secrets, access control, lineage and audit come early.");
  if (c.modelsInProduction !== "none") notes.push("Models in production: serving and monitoring are needed now.");
  if (c.llmApplications !== "no")
    notes.push(
      `LLM applications ${c.llmApplications === "yes" ? "in use" : "planned"}${c.llmHosting === "api" ? ", through providers' APIs" : ", with models you serve yourselves"}: the LLMOps capabilities are included.`,
    );
  if (c.gpus === "shared") notes.push("Shared GPUs: scheduling and quotas are planned.");
  if (c.toolsInUse.length > 0)
    notes.push(
      `${c.toolsInUse.length} tool${c.toolsInUse.length === 1 ? "" : "s"} already in use: kept where they work.`,
    );
  return notes;
}
