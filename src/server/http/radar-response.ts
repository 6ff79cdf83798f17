import "server-only";
import { contentDisposition, type ReportData } from "@/domain/report/report-data";
import { loadReport } from "../assessments/report-service";
import { apiHandler } from "./api-handler";
import { jsonError } from "./api-response";
import { publicOrigin } from "./public-origin";
import { enforceRateLimit } from "./rate-limit";

const FORMATS = {
  csv: { type: "text/csv; charset=utf-8", name: "radar", extension: "csv" },
  json: { type: "application/json; charset=utf-8", name: "radar", extension: "json" },
  backstage: { type: "application/json; charset=utf-8", name: "backstage-radar", extension: "json" },
} as const;

/** A tech-radar export route: rate-limited like the other exports, 404 for an unknown id, a download otherwise. */
export function radarResponse(format: keyof typeof FORMATS, build: (data: ReportData, origin: string) => string) {
  const { type, name, extension } = FORMATS[format];
  return apiHandler(async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
    const limited = await enforceRateLimit(request, "export");
    if (limited) return limited;
    const { id } = await params;
    const data = await loadReport(id);
    if (!data) return jsonError(404, "not_found", "No assessment with this id.");
    return new Response(build(data, publicOrigin(request)), {
      headers: {
        "Content-Type": type,
        "Content-Disposition": contentDisposition(`mlops-stack-${data.assessment.id}-${name}`, extension),
        "Cache-Control": "private, no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
  });
}
