import type { RecommendationItem } from "../recommender/types";
import { reportLinks } from "./links";
import { sectionOf } from "./plan";
import { toPlainLine } from "./plain-text";
import type { ReportData } from "./report-data";

/**
 * The plan as a technology radar, for the tools architects already use to publish one:
 * - Thoughtworks Build Your Own Radar (BYOR): CSV or JSON rows of name, ring, quadrant, isNew, description;
 * - Backstage's tech-radar plugin: { quadrants, rings, entries } as its loader returns them.
 * Rings follow the plan: adopt = in place and now, trial = next, assess = later, hold = tools in use that the plan
 * replaces. Quadrants group the lifecycle phases in four (radars have exactly four). One entry per tool, at its
 * earliest ring; "new" means new to the team (not in use).
 */

export type Ring = "adopt" | "trial" | "assess" | "hold";

export const RINGS: { id: Ring; name: string; color: string; description: string }[] = [
  { id: "adopt", name: "Adopt", color: "#5ba300", description: "In place, or to adopt now." },
  { id: "trial", name: "Trial", color: "#009eb0", description: "Next: adopt when its trigger applies." },
  { id: "assess", name: "Assess", color: "#c7ba00", description: "Later: not worth it before its trigger." },
  { id: "hold", name: "Hold", color: "#e09b96", description: "In use today; the plan replaces it." },
];

const RING_RANK: Record<Ring, number> = { adopt: 0, trial: 1, assess: 2, hold: 3 };

export type Quadrant = "data" | "models" | "delivery" | "operations";

export const QUADRANTS: { id: Quadrant; name: string }[] = [
  { id: "data", name: "Data & features" },
  { id: "models", name: "Experiments & models" },
  { id: "delivery", name: "Delivery & serving" },
  { id: "operations", name: "Operations & governance" },
];

/** Lifecycle phases by quadrant; a phase not listed (a new one) goes to operations. */
const PHASE_QUADRANT: Record<string, Quadrant> = {
  "data-features": "data",
  experimentation: "models",
  "model-management": "models",
  llmops: "models",
  "cicd-infrastructure": "delivery",
  serving: "delivery",
  monitoring: "operations",
  "governance-security": "operations",
};

export type RadarEntry = {
  slug: string;
  name: string;
  ring: Ring;
  quadrant: Quadrant;
  isNew: boolean;
  description: string;
  url: string;
};

function ringOf(item: RecommendationItem): Ring {
  const section = sectionOf(item);
  return section === "inPlace" || section === "now" ? "adopt" : section === "next" ? "trial" : "assess";
}

/** The radar's entries, sorted by quadrant, ring and name. */
export function radarEntries(data: ReportData, origin: string): RadarEntry[] {
  const links = reportLinks(origin, data.assessment.id);
  const entries = new Map<string, RadarEntry & { jobs: string[] }>();
  const put = (slug: string, name: string, ring: Ring, item: RecommendationItem, isNew: boolean, note: string) => {
    const existing = entries.get(slug);
    if (existing) {
      existing.jobs.push(item.capabilityName);
      if (RING_RANK[ring] < RING_RANK[existing.ring])
        Object.assign(existing, { ring, quadrant: PHASE_QUADRANT[item.phase] ?? "operations", description: note });
      existing.isNew &&= isNew;
      return;
    }
    entries.set(slug, {
      slug,
      name: toPlainLine(name),
      ring,
      quadrant: PHASE_QUADRANT[item.phase] ?? "operations",
      isNew,
      description: note,
      url: links.tool(slug),
      jobs: [item.capabilityName],
    });
  };
  for (const item of data.recommendation.items) {
    if (item.pick) {
      const ring = ringOf(item);
      const inUse = item.change === "keep" || item.pick.isKept;
      const when =
        ring === "adopt" ? (inUse ? "In place." : "Adopt now.") : `When: ${item.triggerMet ?? item.trigger}.`;
      const note = `${when} ${item.pick.reasons[0] ?? ""}`.trim();
      put(item.pick.slug, item.pick.name, ring, item, !inUse, note);
      for (const c of item.pick.companions)
        put(c.slug, c.name, ring, item, !inUse, `${when} With ${item.pick.name}: ${c.why}.`);
    }
    if (item.change === "replace" && item.replaces) {
      put(
        item.replaces.slug,
        item.replaces.name,
        "hold",
        item,
        false,
        `Replace with ${item.pick?.name ?? "the plan's pick"}: ${item.replaces.reason}. Migration: ${item.replaces.migration}.`,
      );
    }
  }
  const quadrantRank = new Map(QUADRANTS.map((q, i) => [q.id, i]));
  return [...entries.values()]
    .map(({ jobs, ...entry }) => ({ ...entry, description: toPlainLine(`${jobs.join(", ")}. ${entry.description}`) }))
    .sort(
      (a, b) =>
        quadrantRank.get(a.quadrant)! - quadrantRank.get(b.quadrant)! ||
        RING_RANK[a.ring] - RING_RANK[b.ring] ||
        a.name.localeCompare(b.name),
    );
}

/** BYOR renders descriptions as HTML: ours are text, so they are escaped. */
function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

const quadrantName = (id: Quadrant) => QUADRANTS.find((q) => q.id === id)!.name;

/** BYOR's rows (the JSON form; the CSV has the same columns in this order). */
export function byorRows(data: ReportData, origin: string) {
  return radarEntries(data, origin).map((e) => ({
    name: e.name,
    ring: e.ring,
    quadrant: quadrantName(e.quadrant),
    isNew: e.isNew ? "TRUE" : "FALSE",
    description: escapeHtml(e.description),
  }));
}

export const BYOR_COLUMNS = ["name", "ring", "quadrant", "isNew", "description"] as const;

/**
 * One CSV field (RFC 4180): quoted when it holds a comma, quote or line break. A field that a spreadsheet would run
 * as a formula (= + - @, tab, carriage return) is prefixed with an apostrophe.
 */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The BYOR CSV, with a header row and CRLF line ends. */
export function byorCsv(data: ReportData, origin: string): string {
  const rows = byorRows(data, origin).map((r) => BYOR_COLUMNS.map((c) => csvField(r[c])).join(","));
  return `${[BYOR_COLUMNS.join(","), ...rows].join("\r\n")}\r\n`;
}

/** Backstage's TechRadarLoaderResponse: dates are ISO strings (the plugin parses them). */
export function backstageRadar(data: ReportData, origin: string) {
  const date = data.assessment.createdAt;
  return {
    quadrants: QUADRANTS.map((q) => ({ id: q.id, name: q.name })),
    rings: RINGS.map((r) => ({ id: r.id, name: r.name.toUpperCase(), color: r.color, description: r.description })),
    entries: radarEntries(data, origin).map((e) => ({
      key: e.slug,
      id: e.slug,
      quadrant: e.quadrant,
      title: e.name,
      description: e.description,
      links: [{ url: e.url, title: "Catalog entry" }],
      timeline: [{ date, ringId: e.ring, moved: 0, description: e.isNew ? "New to the team" : "In use" }],
    })),
  };
}
