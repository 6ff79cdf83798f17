import Link from "next/link";
import { STAGE_NAMES, MATURITY_STAGES } from "@/domain/catalog/vocabulary";
import { getCurrentQuestionnaire } from "@/server/assessments/questionnaires";
import { getCatalogStats } from "@/server/repositories/catalog-repository";

export const dynamic = "force-dynamic";

const STAGE_BLURBS: Record<(typeof MATURITY_STAGES)[number], string> = {
  1: "A few people, models in notebooks. Get code, environments and experiments under control.",
  2: "Several people, first models in use. Version data, automate tests and builds, check data.",
  3: "Models that matter in production. Orchestrate pipelines, run on a cluster, watch every model.",
  4: "Many teams and models, auditors asking. Centralise secrets and policy, deliver through GitOps.",
};

/** The three steps of the product; the first names the questionnaire's real size. */
const stepsFor = (questionCount: number) => [
  {
    title: "Assess",
    body: `Answer ${questionCount} questions on how your team handles data, experiments, delivery, monitoring and governance, plus your constraints: cloud, Kubernetes, licences, budget.`,
  },
  {
    title: "Get a staged stack",
    body: "The advisor picks a coherent set of tools for what you need now, what to add at the next stage, and what to leave for later — each pick with its reason and the runner-up it beat.",
  },
  {
    title: "Share the plan",
    body: "Keep the permalink, or export the report with its lifecycle diagram as Markdown for your repository or wiki, or as PDF for stakeholders.",
  },
];

export default async function HomePage() {
  const [stats, questionnaire] = await Promise.all([getCatalogStats(), getCurrentQuestionnaire()]);
  const steps = stepsFor(questionnaire.questions.length);
  return (
    <>
      <section className="border-b border-line bg-surface-muted">
        <div className="page-width py-16 sm:py-24">
          <p className="text-sm font-semibold tracking-wide text-accent uppercase">MLOps maturity → tool stack</p>
          <h1 className="mt-3 max-w-3xl text-4xl font-bold tracking-tight sm:text-5xl">
            Choose the MLOps tools your team needs now — and know what comes next.
          </h1>
          <p className="mt-6 max-w-2xl text-lg text-ink-muted">
            Assess your team&apos;s maturity in about ten minutes. Get a change plan that keeps what already works,
            names the few changes to make now and what comes next, respects your constraints, and comes with a lifecycle
            diagram and a report you can take to your design review.
          </p>
          <div className="mt-8 flex flex-wrap gap-3">
            <Link
              href="/assess"
              className="rounded-md bg-accent px-5 py-2.5 font-semibold text-accent-ink hover:opacity-90"
            >
              Start the assessment
            </Link>
            <Link
              href="/catalog"
              className="rounded-md border border-line bg-surface px-5 py-2.5 font-semibold hover:bg-surface-muted"
            >
              Browse the catalog
            </Link>
          </div>
          <dl className="mt-12 grid max-w-2xl grid-cols-3 gap-6">
            <div>
              <dt className="text-sm text-ink-muted">Tools reviewed</dt>
              <dd className="text-3xl font-bold">{stats.tools}</dd>
            </div>
            <div>
              <dt className="text-sm text-ink-muted">Capabilities</dt>
              <dd className="text-3xl font-bold">{stats.capabilities}</dd>
            </div>
            <div>
              <dt className="text-sm text-ink-muted">Integrations mapped</dt>
              <dd className="text-3xl font-bold">{stats.integrations}</dd>
            </div>
          </dl>
        </div>
      </section>

      <section className="page-width py-16" aria-labelledby="how-heading">
        <h2 id="how-heading" className="text-2xl font-bold tracking-tight">
          How it works
        </h2>
        <ol className="mt-8 grid gap-6 md:grid-cols-3">
          {steps.map((step, i) => (
            <li key={step.title} className="rounded-lg border border-line bg-surface-raised p-6">
              <span className="inline-flex h-8 w-8 items-center justify-center rounded-full bg-accent-soft font-semibold text-accent">
                {i + 1}
              </span>
              <h3 className="mt-4 text-lg font-semibold">{step.title}</h3>
              <p className="mt-2 text-ink-muted">{step.body}</p>
            </li>
          ))}
        </ol>
      </section>

      <section className="border-t border-line bg-surface-muted" aria-labelledby="stages-heading">
        <div className="page-width py-16">
          <h2 id="stages-heading" className="text-2xl font-bold tracking-tight">
            Four maturity stages
          </h2>
          <p className="mt-3 max-w-3xl text-ink-muted">
            Your stage is set by your weakest foundations, not your strongest area: a team with brilliant experiment
            tracking but no data versioning is not yet at production scale. Over-engineering early is as costly as
            falling behind, so each stage adds only what it needs.
          </p>
          <ol className="mt-8 grid gap-4 md:grid-cols-2 lg:grid-cols-4">
            {MATURITY_STAGES.map((stage) => (
              <li key={stage} className="rounded-lg border border-line bg-surface p-5">
                <p className="text-sm font-semibold text-accent">Stage {stage}</p>
                <h3 className="mt-1 font-semibold">{STAGE_NAMES[stage]}</h3>
                <p className="mt-2 text-sm text-ink-muted">{STAGE_BLURBS[stage]}</p>
              </li>
            ))}
          </ol>
        </div>
      </section>

      <section className="page-width py-16" aria-labelledby="why-heading">
        <h2 id="why-heading" className="text-2xl font-bold tracking-tight">
          Why not just a list of tools?
        </h2>
        <ul className="mt-6 grid gap-4 text-ink-muted md:grid-cols-2">
          <li className="rounded-lg border border-line p-5">
            <strong className="text-ink">Constraints are hard rules.</strong> Air-gapped, on-premises, no Kubernetes,
            open-source only: tools that break them are never suggested, and the report says why they were left out.
          </li>
          <li className="rounded-lg border border-line p-5">
            <strong className="text-ink">The stack is chosen as a whole.</strong> Picks that integrate with each other
            win; overlaps and tool sprawl are flagged; tools you already use are kept where they fit.
          </li>
          <li className="rounded-lg border border-line p-5">
            <strong className="text-ink">The catalog tells the truth.</strong> Sunset, renamed and relicensed tools are
            marked with their successors, so you never adopt something that is already gone.
          </li>
          <li className="rounded-lg border border-line p-5">
            <strong className="text-ink">No account needed.</strong> Every assessment gets a permalink; change an answer
            and see what changes in the stack.
          </li>
        </ul>
      </section>
    </>
  );
}
