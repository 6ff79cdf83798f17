import type { Constraints } from "../assessment/constraints";
import { CLOUD_LABELS } from "../catalog/vocabulary";
import { exclusionReasons } from "./eligibility";
import type {
  Exclusion,
  Horizon,
  RecommendationItem,
  RecommenderProfile,
  RecommenderTool,
  ScoreComponent,
  StackWarning,
} from "./types";

/** Explanations: why not the runner-up, why a familiar tool is missing, what to watch in the stack as a whole. */

/** Above this many distinct tools to adopt now, a stack is sprawling for the team's stage. */
export const MAX_TOOLS_NOW: Record<1 | 2 | 3 | 4, number> = { 1: 6, 2: 11, 3: 18, 4: 26 };

/** Extra tools a team shipping LLM applications may run now without it counting as sprawl. */
export const LLM_ALLOWANCE = 4;

/** Catalog tools excluded per capability that a reader would likely expect, by ecosystem breadth. */
const EXPECTED_PER_CAPABILITY = 3;

type Ranked = { tool: RecommenderTool; score: number; breakdown: ScoreComponent[] };

/** "Why not X": the criterion where the runner-up lost the most ground to the pick. */
export function whyNot(pick: Ranked, alternative: Ranked): string {
  const byKey = (parts: ScoreComponent[]) => new Map(parts.map((p) => [p.key, p]));
  const mine = byKey(pick.breakdown);
  const theirs = byKey(alternative.breakdown);
  let worst: { gap: number; text: string } | null = null;
  for (const key of new Set([...mine.keys(), ...theirs.keys()])) {
    const a = mine.get(key);
    const b = theirs.get(key);
    const gap = (a?.points ?? 0) - (b?.points ?? 0);
    if (gap <= 0) continue;
    const text =
      b && b.points < 0 ? b.note : a ? `${pick.tool.name}: ${a.note.charAt(0).toLowerCase()}${a.note.slice(1)}` : "";
    if (text && (!worst || gap > worst.gap)) worst = { gap, text };
  }
  const margin = Math.round((pick.score - alternative.score) * 10) / 10;
  if (!worst) return `A close second (${margin} points behind).`;
  return `${worst.text} (${margin} points behind).`;
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
  return `No tool fits your constraints: ${relevant.map((t) => `${t.name} — ${exclusionReasons(t, c, horizon)[0] ?? "not suitable"}`).join("; ")}`;
}

/** Familiar tools ruled out by the constraints (and tools in use that cannot stay), each with its reasons. */
export function explainExclusionsList(
  items: RecommendationItem[],
  byCapability: Map<string, RecommenderTool[]>,
  bySlug: Map<string, RecommenderTool>,
  profile: RecommenderProfile,
  inUse: Set<string>,
): Exclusion[] {
  const picked = new Set(items.flatMap((i) => (i.pick ? [i.pick.slug] : [])));
  const excluded = new Map<string, Exclusion>();
  const consider = (tool: RecommenderTool, horizon: Horizon) => {
    if (picked.has(tool.slug) || excluded.has(tool.slug)) return;
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
    (byCapability.get(item.capability) ?? [])
      .filter((t) => t.capabilities.primary.includes(item.capability))
      .sort((a, b) => b.integrations.length - a.integrations.length || (a.slug < b.slug ? -1 : 1))
      .slice(0, EXPECTED_PER_CAPABILITY)
      .forEach((t) => consider(t, item.horizon));
  }
  return [...excluded.values()].sort((a, b) => a.name.localeCompare(b.name));
}

