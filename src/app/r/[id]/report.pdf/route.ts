import { apiHandler } from "@/server/http/api-handler";
import { contentDisposition } from "@/domain/report/report-data";
import { buildLifecycleDiagram } from "@/domain/report/mermaid";
import { PRINT_DIAGRAM_TITLE } from "@/features/report/report-document";
import { loadReport } from "@/server/assessments/report-service";
import { jsonError } from "@/server/http/api-response";
import { internalOrigin } from "@/server/http/internal-origin";
import { enforceRateLimit } from "@/server/http/rate-limit";
import { logger } from "@/server/log/logger";
import { PdfTimeoutError, PdfUnavailableError, renderPdf, type PaperFormat } from "@/server/pdf/render-pdf";

export const dynamic = "force-dynamic";

/**
 * GET /r/{id}/report.pdf?format=a4|letter — the print page rendered by headless Chromium. The server renders its
 * own loopback address, never a URL taken from the request.
 */
export const GET = apiHandler(async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const limited = await enforceRateLimit(request, "pdf");
  if (limited) return limited;
  const { id } = await params;
  const formatParam = new URL(request.url).searchParams.get("format")?.toLowerCase() ?? "a4";
  if (formatParam !== "a4" && formatParam !== "letter") {
    return jsonError(400, "invalid_query", "The query parameters are not valid.", [
      { path: "format", message: "must be a4 or letter" },
    ]);
  }
  const report = await loadReport(id);
  if (!report) return jsonError(404, "not_found", "No assessment with this id.");
  const format: PaperFormat = formatParam === "a4" ? "A4" : "Letter";
  const printUrl = `${internalOrigin()}/r/${encodeURIComponent(id)}/print?diagram=server&paper=${formatParam}`;
  const diagram = {
    source: buildLifecycleDiagram(report.recommendation, report.phases, { layoutHints: true }),
    title: PRINT_DIAGRAM_TITLE,
  };
  try {
    const pdf = await renderPdf(printUrl, format, diagram);
    return new Response(new Uint8Array(pdf), {
      headers: {
        "Content-Type": "application/pdf",
        "Content-Disposition": contentDisposition(`mlops-stack-${id}-${formatParam}`, "pdf"),
        "Cache-Control": "private, no-store",
      },
    });
  } catch (error) {
    if (error instanceof PdfUnavailableError) {
      return jsonError(
        503,
        "pdf_unavailable",
        "PDF export is not available on this server (Chromium is not installed). Use your browser's Print to save a PDF.",
      );
    }
    if (error instanceof PdfTimeoutError) return jsonError(504, "pdf_timeout", error.message);
    logger.error({ err: error, id }, "pdf export failed");
    return jsonError(500, "pdf_failed", "The PDF could not be produced. Use your browser's Print to save a PDF.");
  }
});
