import { expect, type APIRequestContext } from "@playwright/test";

type Question = { id: string; kind: string; constraint?: string; options: { value: string; level?: number }[] };

/**
 * Creates an assessment through the public API, as a script would: middle answers, the given constraints (by
 * constraint key; a multi-choice constraint as comma-separated values), and the given tools in use.
 */
export async function createAssessment(
  request: APIRequestContext,
  constraints: Record<string, string>,
  tools: string[] = [],
): Promise<string> {
  const questionnaire = (await (await request.get("/api/v1/questionnaire")).json()) as {
    data: { questions: Question[] };
  };
  const answers: Record<string, unknown> = {};
  for (const q of questionnaire.data.questions) {
    if (q.kind === "tools") {
      if (tools.length > 0) answers[q.id] = tools;
    } else if (q.constraint && q.kind === "multi")
      // Several values, comma-separated ("aws,on-premises"); by default the first option.
      answers[q.id] = (constraints[q.constraint] ?? q.options[0]!.value).split(",");
    else if (q.constraint) answers[q.id] = constraints[q.constraint] ?? q.options[0]!.value;
    else if (q.kind === "scale") answers[q.id] = 2;
    else if (q.kind === "multi") answers[q.id] = q.options.slice(0, 2).map((o) => o.value);
    else answers[q.id] = q.options[Math.min(2, q.options.length - 1)]!.value;
  }
  const response = await request.post("/api/v1/assessments", { data: { answers } });
  expect(response.status()).toBe(201);
  return ((await response.json()) as { id: string }).id;
}
