import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { safeReturnPath } from "@/domain/auth/return-path";
import { SignInForm } from "@/features/admin/sign-in-form";
import { getCurrentMaintainer } from "@/server/auth/current-maintainer";

export const metadata: Metadata = { title: "Maintainer sign-in", robots: { index: false } };

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  // Only a same-origin path under /admin, normalised (no open redirect).
  const next = safeReturnPath(params.next);
  if (await getCurrentMaintainer()) redirect(next);
  return (
    <div className="mx-auto max-w-md px-4 py-16 sm:px-6">
      <h1 className="text-2xl font-bold tracking-tight">Maintainer sign-in</h1>
      <p className="mt-2 text-sm text-ink-muted">
        For the people who keep the catalog true. Accounts are created by an admin.
      </p>
      {params.changed === "1" ? (
        <p role="status" className="mt-4 rounded-lg border border-ok bg-ok-soft p-3 text-sm">
          Your password was changed and every session was signed out. Sign in with the new password.
        </p>
      ) : null}
      <SignInForm next={next} />
    </div>
  );
}
