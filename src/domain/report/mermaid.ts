import type { Recommendation, RecommendationItem } from "../recommender/types";
import { toPlainLine } from "./plain-text";

/**
 * The lifecycle diagram as Mermaid flowchart source, safe by construction:
 * - node and subgraph ids are generated (c1, b1, t1, …), never taken from data;
 * - every label is quoted, and every character outside a small safe set is written as a Mermaid entity code
 *   (#35; for "#"), so quotes, brackets, pipes, %%, <, >, &, backticks and the like can never end a label, start a
 *   directive or reach the renderer as markup; control characters and newlines become spaces;
 * - labels are cut to MAX_LABEL characters.
 * Rendering must still use Mermaid's securityLevel "strict" (see features/report/mermaid-config.ts).
 */

/** Longest label kept in the diagram; long names are cut with an ellipsis so that a column stays narrow. */
export const MAX_LABEL = 40;

const SAFE_CHARACTER = /[A-Za-z0-9 .,_\-/+:']/;

/** Escapes text for a quoted Mermaid label. Exported for tests. */
export function mermaidLabel(text: string, max = MAX_LABEL): string {
  const flat = toPlainLine(text);
  const chars = [...flat];
  const cut = chars.length > max ? [...chars.slice(0, max - 1), "…"] : chars;
  return cut.map((ch) => (SAFE_CHARACTER.test(ch) ? ch : `#${ch.codePointAt(0)};`)).join("");
}

export type DiagramPhase = { slug: string; name: string; order: number; isOverlay: boolean };

/** How a tool stands in the plan: in place (kept), or new now, at the next stage or later. */
export type DiagramStatus = "inplace" | "now" | "next" | "later";

const STATUS_RANK: Record<DiagramStatus, number> = { inplace: 0, now: 1, next: 2, later: 3 };

/** The legend's words for each style; the report page and the PDF caption use the same. */
export const STATUS_LEGEND: Record<DiagramStatus, string> = {
  inplace: "In place",
  now: "Now",
  next: "Next",
  later: "Later",
};

/**
 * Capabilities drawn in the "Platform" band under the lifecycle instead of in their phase's column: they carry every
 * phase (containers, clusters, infrastructure code, registries for images, accelerators, an ML platform, the team's
 * shared documents) rather than one step of it.
 */
export const PLATFORM_CAPABILITIES: ReadonlySet<string> = new Set([
  "containers",
  "container-orchestration",
  "infrastructure-as-code",
  "artifact-registry",
  "gpu-scheduling",
  "ml-platform",
  "collaboration-docs",
]);

/** Phases drawn as a band under the lifecycle (they apply to every step) rather than as a column. */
export const BAND_PHASES: ReadonlySet<string> = new Set(["governance-security"]);

/** The band's name for PLATFORM_CAPABILITIES. */
export const PLATFORM_BAND_NAME = "Platform";

/** Monitoring feeds retraining: the dashed arrow goes from this phase back to that one, for teams that train. */
const FEEDBACK_FROM = "monitoring";
const FEEDBACK_TO = "experimentation";

/**
 * Fill, border and text of each style. Every pair has a contrast of at least 4.5:1 and reads on a light and a dark
 * page alike (the node colours do not follow the theme; clusters and arrows do, see mermaid-config.ts).
 */
const CLASS_DEFS: Record<DiagramStatus, string> = {
  inplace: "fill:#dcfce7,stroke:#15803d,color:#14532d,stroke-width:2px",
  now: "fill:#4338ca,stroke:#312e81,color:#ffffff,stroke-width:2px",
  next: "fill:#e0e7ff,stroke:#4338ca,color:#1e1b4b,stroke-width:2px",
  later: "fill:#f8fafc,stroke:#64748b,color:#334155,stroke-dasharray:4 3",
};

/** Marks a tool the team already uses, in its label (so it survives printing in black and white). */
export const IN_USE_MARK = "✓";

type Lane = { key: string; name: string; kind: "column" | "band"; order: number };

export type DiagramNode = {
  /** Tool slug, or `practice:<capability>` for a practice in place without a named tool. */
  key: string;
  name: string;
  status: DiagramStatus;
  isInUse: boolean;
  /** The tool in use it replaces (change "replace"). */
  replaces?: string;
  capabilities: string[];
};

export type DiagramLayout = {
  columns: { lane: Lane; nodes: DiagramNode[] }[];
  bands: { lane: Lane; nodes: DiagramNode[] }[];
  feedback: boolean;
  statuses: DiagramStatus[];
};

/** The plan's status of an item: in place when kept, else its horizon. */
export function statusOf(item: Pick<RecommendationItem, "change" | "horizon">): DiagramStatus {
  return item.change === "keep" ? "inplace" : item.horizon;
}

function laneFor(item: RecommendationItem, phases: Map<string, DiagramPhase>): Lane {
  if (PLATFORM_CAPABILITIES.has(item.capability))
    return { key: "band:platform", name: PLATFORM_BAND_NAME, kind: "band", order: 2_000 };
  const phase = phases.get(item.phase) ?? { slug: item.phase, name: item.phase, order: 999, isOverlay: false };
  if (phase.isOverlay) return { key: `band:${phase.slug}`, name: phase.name, kind: "band", order: phase.order };
  if (BAND_PHASES.has(phase.slug))
    return { key: `band:${phase.slug}`, name: phase.name, kind: "band", order: 1_000 + phase.order };
  return { key: `column:${phase.slug}`, name: phase.name, kind: "column", order: phase.order };
}

/**
 * Where each tool goes: one node per tool per lane (a tool that does jobs in three phases appears in all three),
 * styled by its best status in that lane (in place before now before next before later). A practice the team has
 * in place without naming a tool is a node named after the capability. Items with nothing picked and nothing in place
 * are not drawn (the report lists them as uncovered).
 */
export function layoutLifecycle(recommendation: Recommendation, phases: DiagramPhase[]): DiagramLayout {
  const byPhase = new Map(phases.map((p) => [p.slug, p]));
  const lanes = new Map<string, { lane: Lane; nodes: Map<string, DiagramNode> }>();
  const place = (lane: Lane, node: DiagramNode) => {
    let entry = lanes.get(lane.key);
    if (!entry) lanes.set(lane.key, (entry = { lane, nodes: new Map() }));
    const existing = entry.nodes.get(node.key);
    if (!existing) {
      entry.nodes.set(node.key, node);
      return;
    }
    existing.capabilities.push(...node.capabilities);
    existing.isInUse ||= node.isInUse;
    existing.replaces ??= node.replaces;
    if (STATUS_RANK[node.status] < STATUS_RANK[existing.status]) existing.status = node.status;
  };
  for (const item of recommendation.items) {
    const status = statusOf(item);
    const lane = laneFor(item, byPhase);
    if (!item.pick) {
      if (item.change === "keep")
        place(lane, {
          key: `practice:${item.capability}`,
          name: item.capabilityName,
          status,
          isInUse: true,
          capabilities: [item.capabilityName],
        });
      continue;
    }
    const isInUse = item.change === "keep" || item.pick.isKept;
    place(lane, {
      key: item.pick.slug,
      name: item.pick.name,
      status,
      isInUse,
      replaces: item.change === "replace" ? item.replaces?.name : undefined,
      capabilities: [item.capabilityName],
    });
    for (const companion of item.pick.companions)
      place(lane, {
        key: companion.slug,
        name: companion.name,
        status,
        isInUse,
        capabilities: [item.capabilityName],
      });
  }
  const sortNodes = (nodes: Iterable<DiagramNode>) =>
    [...nodes].sort((a, b) => STATUS_RANK[a.status] - STATUS_RANK[b.status] || a.name.localeCompare(b.name));
  const ordered = [...lanes.values()].sort(
    (a, b) => a.lane.order - b.lane.order || a.lane.key.localeCompare(b.lane.key),
  );
  const columns = ordered
    .filter((l) => l.lane.kind === "column")
    .map((l) => ({ lane: l.lane, nodes: sortNodes(l.nodes.values()) }));
  const bands = ordered
    .filter((l) => l.lane.kind === "band")
    .map((l) => ({ lane: l.lane, nodes: sortNodes(l.nodes.values()) }));
  const present = new Set(columns.map((c) => c.lane.key));
  const statuses = (Object.keys(STATUS_RANK) as DiagramStatus[]).filter((s) =>
    [...columns, ...bands].some((lane) => lane.nodes.some((n) => n.status === s)),
  );
  return {
    columns,
    bands,
    feedback:
      recommendation.trainsModels && present.has(`column:${FEEDBACK_FROM}`) && present.has(`column:${FEEDBACK_TO}`),
    statuses,
  };
}

function nodeLabel(node: DiagramNode): string {
  const mark = node.isInUse ? `${IN_USE_MARK} ` : "";
  const replaces = node.replaces ? ` (replaces ${node.replaces})` : "";
  return mermaidLabel(`${mark}${node.name}${replaces}`);
}

export type DiagramOptions = {
  /**
   * Add Mermaid 12 layout hints (`id@{ algorithm: "elk.rectpacking" }`: each column and band packs its tools
   * tightly instead of ELK's wide default spacing). Our page and PDF draw with Mermaid 12 and use them; the Markdown
   * export leaves them out, because renderers of Mermaid 11 and older (GitHub's, GitLab's) do not know them.
   */
  layoutHints?: boolean;
};

/**
 * The diagram, left to right in lifecycle order: one column per phase with picks (data & features → experimentation
 * → model management → CI/CD/CT → serving → monitoring), arrows between consecutive columns, and a dashed
 * "retrain" arrow from monitoring back to experimentation only for teams that train models. Under the columns, side
 * by side, one band per cross-cutting area (LLMOps when the plan has any, governance & security, the platform) and
 * the legend of the styles used. Mermaid 12 lays it out with ELK, which honours the nested directions; older
 * renderers (GitHub's) fall back to dagre and still draw every node and arrow.
 */
export function buildLifecycleDiagram(
  recommendation: Recommendation,
  phases: DiagramPhase[],
  options: DiagramOptions = {},
): string {
  const layout = layoutLifecycle(recommendation, phases);
  const lines = ["flowchart TB"];
  const packed: string[] = [];
  let toolIndex = 0;
  const node = (n: DiagramNode, indent: string) => `${indent}t${++toolIndex}["${nodeLabel(n)}"]:::${n.status}`;

  if (layout.columns.length > 0) {
    lines.push('  subgraph life[" "]', "    direction LR");
    layout.columns.forEach((column, i) => {
      lines.push(`    subgraph c${i + 1}["${mermaidLabel(column.lane.name)}"]`);
      for (const n of column.nodes) lines.push(node(n, "      "));
      lines.push("    end");
      packed.push(`c${i + 1}`);
    });
    for (let i = 1; i < layout.columns.length; i++) lines.push(`    c${i} --> c${i + 1}`);
    if (layout.feedback) {
      const from = layout.columns.findIndex((c) => c.lane.key === `column:${FEEDBACK_FROM}`) + 1;
      const to = layout.columns.findIndex((c) => c.lane.key === `column:${FEEDBACK_TO}`) + 1;
      lines.push(`    c${from} -. retrain .-> c${to}`);
    }
    lines.push("  end");
  }

  const hasLegend = layout.statuses.length > 0;
  const below: string[] = [];
  if (layout.bands.length > 0 || hasLegend) {
    lines.push('  subgraph base[" "]', "    direction LR");
    layout.bands.forEach((band, i) => {
      lines.push(`    subgraph b${i + 1}["${mermaidLabel(band.lane.name)}"]`, "      direction TB");
      for (const n of band.nodes) lines.push(node(n, "      "));
      lines.push("    end");
      below.push(`b${i + 1}`);
    });
    if (hasLegend) {
      lines.push('    subgraph legend["Legend"]', "      direction TB");
      layout.statuses.forEach((status, i) => {
        const words = status === "inplace" ? `${IN_USE_MARK} ${STATUS_LEGEND[status]}` : STATUS_LEGEND[status];
        lines.push(`      l${i + 1}["${mermaidLabel(words)}"]:::${status}`);
      });
      lines.push("    end");
      below.push("legend");
    }
    // Invisible links keep the bands and the legend side by side, in this order.
    if (below.length > 1) lines.push(`    ${below.join(" ~~~ ")}`);
    packed.push(...below);
    lines.push("  end");
  }
  if (layout.columns.length > 0 && below.length > 0) lines.push("  life ~~~ base");
  if (layout.columns.length > 0) lines.push("  style life fill:none,stroke:none");
  if (below.length > 0) lines.push("  style base fill:none,stroke:none");
  if (options.layoutHints) for (const id of packed) lines.push(`  ${id}@{ algorithm: "elk.rectpacking" }`);
  for (const status of Object.keys(CLASS_DEFS) as DiagramStatus[])
    lines.push(`  classDef ${status} ${CLASS_DEFS[status]}`);
  return lines.join("\n");
}

/** How many tool nodes a diagram draws (legend entries excluded). */
export function countToolNodes(source: string): number {
  return (source.match(/^\s+t\d+\[/gm) ?? []).length;
}
