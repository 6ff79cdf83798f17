"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { rerunAssessment } from "@/server/assessments/report-service";
import { isCrossSite } from "@/server/http/read-json";
import { enforceRateLimit } from "@/server/http/rate-limit";
import { ASSESSMENT_ID_PATTERN } from "@/server/repositories/assessment-repository";

/** What the re-run form posts: the assessment whose answers to re-run. */
const ZRerun = z.object({ id: z.string().regex(ASSESSMENT_ID_PATTERN) });

export type RerunState = { error: string | null };

/**
 * "Re-run with the same answers on today's catalog", from the report's catalog notice. A plain form post (works
 * without JavaScript): the same-site check and the write rate limit apply as to any write; anyone holding the report's
 * id may re-run it, as they may read it. On success, the browser goes to the new report (which links back).
 */
export async function rerunReportAction(_state: RerunState, form: FormData): Promise<RerunState> {
  const requestHeaders = new Headers(await headers());
  if (isCrossSite({ headers: requestHeaders }))
    return { error: "This request came from another site and was refused." };
  const parsed = ZRerun.safeParse({ id: form.get("id") });
  if (!parsed.success) return { error: "This report's id is not valid." };
  const limited = await enforceRateLimit(new Request("http://internal.invalid/", { headers: requestHeaders }), "write");
  if (limited) return { error: "Too many new assessments from here; try again in a minute." };
  const result = await rerunAssessment(parsed.data.id);
  if (!result.ok)
    return {
      error:
        result.reason === "not_found"
          ? "This assessment no longer exists."
          : "Some answers no longer fit today's questionnaire: edit the answers instead.",
    };
  redirect(`/r/${result.id}`);
}
