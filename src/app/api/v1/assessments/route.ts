import { apiHandler } from "@/server/http/api-handler";
import { submitAssessment } from "@/server/assessments/assessment-service";
import { jsonError, jsonOk } from "@/server/http/api-response";
import { enforceRateLimit } from "@/server/http/rate-limit";
import { readJsonBody } from "@/server/http/read-json";
import { presentAssessment } from "@/server/assessments/present-assessment";

export const dynamic = "force-dynamic";

/**
 * POST /api/v1/assessments — answers in (JSON keyed by question id), the saved assessment with its scores out:
 * 201 with Location, where GET adds the recommended stack. Invalid answers are a 400 with `answers.<questionId>` paths, and nothing is stored.
 */
export const POST = apiHandler(async (request: Request) => {
  const limited = await enforceRateLimit(request, "write");
  if (limited) return limited;
  const body = await readJsonBody(request);
  if (!body.ok) return body.response;
  const result = await submitAssessment(body.value);
  if (!result.ok) {
    return jsonError(
      result.status,
      "invalid_answers",
      "The answers are not valid; nothing was saved.",
      result.issues.map((i) => ({ path: i.path.join("."), message: i.message })),
    );
  }
  const location = `/api/v1/assessments/${result.assessment.id}`;
  return jsonOk(presentAssessment(result.assessment, result.profile), {
    status: 201,
    headers: { Location: location },
  });
});
