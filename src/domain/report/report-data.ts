import type { MaturityProfile } from "../assessment/score";
import type { Recommendation } from "../recommender/types";
import type { DiagramPhase } from "./mermaid";

/** Everything a report needs, as plain data: the page, the Markdown, the PDF's print page and the JSON export. */
export type ReportData = {
  assessment: { id: string; createdAt: string; questionnaireVersion: string; parentId: string | null };
  profile: MaturityProfile;
  recommendation: Recommendation;
  phases: DiagramPhase[];
};

/** Safe download names: ASCII for the plain parameter, UTF-8 for filename* (RFC 6266 / RFC 5987). */
export function contentDisposition(baseName: string, extension: string): string {
  const ascii =
    baseName
      .replace(/[^A-Za-z0-9._-]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 80) || "report";
  const encoded = encodeURIComponent(`${baseName}.${extension}`).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}.${extension}"; filename*=UTF-8''${encoded}`;
}
