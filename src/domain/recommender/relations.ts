import type { RecommenderTool } from "./types";

/**
 * How catalog tools relate, indexed once per catalog: companions are symmetric (declared on either side), `implies`
 * is followed transitively (GitHub Actions → GitHub → Git), and platform parts point at their platform.
 */
export type RelationIndex = {
  companionsOf: (slug: string) => ReadonlySet<string>;
  /** The tools a team has when it uses these: the tools themselves plus everything they imply. */
  withImplied: (slugs: Iterable<string>) => Set<string>;
  /** The platform a tool is a part of, if any. */
  platformOf: (slug: string) => string | undefined;
};

const NONE: ReadonlySet<string> = new Set();

export function buildRelationIndex(tools: readonly RecommenderTool[]): RelationIndex {
  const bySlug = new Map(tools.map((t) => [t.slug, t]));
  const companions = new Map<string, Set<string>>();
  const link = (a: string, b: string) => {
    if (!bySlug.has(a) || !bySlug.has(b) || a === b) return;
    let set = companions.get(a);
    if (!set) companions.set(a, (set = new Set()));
    set.add(b);
  };
  for (const tool of tools) {
    for (const other of tool.relations.companions) {
      link(tool.slug, other);
      link(other, tool.slug);
    }
  }
  return {
    companionsOf: (slug) => companions.get(slug) ?? NONE,
    withImplied: (slugs) => {
      const result = new Set<string>();
      const queue = [...slugs];
      while (queue.length > 0) {
        const slug = queue.pop()!;
        if (result.has(slug) || !bySlug.has(slug)) continue;
        result.add(slug);
        queue.push(...(bySlug.get(slug)?.relations.implies ?? []));
      }
      return result;
    },
    platformOf: (slug) => bySlug.get(slug)?.relations.partOf ?? undefined,
  };
}

/** Is this tool an end-to-end ML platform (its main job)? */
export function isPlatform(tool: Pick<RecommenderTool, "capabilities">): boolean {
  return tool.capabilities.primary.includes("ml-platform");
}
