import { Badge } from "@/components/badge";
import { CreateMaintainerForm, MaintainerRowControls } from "@/features/admin/maintainer-controls";
import { PageHeader } from "@/features/admin/ui";
import { formatTime } from "@/features/admin/audit-table";
import { requirePageRole } from "@/server/auth/require-page-role";
import { listMaintainers } from "@/server/repositories/maintainer-repository";

export const metadata = { title: "Maintainers" };

export default async function MaintainersPage() {
  const me = await requirePageRole("admin", "/admin/maintainers");
  const maintainers = await listMaintainers(new Date());
  return (
    <>
      <PageHeader
        title="Maintainers"
        description="Admins manage the catalog and maintainers; editors manage the catalog only. Changing a role or disabling an account signs it out everywhere at once."
      />
      <div className="overflow-x-auto rounded-lg border border-line">
        <table className="w-full border-collapse text-left text-sm">
          <caption className="sr-only">Maintainer accounts</caption>
          <thead className="bg-surface-muted text-xs text-ink-muted">
            <tr>
              <th scope="col" className="px-3 py-2 font-medium">
                Maintainer
              </th>
              <th scope="col" className="px-3 py-2 font-medium">
                Role
              </th>
              <th scope="col" className="px-3 py-2 font-medium">
                Sessions
              </th>
              <th scope="col" className="px-3 py-2 font-medium">
                Last sign-in
              </th>
              <th scope="col" className="px-3 py-2 font-medium">
                Manage
              </th>
            </tr>
          </thead>
          <tbody>
            {maintainers.map((m) => (
              <tr key={m.id} className="border-t border-line align-top">
                <td className="px-3 py-2">
                  <div className="font-medium">{m.name}</div>
                  <div className="text-ink-muted">{m.email}</div>
                  {m.disabledAt ? <Badge tone="danger">Disabled</Badge> : null}
                </td>
                <td className="px-3 py-2">{m.role}</td>
                <td className="px-3 py-2">{m.activeSessions}</td>
                <td className="px-3 py-2 whitespace-nowrap">{m.lastSignInAt ? formatTime(m.lastSignInAt) : "never"}</td>
                <td className="px-3 py-2">
                  <MaintainerRowControls
                    id={m.id}
                    email={m.email}
                    role={m.role}
                    disabled={m.disabledAt !== null}
                    isSelf={m.id === me.id}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <section aria-labelledby="add-heading" className="mt-10">
        <h2 id="add-heading" className="mb-3 text-lg font-semibold">
          Add a maintainer
        </h2>
        <p className="mb-3 text-sm text-ink-muted">
          The account gets a generated password, shown once here. Ask them to change it on their Account page.
        </p>
        <CreateMaintainerForm />
      </section>
    </>
  );
}
