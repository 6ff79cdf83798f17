import { getCurrentQuestionnaire } from "@/server/assessments/questionnaires";
import { jsonOk } from "@/server/http/api-response";

export const dynamic = "force-dynamic";

/** GET /api/v1/questionnaire — the current questionnaire version with every question, option and rule. */
export async function GET() {
  return jsonOk({ data: await getCurrentQuestionnaire() }, { cache: "public, max-age=300" });
}
