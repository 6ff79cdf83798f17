import Link from "next/link";
import type { Route } from "next";
import { notFound } from "next/navigation";
import { toolInputOf } from "@/domain/admin/snapshots";
import { ToolForm } from "@/features/admin/tool-form";
import { ToolLifecycle } from "@/features/admin/tool-lifecycle";
import { toolFormOptions } from "@/features/admin/tool-options";
import { Notice, PageHeader, SECONDARY_BUTTON } from "@/features/admin/ui";
import { requirePageRole } from "@/server/auth/require-page-role";
import { getCatalogSnapshot } from "@/server/catalog/catalog-snapshot";
import { toolReferences as referencesTo } from "@/domain/catalog/change-rules";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | undefined>> };

export async function generateMetadata({ params }: Props) {
  return { title: `Edit ${(await params).slug}` };
}

export default async function EditToolPage({ params, searchParams }: Props) {
  const { slug } = await params;
  await requirePageRole("editor", `/admin/tools/${slug}`);
  const { catalog, toolsBySlug } = await getCatalogSnapshot();
  const tool = toolsBySlug.get(slug);
  if (!tool) notFound();
  const options = toolFormOptions(catalog);
  const created = (await searchParams).created === "1";
  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-2 text-sm text-ink-muted">
        <Link href="/admin/tools" className="hover:underline">
          Tools
        </Link>{" "}
        / {tool.name}
      </nav>
      <PageHeader
        title={`Edit ${tool.name}`}
        description={`Version ${tool.version}. Saving checks that nobody else saved in between.`}
        actions={
          <>
            <Link href={`/catalog/${tool.slug}` as Route} className={SECONDARY_BUTTON}>
              View public page
            </Link>
            <Link href={`/admin/tools/${tool.slug}/history` as Route} className={SECONDARY_BUTTON}>
              History
            </Link>
          </>
        }
      />
      {created ? (
        <div className="mb-6">
          <Notice tone="ok">{tool.name} was created.</Notice>
        </div>
      ) : null}
      <ToolForm
        key={tool.slug}
        mode="edit"
        initial={toolInputOf(tool)}
        version={tool.version}
        capabilities={options.capabilities}
        tools={options.tools}
      />
      <ToolLifecycle
        key={`lifecycle-${tool.slug}`}
        slug={tool.slug}
        name={tool.name}
        version={tool.version}
        references={referencesTo(catalog, tool.slug)}
        successors={options.successors.filter((t) => t.slug !== tool.slug)}
      />
    </>
  );
}
