import { ImportForm } from "@/features/admin/import-form";
import { PageHeader, PRIMARY_BUTTON } from "@/features/admin/ui";
import { requirePageRole } from "@/server/auth/require-page-role";

export const metadata = { title: "Import and export" };

export default async function TransferPage() {
  await requirePageRole("editor", "/admin/transfer");
  return (
    <>
      <PageHeader
        title="Import and export"
        description="The catalog in the content/ YAML format (docs/catalog-content.md), so that edits made here can flow back into the repository by pull request, and back again."
      />
      <section aria-labelledby="export-heading" className="mb-10 space-y-2">
        <h2 id="export-heading" className="text-lg font-semibold">
          Export
        </h2>
        <p className="text-sm text-ink-muted">
          One file with every phase, capability and tool. From the command line: <code>npm run catalog:export</code>{" "}
          writes a directory laid out like content/.
        </p>
        <a href="/api/admin/export" download className={PRIMARY_BUTTON}>
          Download the catalog (YAML)
        </a>
      </section>
      <section aria-labelledby="import-heading" className="space-y-2">
        <h2 id="import-heading" className="text-lg font-semibold">
          Import
        </h2>
        <p className="text-sm text-ink-muted">
          Entries in the file are created or updated; entries not in the file are left alone. A file with any problem is
          refused whole, with every problem named by entry and field. From the command line:{" "}
          <code>npm run catalog:import -- file.yaml</code> (add <code>--apply</code> to write).
        </p>
        <ImportForm />
      </section>
    </>
  );
}
