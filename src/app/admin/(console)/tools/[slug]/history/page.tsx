import Link from "next/link";
import type { Route } from "next";
import { AuditTable } from "@/features/admin/audit-table";
import { RestoreButton } from "@/features/admin/restore-button";
import { PageHeader } from "@/features/admin/ui";
import { requirePageRole } from "@/server/auth/require-page-role";
import { getCatalogSnapshot } from "@/server/catalog/catalog-snapshot";
import { auditHistory } from "@/server/repositories/audit-repository";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props) {
  return { title: `History of ${(await params).slug}` };
}

export default async function ToolHistoryPage({ params }: Props) {
  const { slug } = await params;
  await requirePageRole("editor", `/admin/tools/${slug}/history`);
  const tool = (await getCatalogSnapshot()).toolsBySlug.get(slug);
  // A deleted tool has no row; its records keep its id, which is the slug it was created with.
  const entries = await auditHistory("tool", tool?.id ?? slug);
  const newestId = entries[0]?.id;
  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-2 text-sm text-ink-muted">
        <Link href="/admin/tools" className="hover:underline">
          Tools
        </Link>{" "}
        /{" "}
        {tool ? (
          <Link href={`/admin/tools/${slug}` as Route} className="hover:underline">
            {tool.name}
          </Link>
        ) : (
          slug
        )}{" "}
        / History
      </nav>
      <PageHeader
        title={`History of ${tool?.name ?? slug}`}
        description={
          tool
            ? `Currently at version ${tool.version}. Restoring an earlier version saves it as a new version; nothing in this history changes.`
            : "This tool was deleted. Restore its last version to bring it back."
        }
      />
      <AuditTable
        entries={entries}
        actions={(entry) => {
          const hasVersion = entry.action === "delete" ? entry.before !== null : entry.after !== null;
          const isCurrent = entry.id === newestId && entry.action !== "delete";
          if (!hasVersion || isCurrent) return null;
          return (
            <RestoreButton
              auditId={entry.id}
              expectedVersion={tool?.version ?? null}
              label={entry.action === "delete" ? "Restore the deleted tool" : "Restore this version"}
            />
          );
        }}
      />
    </>
  );
}
