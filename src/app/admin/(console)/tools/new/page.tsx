import Link from "next/link";
import type { ToolInput } from "@/domain/catalog/schema";
import { ToolForm } from "@/features/admin/tool-form";
import { toolFormOptions } from "@/features/admin/tool-options";
import { PageHeader } from "@/features/admin/ui";
import { requirePageRole } from "@/server/auth/require-page-role";
import { getCatalogSnapshot } from "@/server/catalog/catalog-snapshot";

export const metadata = { title: "Add a tool" };

export default async function NewToolPage() {
  await requirePageRole("editor", "/admin/tools/new");
  const { catalog } = await getCatalogSnapshot();
  const options = toolFormOptions(catalog);
  const blank: ToolInput = {
    slug: "",
    name: "",
    summary: "",
    description: "",
    homepage: "https://",
    repository: null,
    license: "Apache-2.0",
    pricing: "open-source",
    hosting: ["self-hosted"],
    clouds: ["any"],
    needsKubernetes: false,
    stages: [1, 2],
    opsComplexity: 2,
    learningCurve: 2,
    teamSizes: ["small", "medium"],
    capabilities: { primary: [], secondary: [] },
    integrations: [],
    strengths: [],
    limitations: [],
    risks: [],
    status: "active",
    successor: null,
    statusNote: null,
    lastReviewed: new Date().toISOString().slice(0, 10),
    vendorSupport: false,
    relations: { requires: [], implies: [], companions: [], partOf: null },
    sources: [],
    reviewIntervalDays: null,
    freshness: null,
  };
  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-2 text-sm text-ink-muted">
        <Link href="/admin/tools" className="hover:underline">
          Tools
        </Link>{" "}
        / New
      </nav>
      <PageHeader
        title="Add a tool"
        description="Checked by the same rules as content/ (docs/catalog-content.md) before anything is saved."
      />
      <ToolForm
        mode="create"
        initial={blank}
        version={null}
        capabilities={options.capabilities}
        tools={options.tools}
      />
    </>
  );
}
