import { ChangePasswordForm } from "@/features/admin/maintainer-controls";
import { PageHeader } from "@/features/admin/ui";
import { requirePageRole } from "@/server/auth/require-page-role";

export const metadata = { title: "Your account" };

export default async function AccountPage() {
  const me = await requirePageRole("editor", "/admin/account");
  return (
    <>
      <PageHeader title="Your account" description={`${me.name} · ${me.email} · ${me.role}`} />
      <h2 className="mb-3 text-lg font-semibold">Change your password</h2>
      <p className="mb-4 max-w-2xl text-sm text-ink-muted">
        Changing it signs you out everywhere, on this device too: sign in again with the new password.
      </p>
      <ChangePasswordForm />
    </>
  );
}