export function stackWarnings(
  items: RecommendationItem[],
  bySlug: Map<string, RecommenderTool>,
  profile: RecommenderProfile,
  inUse: Set<string>,
): StackWarning[] {
  const warnings: StackWarning[] = [];
  for (const item of items) {
    if (!item.pick) {
      warnings.push({
        kind: "uncovered",
        capability: item.capability,
        message:
          `${item.capabilityName} is needed (${item.horizon}) but no catalog tool fits your constraints. ${item.uncoveredReason ?? ""}`.trim(),
      });
    }
  }

  const nowTools = new Set(
    items
      .filter((i) => i.horizon === "now")
      .flatMap((i) => (i.pick ? [i.pick.slug, ...i.pick.companions.map((c) => c.slug)] : [])),
  );
  // LLM applications add their own layer on top of the classic stack.
  const limit = MAX_TOOLS_NOW[profile.stage] + (profile.constraints.llmApplications === "yes" ? LLM_ALLOWANCE : 0);
  if (nowTools.size > limit) {
    warnings.push({
      kind: "sprawl",
      message: `${nowTools.size} tools to run now is a lot for stage ${profile.stage} (we suggest at most ${limit}). Adopt them in the order of the action items, and prefer tools that cover several jobs.`,
      tools: [...nowTools].sort(),
    });
  }

  // Overlap: a picked tool whose main job is another capability that a different tool was picked for.
  const pickByCapability = new Map(items.flatMap((i) => (i.pick ? [[i.capability, i.pick.slug] as const] : [])));
  const reported = new Set<string>();
  for (const item of items) {
    // Overlaps matter for what the team runs soon; a later platform that duplicates a current tool is a choice for later.
    if (!item.pick || item.horizon === "later") continue;
    const tool = bySlug.get(item.pick.slug);
    for (const capability of tool?.capabilities.primary ?? []) {
      const other = pickByCapability.get(capability);
      if (!other || other === item.pick.slug || items.find((i) => i.capability === capability)?.horizon === "later")
        continue;
      const key = [item.pick.slug, other, capability].join("|");
      if (reported.has(key)) continue;
      reported.add(key);
      const otherItem = items.find((i) => i.capability === capability);
      warnings.push({
        kind: "overlap",
        capability,
        tools: [item.pick.slug, other],
        message: `${item.pick.name} also does ${otherItem?.capabilityName.toLowerCase() ?? capability}, where ${otherItem?.pick?.name ?? other} was picked. Use one for the job and agree which.`,
      });
    }
  }

  // Weak integration: a tool adopted now that works natively with nothing else in the stack.
  const stackSlugs = new Set(items.flatMap((i) => (i.pick ? [i.pick.slug] : [])));
  if (stackSlugs.size >= 3) {
    for (const slug of [...nowTools].sort()) {
      const tool = bySlug.get(slug);
      if (!tool) continue;
      const partners = tool.integrations.filter((p) => p !== slug && stackSlugs.has(p));
      if (partners.length === 0) {
        warnings.push({
          kind: "weak-integration",
          tools: [slug],
          message: `${tool.name} has no native integration with the rest of this stack; plan the glue (scripts, webhooks) it will need.`,
        });
      }
    }
  }

  // Tools in use that could not stay.
  const picked = new Set(items.flatMap((i) => (i.pick ? [i.pick.slug] : [])));
  for (const slug of [...inUse].sort()) {
    const tool = bySlug.get(slug);
    if (!tool || picked.has(slug) || slug === "kubernetes") continue;
    const reasons = exclusionReasons(tool, profile.constraints, "now");
    const successor = tool.successor ? bySlug.get(tool.successor) : undefined;
    if (tool.status === "sunset" || tool.status === "deprecated" || tool.status === "renamed") {
      warnings.push({
        kind: "retired-tool-in-use",
        tools: [slug],
        message: `You use ${tool.name}, which is ${tool.status}.${successor ? ` Plan the move to ${successor.name}.` : ""}`,
      });
      continue;
    }
    const replacedIn = items.filter(
      (i) =>
        i.pick &&
        (tool.capabilities.primary.includes(i.capability) || tool.capabilities.secondary.includes(i.capability)),
    );
    if (replacedIn.length === 0) continue;
    const by = replacedIn.map((i) => `${i.pick!.name} for ${i.capabilityName.toLowerCase()}`).join(", ");
    warnings.push({
      kind: "replaced-tool",
      tools: [slug],
      message:
        reasons.length > 0
          ? `You use ${tool.name}, but ${reasons[0]!.charAt(0).toLowerCase()}${reasons[0]!.slice(1)} We recommend ${by} instead.`
          : `You use ${tool.name}; it scored below ${by} for your situation. Keep it if it works for you — the difference is small enough to weigh migration cost first.`,
    });
  }

  // Risk signals on picks: relicensing, acquisitions, single vendors.
  for (const slug of [...stackSlugs].sort()) {
    const tool = bySlug.get(slug);
    const risks = tool?.risks.filter((r) => r.kind !== "low-activity") ?? [];
    if (tool && risks.length > 0) {
      warnings.push({ kind: "risk", tools: [slug], message: `${tool.name}: ${risks.map((r) => r.note).join(" ")}` });
    }
  }
  return warnings;
}

/** The constraints as the engine applied them, for the report. */
export function describeConstraints(c: Constraints): string[] {
  const notes: string[] = [];
  notes.push(
    c.cloud === "undecided" || c.cloud === "multi-cloud"
      ? "No single cloud: cloud-specific services are left out."
      : c.cloud === "on-premises"
        ? "On-premises: only tools you can host yourself."
        : `${CLOUD_LABELS[c.cloud]}: its native services are allowed and favoured where they fit.`,
  );
  if (c.airGapped) notes.push("Air-gapped: hosted-only (SaaS) tools are left out.");
  notes.push(
    c.kubernetes === "yes"
      ? "You run Kubernetes: tools that need it are allowed."
      : c.kubernetes === "planned"
        ? "Kubernetes is planned: tools that need it appear only for later stages."
        : "No Kubernetes: tools that need it are left out.",
  );
  if (c.licensePolicy === "open-source-only")
    notes.push("Open source only: proprietary and source-available tools are left out.");
  if (c.licensePolicy === "prefer-open-source") notes.push("Open source preferred: it scores higher.");
  if (c.hostingPreference !== "no-preference")
    notes.push(
      `You prefer ${c.hostingPreference === "managed" ? "managed services" : "to self-host"}: it scores higher.`,
    );
  if (c.budget === "none") notes.push("No tooling budget: paid products are left out and free tiers are flagged.");
  if (c.regulated) notes.push("Regulated: access control, secrets, lineage and explainability come early.");
  if (c.modelsInProduction !== "none") notes.push("Models in production: serving and monitoring are needed now.");
  if (c.llmApplications !== "no")
    notes.push(
      `LLM applications ${c.llmApplications === "yes" ? "in use" : "planned"}: the LLMOps capabilities are included.`,
    );
  if (c.toolsInUse.length > 0)
    notes.push(
      `${c.toolsInUse.length} tool${c.toolsInUse.length === 1 ? "" : "s"} already in use: kept where they fit.`,
    );
  return notes;
}
