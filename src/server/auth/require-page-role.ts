import "server-only";
import { forbidden, redirect } from "next/navigation";
import type { Role } from "@/domain/auth/roles";
import { authorize, type SignedInMaintainer } from "./current-maintainer";

/**
 * For admin pages: the signed-in maintainer with at least `required`, or a redirect to sign-in (anonymous), or a
 * 403 page (signed in without the role). Every admin page calls this itself; layouts do not re-run on every
 * navigation, so they cannot be the only check.
 */
export async function requirePageRole(required: Role, returnTo: string): Promise<SignedInMaintainer> {
  const result = await authorize(required);
  if (result.ok) return result.maintainer;
  if (result.code === "unauthenticated") redirect(`/admin/sign-in?next=${encodeURIComponent(returnTo)}`);
  forbidden();
}
