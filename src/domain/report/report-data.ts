import type { ActionItem, MaturityProfile } from "../assessment/score";
import type { Recommendation } from "../recommender/types";
import type { CatalogNotice } from "./catalog-drift";
import type { DiagramPhase } from "./mermaid";
import type { SinceLast } from "./since-last";

/** Everything a report needs, as plain data: the page, the Markdown, the PDF's print page and the JSON export. */
export type ReportData = {
  assessment: {
    id: string;
    createdAt: string;
    questionnaireVersion: string;
    parentId: string | null;
    /** The catalog revision the report was made from (null for reports saved before revisions were kept). */
    catalogRevision?: number | null;
  };
  profile: MaturityProfile;
  recommendation: Recommendation;
  phases: DiagramPhase[];
  /** What changed since the assessment this one was made from (edited answers or a re-run); absent without a parent. */
  sinceLast?: SinceLast | null;
  /** Changes to the catalog since the report was made that touch its picks; absent when there are none. */
  catalogNotice?: CatalogNotice | null;
  /** Later assessments made from this one (edits and re-runs), oldest first. */
  followUps?: { id: string; createdAt: string }[];
};

/** An action item, with the capability whose pick closes it when the scoring says so. */
export type ReportActionItem = ActionItem & { closes?: string };

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

/**
 * A report's data from a scored profile and its plan, for reports that are not saved (the judgement benchmark, the
 * editorial check's tests): the same shape the server builds from a saved assessment, with the id and time passed in.
 */
export function buildReportData(input: {
  id: string;
  createdAt: string;
  profile: MaturityProfile;
  recommendation: Recommendation;
  phases: DiagramPhase[];
  catalogRevision?: number | null;
}): ReportData {
  return {
    assessment: {
      id: input.id,
      createdAt: input.createdAt,
      questionnaireVersion: input.profile.questionnaireVersion,
      parentId: null,
      catalogRevision: input.catalogRevision ?? null,
    },
    profile: input.profile,
    recommendation: input.recommendation,
    phases: input.phases,
  };
}
