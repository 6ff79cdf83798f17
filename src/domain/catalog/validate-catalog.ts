import type { Capability, Phase, ToolInput } from "./schema";

/** A problem found in catalog content, located by file and by path inside that file. */
export type ContentIssue = {
  file: string;
  path: (string | number)[];
  message: string;
};

export type LocatedTool = { file: string; index: number; tool: ToolInput };
export type LocatedCapability = { file: string; index: number; capability: Capability };
export type LocatedPhase = { file: string; index: number; phase: Phase };

export type CatalogContent = {
  phases: LocatedPhase[];
  capabilities: LocatedCapability[];
  tools: LocatedTool[];
};

function findDuplicates<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    groups.set(k, [...(groups.get(k) ?? []), item]);
  }
  return new Map([...groups].filter(([, group]) => group.length > 1));
}

/**
 * Checks the rules that need the whole catalog: unique slugs, known phases, capabilities, integration targets and
 * successors, and successors that are themselves usable. Returns every issue; an empty list means the content is
 * consistent.
 */
export function validateCatalogReferences(content: CatalogContent): ContentIssue[] {
  const issues: ContentIssue[] = [];
  const phaseSlugs = new Set(content.phases.map((p) => p.phase.slug));
  const capabilitySlugs = new Set(content.capabilities.map((c) => c.capability.slug));
  const toolsBySlug = new Map(content.tools.map((t) => [t.tool.slug, t.tool]));

  for (const [slug, group] of findDuplicates(content.phases, (p) => p.phase.slug)) {
    for (const p of group.slice(1))
      issues.push({ file: p.file, path: [p.index, "slug"], message: `duplicate phase slug "${slug}"` });
  }
  for (const [slug, group] of findDuplicates(content.capabilities, (c) => c.capability.slug)) {
    for (const c of group.slice(1)) {
      issues.push({ file: c.file, path: [c.index, "slug"], message: `duplicate capability slug "${slug}"` });
    }
  }
  for (const [slug, group] of findDuplicates(content.tools, (t) => t.tool.slug)) {
    const first = group[0];
    for (const t of group.slice(1)) {
      issues.push({
        file: t.file,
        path: [t.index, "slug"],
        message: `duplicate tool slug "${slug}" (first defined in ${first?.file ?? "?"})`,
      });
    }
  }
  for (const [name, group] of findDuplicates(content.tools, (t) => t.tool.name.toLowerCase())) {
    for (const t of group.slice(1)) {
      issues.push({ file: t.file, path: [t.index, "name"], message: `duplicate tool name "${name}"` });
    }
  }

  for (const { file, index, capability } of content.capabilities) {
    if (!phaseSlugs.has(capability.phase)) {
      issues.push({ file, path: [index, "phase"], message: `unknown phase "${capability.phase}"` });
    }
    capability.plan?.couplings.forEach((slug, i) => {
      if (!capabilitySlugs.has(slug))
        issues.push({ file, path: [index, "plan", "couplings", i], message: `unknown capability "${slug}"` });
    });
  }

  for (const { file, index, tool } of content.tools) {
    for (const role of ["primary", "secondary"] as const) {
      tool.capabilities[role].forEach((slug, i) => {
        if (!capabilitySlugs.has(slug)) {
          issues.push({ file, path: [index, "capabilities", role, i], message: `unknown capability "${slug}"` });
        }
      });
    }
    tool.integrations.forEach((slug, i) => {
      if (!toolsBySlug.has(slug)) {
        issues.push({ file, path: [index, "integrations", i], message: `unknown integration target "${slug}"` });
      }
    });
    const relationTarget = (slug: string, at: (string | number)[]) => {
      if (!toolsBySlug.has(slug))
        issues.push({ file, path: [index, "relations", ...at], message: `unknown tool "${slug}"` });
    };
    tool.relations.requires.forEach((group, g) => group.forEach((slug, i) => relationTarget(slug, ["requires", g, i])));
    tool.relations.implies.forEach((slug, i) => relationTarget(slug, ["implies", i]));
    tool.relations.companions.forEach((slug, i) => relationTarget(slug, ["companions", i]));
    if (tool.relations.partOf !== null) relationTarget(tool.relations.partOf, ["partOf"]);
    if (tool.successor !== null) {
      const successor = toolsBySlug.get(tool.successor);
      if (!successor) {
        issues.push({ file, path: [index, "successor"], message: `unknown successor "${tool.successor}"` });
      } else if (successor.status !== "active" && successor.status !== "maintenance") {
        issues.push({
          file,
          path: [index, "successor"],
          message: `successor "${tool.successor}" is itself ${successor.status}; point at a usable tool`,
        });
      }
    }
  }
  return issues;
}

/** Counts distinct unordered integration pairs: A→B and B→A are one link. */
export function integrationPairs(tools: Pick<ToolInput, "slug" | "integrations">[]): [string, string][] {
  const known = new Set(tools.map((t) => t.slug));
  const pairs = new Map<string, [string, string]>();
  for (const tool of tools) {
    for (const target of tool.integrations) {
      if (!known.has(target) || target === tool.slug) continue;
      const pair: [string, string] = tool.slug < target ? [tool.slug, target] : [target, tool.slug];
      pairs.set(pair.join("\u0000"), pair);
    }
  }
  return [...pairs.values()].sort((a, b) => a[0].localeCompare(b[0]) || a[1].localeCompare(b[1]));
}

export function formatContentIssue(issue: ContentIssue): string {
  const path =
    issue.path.length > 0 ? issue.path.map((p) => (typeof p === "number" ? `[${p}]` : `.${p}`)).join("") : "";
  return `${issue.file}: ${path.replace(/^\./, "") || "(root)"}: ${issue.message}`;
}
