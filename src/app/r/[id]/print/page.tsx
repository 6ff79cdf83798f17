import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ReportDocument } from "@/features/report/report-document";
import { loadReport } from "@/server/assessments/assessment-service";

export const metadata: Metadata = { title: "Report (print)", robots: { index: false, follow: false } };

/** The printable report: what the PDF export renders (without scripts), and what a browser prints as is. */
export default async function PrintPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ diagram?: string | string[] }>;
}) {
  const [{ id }, { diagram }] = await Promise.all([params, searchParams]);
  const data = await loadReport(id);
  if (!data) notFound();
  const phaseNames = Object.fromEntries(data.phases.map((p) => [p.slug, p.name]));
  // ?diagram=server: the PDF export draws the diagram with its own warm renderer and fills the slot.
  return <ReportDocument data={data} phaseNames={phaseNames} diagramOnServer={diagram === "server"} />;
}
