import { capabilityInputOf, phaseInputOf } from "@/domain/admin/snapshots";
import { CapabilityEditor, PhaseEditor } from "@/features/admin/category-editors";
import { PageHeader } from "@/features/admin/ui";
import { getCurrentQuestionnaire } from "@/server/assessments/questionnaires";
import { requirePageRole } from "@/server/auth/require-page-role";
import { getCatalogSnapshot } from "@/server/catalog/catalog-snapshot";
import { categoryVersions } from "@/server/repositories/catalog-admin-repository";

export const metadata = { title: "Categories" };

export default async function CategoriesPage() {
  await requirePageRole("editor", "/admin/categories");
  const [{ catalog }, versions, questionnaire] = await Promise.all([
    getCatalogSnapshot(),
    categoryVersions(),
    getCurrentQuestionnaire(),
  ]);
  const capabilityOptions = catalog.capabilities.map((c) => ({ slug: c.slug, name: c.name }));
  const dimensions = questionnaire.dimensions.map((d) => ({ slug: d.slug, name: d.name }));
  const phases = [...catalog.phases].sort((a, b) => a.order - b.order);
  const toolsPer = new Map<string, number>();
  for (const tool of catalog.tools)
    for (const c of [...tool.capabilities.primary, ...tool.capabilities.secondary])
      toolsPer.set(c, (toolsPer.get(c) ?? 0) + 1);
  return (
    <>
      <PageHeader
        title="Categories"
        description="Lifecycle phases and the capabilities in each. A phase with capabilities, or a capability that tools cover, cannot be deleted."
      />
      <section aria-labelledby="phases-heading" className="space-y-3">
        <h2 id="phases-heading" className="text-lg font-semibold">
          Phases ({phases.length})
        </h2>
        {phases.map((phase) => (
          <details key={phase.slug} className="rounded-lg border border-line p-3">
            <summary className="cursor-pointer font-medium">
              {phase.order}. {phase.name}{" "}
              <span className="text-sm text-ink-muted">
                · {catalog.capabilities.filter((c) => c.phase === phase.slug).length} capabilities · version{" "}
                {versions.phases.get(phase.slug)}
              </span>
            </summary>
            <div className="mt-3">
              <PhaseEditor phase={phaseInputOf(phase)} version={versions.phases.get(phase.slug)} />
            </div>
          </details>
        ))}
        <details className="rounded-lg border border-dashed border-line p-3">
          <summary className="cursor-pointer font-medium text-accent">Add a phase</summary>
          <div className="mt-3">
            <PhaseEditor />
          </div>
        </details>
      </section>

      <section aria-labelledby="capabilities-heading" className="mt-10 space-y-3">
        <h2 id="capabilities-heading" className="text-lg font-semibold">
          Capabilities ({catalog.capabilities.length})
        </h2>
        {phases.map((phase) => (
          <div key={phase.slug} className="space-y-2">
            <h3 className="text-sm font-semibold text-ink-muted">{phase.name}</h3>
            {catalog.capabilities
              .filter((c) => c.phase === phase.slug)
              .map((capability) => (
                <details key={capability.slug} className="rounded-lg border border-line p-3">
                  <summary className="cursor-pointer font-medium">
                    {capability.name}{" "}
                    <span className="text-sm text-ink-muted">
                      · {toolsPer.get(capability.slug) ?? 0} tools · version{" "}
                      {versions.capabilities.get(capability.slug)}
                    </span>
                  </summary>
                  <div className="mt-3">
                    <CapabilityEditor
                      capability={capabilityInputOf(capability)}
                      version={versions.capabilities.get(capability.slug)}
                      phases={phases}
                      capabilities={capabilityOptions}
                      dimensions={dimensions}
                    />
                  </div>
                </details>
              ))}
          </div>
        ))}
        <details className="rounded-lg border border-dashed border-line p-3">
          <summary className="cursor-pointer font-medium text-accent">Add a capability</summary>
          <div className="mt-3">
            <CapabilityEditor phases={phases} capabilities={capabilityOptions} dimensions={dimensions} />
          </div>
        </details>
      </section>
    </>
  );
}
