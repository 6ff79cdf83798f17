/**
 * Absolute links a report carries (Markdown, PDF, radar exports): its permalink, other assessments and tool pages,
 * all under the app's public origin. Ids and slugs are URL-encoded, so catalog data cannot change a link's target.
 */
export type ReportLinks = {
  report: string;
  other: (assessmentId: string) => string;
  tool: (slug: string) => string;
};

export function reportLinks(origin: string, assessmentId: string): ReportLinks {
  const base = origin.replace(/\/+$/, "");
  const other = (id: string) => `${base}/r/${encodeURIComponent(id)}`;
  return { report: other(assessmentId), other, tool: (slug) => `${base}/catalog/${encodeURIComponent(slug)}` };
}
