import { compareNames } from "./compare-names";
import { RATING_LABELS, RISK_LABELS, STATUS_LABELS } from "./labels";
import type { Catalog, CatalogTool } from "./types";
import { CLOUD_LABELS, HOSTING_LABELS, PRICING_LABELS, STAGE_NAMES, TEAM_SIZE_LABELS } from "./vocabulary";

/** Side-by-side comparison of 2–4 catalog tools on every structured fact. */

export const MAX_COMPARED_TOOLS = 4;

export type ComparisonRow = { label: string; cells: string[][]; differs: boolean };
export type Comparison = { tools: CatalogTool[]; rows: ComparisonRow[]; unknown: string[]; dropped: string[] };

/** `?tools=a,b,c` (and `&add=d` from the picker) → distinct slugs in order. */
export function parseCompareParam(...raw: (string | string[] | undefined)[]): string[] {
  const values = raw.flatMap((r) => (Array.isArray(r) ? r : r === undefined ? [] : [r]));
  return [
    ...new Set(
      values
        .flatMap((v) => v.split(","))
        .map((v) => v.trim().toLowerCase())
        .filter((v) => v.length > 0 && v.length <= 64),
    ),
  ];
}

/**
 * What someone typed into "Add a tool" without the list's help (before scripts run): a slug, a tool's name in any
 * case, or words for the catalog search, whose best match is taken. Undefined when nothing matches.
 */
export function resolveAddedTool(
  typed: string,
  catalog: Catalog,
  search: (text: string) => CatalogTool[],
): CatalogTool | undefined {
  const text = typed.trim();
  if (!text) return undefined;
  const lower = text.toLowerCase();
  return (
    catalog.tools.find((t) => t.slug === lower) ??
    catalog.tools.find((t) => compareNames(t.name, text) === 0) ??
    search(text)[0]
  );
}

export function compareTools(slugs: string[], catalog: Catalog): Comparison {
  const bySlug = new Map(catalog.tools.map((t) => [t.slug, t]));
  const capabilityName = new Map(catalog.capabilities.map((c) => [c.slug, c.name]));
  const known = slugs.filter((s) => bySlug.has(s));
  const tools = known.slice(0, MAX_COMPARED_TOOLS).map((s) => bySlug.get(s)!);
  const nameOf = (slug: string) => bySlug.get(slug)?.name ?? slug;
  const selected = new Set(tools.map((t) => t.slug));

  const facts: [string, (t: CatalogTool) => string[]][] = [
    ["Summary", (t) => [t.summary]],
    ["Status", (t) => [STATUS_LABELS[t.status] + (t.successor ? ` → ${nameOf(t.successor)}` : "")]],
    ["Licence", (t) => [t.license === "proprietary" ? "Proprietary" : t.license]],
    ["Open source", (t) => [t.isOpenSource ? "Yes" : "No"]],
    ["Pricing", (t) => [PRICING_LABELS[t.pricing]]],
    ["Hosting", (t) => t.hosting.map((h) => HOSTING_LABELS[h])],
    ["Clouds", (t) => t.clouds.map((c) => CLOUD_LABELS[c])],
    ["Needs Kubernetes", (t) => [t.needsKubernetes ? "Yes" : "No"]],
    ["Maturity stages", (t) => t.stages.map((s) => `${s} · ${STAGE_NAMES[s]}`)],
    ["Team size", (t) => t.teamSizes.map((s) => TEAM_SIZE_LABELS[s])],
    ["Ops complexity", (t) => [`${t.opsComplexity}/5 · ${RATING_LABELS[t.opsComplexity]}`]],
    ["Learning curve", (t) => [`${t.learningCurve}/5 · ${RATING_LABELS[t.learningCurve]}`]],
    ["Primary capabilities", (t) => t.capabilities.primary.map((c) => capabilityName.get(c) ?? c)],
    ["Secondary capabilities", (t) => t.capabilities.secondary.map((c) => capabilityName.get(c) ?? c)],
    ["Integrations", (t) => [`${t.integrations.length} catalog tools`]],
    ["Integrates with the others here", (t) => t.integrations.filter((s) => selected.has(s)).map(nameOf)],
    ["Strengths", (t) => t.strengths],
    ["Limitations", (t) => t.limitations],
    ["Risk signals", (t) => t.risks.map((r) => `${RISK_LABELS[r.kind]}: ${r.note}`)],
    ["Last reviewed", (t) => [t.lastReviewed]],
  ];

  const rows = facts.map(([label, read]) => {
    const cells = tools.map(read);
    const keys = cells.map((c) => JSON.stringify([...c].sort()));
    return { label, cells, differs: new Set(keys).size > 1 };
  });
  return {
    tools,
    rows,
    unknown: slugs.filter((s) => !bySlug.has(s)),
    dropped: known.slice(MAX_COMPARED_TOOLS),
  };
}
