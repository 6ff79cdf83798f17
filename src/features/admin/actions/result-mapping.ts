import "server-only";
import type { ActionResult } from "@/server/auth/admin-action";
import { toFieldErrors } from "@/server/auth/admin-action";
import type { WriteResult } from "@/domain/catalog/change-rules";

/** Turns a repository write result into what the admin forms show. `prefix` matches the form's field names. */
export function writeResultToAction<T>(result: WriteResult<T>, prefix: string, what: string): ActionResult<T> {
  if (result.ok) return { ok: true, data: result.value, message: `${what} saved.` };
  switch (result.reason) {
    case "invalid":
      return {
        ok: false,
        code: "invalid",
        message: "Some fields need attention; nothing was saved.",
        fieldErrors: toFieldErrors(
          result.issues.map((i) => ({ path: i.path.length > 0 ? [prefix, ...i.path] : [], message: i.message })),
        ),
      };
    case "conflict":
      return {
        ok: false,
        code: "conflict",
        message: `Someone else changed this ${what.toLowerCase()} after you opened it. Nothing was overwritten: review their changes below.`,
        conflict: { current: result.current, lastChange: result.lastChange },
      };
    case "exists":
      return {
        ok: false,
        code: "invalid",
        message: "That slug is taken.",
        fieldErrors: { [`${prefix}.slug`]: ["is already used by another entry"] },
      };
    case "referenced":
      return {
        ok: false,
        code: "refused",
        message: `Still referenced, so it cannot be deleted: ${result.references.join("; ")}.`,
      };
    case "not_found":
      return { ok: false, code: "not_found", message: `That ${what.toLowerCase()} no longer exists.` };
  }
}
