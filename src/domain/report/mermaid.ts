import type { Horizon, Recommendation } from "../recommender/types";
import { toPlainLine } from "./plain-text";

/**
 * The lifecycle diagram as Mermaid flowchart source, safe by construction:
 * - node and subgraph ids are generated (p1, t1, …), never taken from data;
 * - every label is quoted, and every character outside a small safe set is written as a Mermaid entity code
 *   (#35; for "#"), so quotes, brackets, pipes, %%, <, >, &, backticks and the like can never end a label, start a
 *   directive or reach the renderer as markup; control characters and newlines become spaces;
 * - labels are cut to MAX_LABEL characters.
 * Rendering must still use Mermaid's securityLevel "strict" (see features/report/lifecycle-diagram.tsx).
 */

/** Longest label kept in the diagram; long names are cut with an ellipsis so the layout stays readable. */
export const MAX_LABEL = 48;

const SAFE_CHARACTER = /[A-Za-z0-9 .,_\-/+:']/;

/** Escapes text for a quoted Mermaid label. Exported for tests. */
export function mermaidLabel(text: string): string {
  const flat = toPlainLine(text);
  const chars = [...flat];
  const cut = chars.length > MAX_LABEL ? [...chars.slice(0, MAX_LABEL - 1), "…"] : chars;
  return cut.map((ch) => (SAFE_CHARACTER.test(ch) ? ch : `#${ch.codePointAt(0)};`)).join("");
}

export type DiagramPhase = { slug: string; name: string; order: number; isOverlay: boolean };

const HORIZON_CLASS: Record<Horizon, string> = { now: "now", next: "next", later: "later" };

/** Lifecycle flow between phases, in their natural order; monitoring feeds retraining. */
const FEEDBACK_FROM = "monitoring";
const FEEDBACK_TO = "experimentation";

export type DiagramOptions = {
  /** Include items adopted later. Default true. */
  includeLater?: boolean;
};

/**
 * Builds the diagram, top to bottom (it fits a portrait page and a phone): one subgraph per lifecycle phase that has picks, in phase order, each tool once in the phase
 * of its first (earliest-horizon) capability, styled by the horizon it is adopted at; arrows follow the lifecycle;
 * a dashed arrow closes the loop from monitoring back to experimentation (retraining). A legend explains the styles.
 */
export function buildLifecycleDiagram(
  recommendation: Recommendation,
  phases: DiagramPhase[],
  options: DiagramOptions = {},
): string {
  const includeLater = options.includeLater ?? true;
  const rank: Record<Horizon, number> = { now: 0, next: 1, later: 2 };
  type Node = { slug: string; name: string; horizon: Horizon; phase: string; capabilities: string[] };
  const nodes = new Map<string, Node>();
  for (const item of recommendation.items) {
    if (!item.pick || (!includeLater && item.horizon === "later")) continue;
    const entries = [{ slug: item.pick.slug, name: item.pick.name }, ...item.pick.companions];
    for (const entry of entries) {
      const existing = nodes.get(entry.slug);
      if (!existing)
        nodes.set(entry.slug, {
          ...entry,
          horizon: item.horizon,
          phase: item.phase,
          capabilities: [item.capabilityName],
        });
      else {
        existing.capabilities.push(item.capabilityName);
        if (rank[item.horizon] < rank[existing.horizon]) {
          existing.horizon = item.horizon;
          existing.phase = item.phase;
        }
      }
    }
  }

  const ordered = [...phases].sort((a, b) => Number(a.isOverlay) - Number(b.isOverlay) || a.order - b.order);
  const lines = ["flowchart TB"];
  const phaseIds = new Map<string, string>();
  let toolIndex = 0;
  ordered.forEach((phase, i) => {
    const members = [...nodes.values()]
      .filter((n) => n.phase === phase.slug)
      .sort((a, b) => rank[a.horizon] - rank[b.horizon] || a.name.localeCompare(b.name));
    if (members.length === 0) return;
    const phaseId = `p${i + 1}`;
    phaseIds.set(phase.slug, phaseId);
    lines.push(`  subgraph ${phaseId}["${mermaidLabel(phase.name)}"]`);
    lines.push("    direction LR");
    for (const node of members) {
      toolIndex += 1;
      lines.push(`    t${toolIndex}["${mermaidLabel(node.name)}"]:::${HORIZON_CLASS[node.horizon]}`);
    }
    lines.push("  end");
  });

  const flow = ordered.filter((p) => !p.isOverlay && phaseIds.has(p.slug)).map((p) => phaseIds.get(p.slug)!);
  for (let i = 0; i + 1 < flow.length; i++) lines.push(`  ${flow[i]} --> ${flow[i + 1]}`);
  const from = phaseIds.get(FEEDBACK_FROM);
  const to = phaseIds.get(FEEDBACK_TO);
  if (from && to) lines.push(`  ${from} -. retrain .-> ${to}`);
  const overlay = ordered.find((p) => p.isOverlay && phaseIds.has(p.slug));
  const serving = phaseIds.get("serving");
  if (overlay && serving) lines.push(`  ${phaseIds.get(overlay.slug)} --- ${serving}`);

  const used = new Set([...nodes.values()].map((n) => n.horizon));
  lines.push('  subgraph legend["Legend"]', "    direction LR");
  if (used.has("now")) lines.push('    l1["Adopt now"]:::now');
  if (used.has("next")) lines.push('    l2["Next stage"]:::next');
  if (used.has("later")) lines.push('    l3["Later"]:::later');
  lines.push("  end");
  lines.push(
    "  classDef now fill:#4338ca,stroke:#312e81,color:#ffffff,stroke-width:2px",
    "  classDef next fill:#e0e7ff,stroke:#4338ca,color:#1e1b4b,stroke-width:2px",
    "  classDef later fill:#ffffff,stroke:#94a3b8,color:#334155,stroke-dasharray:4 3",
  );
  return lines.join("\n");
}

/** How many tool nodes a diagram draws (for tests and the report's summary). */
export function countToolNodes(source: string): number {
  return (source.match(/^\s+t\d+\[/gm) ?? []).length;
}
