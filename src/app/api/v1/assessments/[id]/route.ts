import { apiHandler } from "@/server/http/api-handler";
import { loadAssessment } from "@/server/assessments/assessment-service";
import { presentAssessmentWithStack } from "@/server/assessments/present-assessment";
import { jsonError, jsonOk } from "@/server/http/api-response";

export const dynamic = "force-dynamic";

/** GET /api/v1/assessments/{id} — the saved answers, their scoring and the stack as the report was made (decision 014). Private: the id is the only key. */
export const GET = apiHandler(async (_request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const { id } = await params;
  const loaded = await loadAssessment(id);
  if (!loaded) return jsonError(404, "not_found", "No assessment with this id.");
  return jsonOk(presentAssessmentWithStack(loaded.assessment, loaded.profile, loaded.recommendation));
});
