import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { printPageCss, ReportDocument } from "@/features/report/report-document";
import { loadReport } from "@/server/assessments/report-service";

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ diagram?: string | string[]; paper?: string | string[] }>;
};

/** The PDF's title, subject and keywords come from here (Chromium writes the document's metadata into the PDF). */
export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  const data = await loadReport(id);
  const stage = data ? `Stage ${data.profile.stage}: ${data.profile.stageName}` : "Report";
  return {
    title: { absolute: `MLOps stack recommendation — ${stage} (${data?.assessment.createdAt.slice(0, 10) ?? id})` },
    description: "A maturity assessment and its change plan: what is in place, what to change now, next and later.",
    keywords: ["MLOps", "maturity assessment", "tool stack", "change plan"],
    authors: [{ name: "MLOps Stack Advisor" }],
    robots: { index: false, follow: false },
  };
}

/** The printable report: what the PDF export renders (without scripts), and what a browser prints as is. */
export default async function PrintPage({ params, searchParams }: Props) {
  const [{ id }, { diagram, paper }] = await Promise.all([params, searchParams]);
  const data = await loadReport(id);
  if (!data) notFound();
  const phaseNames = Object.fromEntries(data.phases.map((p) => [p.slug, p.name]));
  // ?paper=letter prints on US Letter (A4 otherwise); ?diagram=server leaves the diagram to the PDF renderer.
  return (
    <>
      <style>{printPageCss(paper === "letter" ? "letter" : "a4")}</style>
      <ReportDocument data={data} phaseNames={phaseNames} diagramOnServer={diagram === "server"} />
    </>
  );
}
