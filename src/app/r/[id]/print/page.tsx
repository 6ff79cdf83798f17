import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ReportDocument } from "@/features/report/report-document";
import { loadReport } from "@/server/assessments/assessment-service";

export const metadata: Metadata = { title: "Report (print)", robots: { index: false, follow: false } };

/** The printable report: what the PDF export renders, and what a browser prints as is. */
export default async function PrintPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const data = await loadReport(id);
  if (!data) notFound();
  const phaseNames = Object.fromEntries(data.phases.map((p) => [p.slug, p.name]));
  return <ReportDocument data={data} phaseNames={phaseNames} />;
}
