import "server-only";
import { headers } from "next/headers";
import type { z } from "zod";
import type { Role } from "@/domain/auth/roles";
import { isDatabaseUnavailableError } from "../db/database-unavailable";
import { isCrossSite } from "../http/read-json";
import { noteServerActionRan } from "../http/request-context";
import { logger } from "../log/logger";
import { authorize, type SignedInMaintainer } from "./current-maintainer";

/**
 * The one way to write an admin server action. In this order, before the action's own code runs:
 * 1. the request must come from this app's origin (Next.js already refuses server-action POSTs whose Origin does not
 *    match the Host; this repeats the check so that it holds whatever the framework version or proxy setup);
 * 2. the caller must be signed in with at least `required` (the data access layer, current-maintainer.ts);
 * 3. the input must pass `schema` (the same zod schema the content loader and the API use).
 * Failures are values with a code, a message and field errors; a database that cannot be reached is "unavailable"
 * (try again); unexpected errors are logged and answered with a generic message, never a stack trace.
 */

export type ActionFailureCode =
  | "cross_site"
  | "unauthenticated"
  | "forbidden"
  | "invalid"
  | "not_found"
  | "conflict"
  | "refused"
  | "unavailable"
  | "error";
export type FieldErrors = Record<string, string[]>;
export type ActionFailure<C = unknown> = {
  ok: false;
  code: ActionFailureCode;
  message: string;
  fieldErrors?: FieldErrors;
  conflict?: C;
};
export type ActionResult<T = null, C = unknown> = { ok: true; data: T; message?: string } | ActionFailure<C>;

export type ActionContext = { maintainer: SignedInMaintainer; now: Date };

/** Turns zod or entry issues into `{ "capabilities.primary": ["must list …"] }` ("" for the whole form). */
export function toFieldErrors(issues: readonly { path: readonly PropertyKey[]; message: string }[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const key = issue.path.map((p) => String(p)).join(".");
    (errors[key] ??= []).push(issue.message);
  }
  return errors;
}

/** FormData to a plain object; a field sent several times becomes a list. */
export function formDataToObject(form: FormData): Record<string, unknown> {
  const object: Record<string, unknown> = {};
  for (const key of new Set(form.keys())) {
    if (key.startsWith("$ACTION")) continue;
    const values = form.getAll(key).map((v) => (typeof v === "string" ? v : v.name));
    object[key] = values.length === 1 ? values[0] : values;
  }
  return object;
}

export function adminAction<S extends z.ZodType, T, C = unknown>(
  required: Role,
  schema: S,
  run: (input: z.output<S>, context: ActionContext) => Promise<ActionResult<T, C>>,
): (input: unknown) => Promise<ActionResult<T, C>> {
  return async (raw: unknown): Promise<ActionResult<T, C>> => {
    noteServerActionRan();
    try {
      if (isCrossSite({ headers: new Headers(await headers()) })) {
        return { ok: false, code: "cross_site", message: "This request came from another site and was refused." };
      }
      const auth = await authorize(required);
      if (!auth.ok) return { ok: false, code: auth.code, message: auth.message };
      const parsed = schema.safeParse(raw instanceof FormData ? formDataToObject(raw) : raw);
      if (!parsed.success) {
        return {
          ok: false,
          code: "invalid",
          message: "Some fields need attention; nothing was saved.",
          fieldErrors: toFieldErrors(parsed.error.issues),
        };
      }
      return await run(parsed.data, { maintainer: auth.maintainer, now: new Date() });
    } catch (error) {
      if (isDatabaseUnavailableError(error)) {
        logger.warn({ err: error }, "admin action failed: database unavailable");
        return {
          ok: false,
          code: "unavailable",
          message: "The database cannot be reached right now, so nothing was saved. Try again in a few seconds.",
        };
      }
      logger.error({ err: error }, "admin action failed");
      return { ok: false, code: "error", message: "Something went wrong and nothing was saved. Please try again." };
    }
  };
}
