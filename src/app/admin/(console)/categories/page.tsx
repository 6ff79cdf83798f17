import { capabilityInputOf, phaseInputOf } from "@/domain/admin/snapshots";
import { CapabilityEditor, PhaseEditor } from "@/features/admin/category-editors";
import { LazyDetails } from "@/features/admin/lazy-details";
import { PageHeader } from "@/features/admin/ui";
import { getCurrentQuestionnaire } from "@/server/assessments/questionnaires";
import { requirePageRole } from "@/server/auth/require-page-role";
import { getCatalogSnapshot } from "@/server/catalog/catalog-snapshot";
import { categoryVersions } from "@/server/repositories/catalog-repository";

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
          <LazyDetails
            key={phase.slug}
            className="rounded-lg border border-line p-3"
            summaryClassName="cursor-pointer font-medium"
            summary={
              <>
                {phase.order}. {phase.name}{" "}
                <span className="text-sm text-ink-muted">
                  · {catalog.capabilities.filter((c) => c.phase === phase.slug).length} capabilities · version{" "}
                  {versions.phases.get(phase.slug)}
                </span>
              </>
            }
          >
            <div className="mt-3">
              <PhaseEditor phase={phaseInputOf(phase)} version={versions.phases.get(phase.slug)} />
            </div>
          </LazyDetails>
        ))}
        <LazyDetails
          className="rounded-lg border border-dashed border-line p-3"
          summaryClassName="cursor-pointer font-medium text-accent"
          summary={<>Add a phase</>}
        >
          <div className="mt-3">
            <PhaseEditor />
          </div>
        </LazyDetails>
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
                <LazyDetails
                  key={capability.slug}
                  className="rounded-lg border border-line p-3"
                  summaryClassName="cursor-pointer font-medium"
                  summary={
                    <>
                      {capability.name}{" "}
                      <span className="text-sm text-ink-muted">
                        · {toolsPer.get(capability.slug) ?? 0} tools · version{" "}
                        {versions.capabilities.get(capability.slug)}
                      </span>
                    </>
                  }
                >
                  <div className="mt-3">
                    <CapabilityEditor
                      capability={capabilityInputOf(capability)}
                      version={versions.capabilities.get(capability.slug)}
                      phases={phases}
                      capabilities={capabilityOptions}
                      dimensions={dimensions}
                    />
                  </div>
                </LazyDetails>
              ))}
          </div>
        ))}
        <LazyDetails
          className="rounded-lg border border-dashed border-line p-3"
          summaryClassName="cursor-pointer font-medium text-accent"
          summary={<>Add a capability</>}
        >
          <div className="mt-3">
            <CapabilityEditor phases={phases} capabilities={capabilityOptions} dimensions={dimensions} />
          </div>
        </LazyDetails>
      </section>
    </>
  );
}
