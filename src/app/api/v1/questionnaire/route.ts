import { apiHandler } from "@/server/http/api-handler";
import { readPreflight, withReadCors } from "@/server/http/cors";
import { getCurrentQuestionnaire } from "@/server/assessments/questionnaires";
import { jsonOk } from "@/server/http/api-response";

export const dynamic = "force-dynamic";

/** GET /api/v1/questionnaire — the current questionnaire version with every question, option and rule. */
export const GET = apiHandler(async (_request: Request) => {
  return withReadCors(jsonOk({ data: await getCurrentQuestionnaire() }, { cache: "public, max-age=300" }));
});

export const OPTIONS = () => readPreflight();
