import { apiHandler } from "@/server/http/api-handler";
import { buildMarkdownReport } from "@/domain/report/markdown";
import { contentDisposition } from "@/domain/report/report-data";
import { loadReport } from "@/server/assessments/assessment-service";
import { jsonError } from "@/server/http/api-response";
import { publicOrigin } from "@/server/http/public-origin";
import { enforceRateLimit } from "@/server/http/rate-limit";

export const dynamic = "force-dynamic";

/** GET /r/{id}/report.md — the report as GitHub-flavoured Markdown with a Mermaid diagram and absolute links. */
export const GET = apiHandler(async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const limited = await enforceRateLimit(request, "export");
  if (limited) return limited;
  const { id } = await params;
  const data = await loadReport(id);
  if (!data) return jsonError(404, "not_found", "No assessment with this id.");
  return new Response(buildMarkdownReport(data, { origin: publicOrigin(request) }), {
    headers: {
      "Content-Type": "text/markdown; charset=utf-8",
      "Content-Disposition": contentDisposition(`mlops-stack-${data.assessment.id}`, "md"),
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
});
