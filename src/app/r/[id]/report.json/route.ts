import { apiHandler } from "@/server/http/api-handler";
import { contentDisposition } from "@/domain/report/report-data";
import { toReportJson } from "@/domain/report/report-schema";
import { loadReport } from "@/server/assessments/report-service";
import { jsonError } from "@/server/http/api-response";
import { publicOrigin } from "@/server/http/public-origin";
import { enforceRateLimit } from "@/server/http/rate-limit";

export const dynamic = "force-dynamic";

/** GET /r/{id}/report.json — the full report as it was made; schema at /schemas/report.schema.json (absolute $schema). */
export const GET = apiHandler(async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const limited = await enforceRateLimit(request, "export");
  if (limited) return limited;
  const { id } = await params;
  const data = await loadReport(id);
  if (!data) return jsonError(404, "not_found", "No assessment with this id.");
  const json = toReportJson(data, new Date().toISOString(), publicOrigin(request));
  return new Response(`${JSON.stringify(json, null, 2)}\n`, {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": contentDisposition(`mlops-stack-${data.assessment.id}`, "json"),
      "Cache-Control": "private, no-store",
    },
  });
});
