import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Badge } from "@/components/badge";
import type { ActionItem } from "@/domain/assessment/score";
import { dayOf, outOfDateSlugs, reviewContextOf } from "@/domain/catalog/freshness";
import { STAGE_NAMES } from "@/domain/catalog/vocabulary";
import { buildLifecycleDiagram } from "@/domain/report/mermaid";
import { DimensionChart } from "@/features/report/dimension-chart";
import { LifecycleDiagram } from "@/features/report/lifecycle-diagram";
import { StackRoadmap } from "@/features/report/stack-roadmap";
import { StackWarnings } from "@/features/report/stack-warnings";
import { WeakestAreasSentence } from "@/features/report/weakest-areas-sentence";
import { WhatIfLauncher } from "@/features/what-if/what-if-launcher";
import { loadAssessment } from "@/server/assessments/assessment-service";
import { getCatalogSnapshot } from "@/server/catalog/catalog-snapshot";

type Params = { params: Promise<{ id: string }> };

export const metadata: Metadata = { title: "Your assessment", robots: { index: false, follow: false } };

/** A dimension scoring below this is called out as the weakest link. */
const WEAKNESS_FLAG_BELOW = 3.5;

const PRIORITY_TONE = { high: "danger", medium: "warn", low: "neutral" } as const;

export default async function ResultPage({ params }: Params) {
  const { id } = await params;
  const [loaded, snapshot] = await Promise.all([loadAssessment(id), getCatalogSnapshot()]);
  if (!loaded) notFound();
  const { assessment, profile, recommendation, isCurrentVersion } = loaded;
  const phaseNames = Object.fromEntries(snapshot.catalog.phases.map((p) => [p.slug, p.name]));
  const diagram = buildLifecycleDiagram(recommendation, snapshot.catalog.phases);
  const outOfDate = outOfDateSlugs(
    snapshot.catalog.tools,
    dayOf(new Date()),
    reviewContextOf(snapshot.catalog.capabilities),
  );
  // Flag the weakest area only when it is a real weakness, not a near-tie at the top.
  const flagged =
    profile.overall.weakest < WEAKNESS_FLAG_BELOW &&
    profile.overall.weakestDimensions.length < profile.dimensions.length
      ? profile.overall.weakestDimensions
      : [];
  const grouped = (["high", "medium", "low"] as const).map(
    (p) => [p, profile.actionItems.filter((a) => a.priority === p)] as [ActionItem["priority"], ActionItem[]],
  );

  return (
    <article className="mx-auto max-w-5xl px-4 py-10 sm:px-6">
      <header className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <p className="text-sm font-semibold tracking-wide text-accent uppercase">MLOps maturity assessment</p>
          <h1 className="mt-1 text-3xl font-bold tracking-tight">
            Stage {profile.stage}: {profile.stageName}
          </h1>
          <p className="mt-2 text-sm text-ink-muted">
            Assessed{" "}
            <time dateTime={assessment.createdAt.toISOString()}>{assessment.createdAt.toISOString().slice(0, 10)}</time>{" "}
            · questionnaire {assessment.questionnaireVersion}
            {isCurrentVersion ? "" : " (an earlier version)"}
          </p>
        </div>
        <div className="no-print flex flex-wrap gap-2">
          <nav aria-label="Export" className="flex flex-wrap gap-2">
            <a
              href={`/r/${assessment.id}/report.md`}
              download
              className="rounded-md border border-line px-3 py-2 text-sm font-medium hover:bg-surface-muted"
            >
              Markdown
            </a>
            <a
              href={`/r/${assessment.id}/report.pdf?format=a4`}
              download
              className="rounded-md border border-line px-3 py-2 text-sm font-medium hover:bg-surface-muted"
            >
              PDF (A4)
            </a>
            <a
              href={`/r/${assessment.id}/report.pdf?format=letter`}
              download
              className="rounded-md border border-line px-3 py-2 text-sm font-medium hover:bg-surface-muted"
            >
              PDF (Letter)
            </a>
            <a
              href={`/r/${assessment.id}/report.json`}
              download
              className="rounded-md border border-line px-3 py-2 text-sm font-medium hover:bg-surface-muted"
            >
              JSON
            </a>
          </nav>
          <Link
            href={`/assess?from=${assessment.id}`}
            className="rounded-md bg-accent px-4 py-2 text-sm font-semibold text-accent-ink hover:opacity-90"
          >
            Edit answers
          </Link>
          <Link
            href="/assess"
            className="rounded-md border border-line px-4 py-2 text-sm font-medium hover:bg-surface-muted"
          >
            New assessment
          </Link>
        </div>
      </header>

      <section aria-labelledby="summary-heading" className="mt-8 grid gap-6 md:grid-cols-[1fr_18rem]">
        <div className="rounded-lg border border-line bg-surface-raised p-5">
          <h2 id="summary-heading" className="text-lg font-semibold">
            Where you stand
          </h2>
          <p className="mt-2 text-sm leading-relaxed">
            Your overall level is <strong>{profile.overall.level.toFixed(1)}</strong> of 4 (average of the dimensions{" "}
            {profile.overall.mean.toFixed(1)}). <WeakestAreasSentence profile={profile} />{" "}
            {profile.stage < 4
              ? `Reaching ${STAGE_NAMES[(profile.stage + 1) as 2 | 3 | 4]} starts with the high-priority actions below.`
              : ""}
          </p>
          {profile.dontKnowCount > 0 ? (
            <p className="mt-2 text-sm text-ink-muted">
              You answered “Don&apos;t know” {profile.dontKnowCount} time{profile.dontKnowCount === 1 ? "" : "s"}; those
              practices count as not in place until you find out.
            </p>
          ) : null}
          <div className="mt-5">
            <DimensionChart dimensions={profile.dimensions} weakest={flagged} />
          </div>
        </div>
        <aside aria-labelledby="reference-heading" className="rounded-lg border border-line p-5 text-sm">
          <h2 id="reference-heading" className="font-semibold">
            Reference models
          </h2>
          <dl className="mt-3 space-y-3">
            <div>
              <dt className="text-ink-muted">Microsoft MLOps maturity</dt>
              <dd>
                <strong>
                  Level {profile.microsoftLevel.level}: {profile.microsoftLevel.name}
                </strong>
                <span className="block text-ink-muted">{profile.microsoftLevel.reason}</span>
              </dd>
            </div>
            <div>
              <dt className="text-ink-muted">Google MLOps level</dt>
              <dd>
                <strong>
                  Level {profile.googleLevel.level}: {profile.googleLevel.name}
                </strong>
                <span className="block text-ink-muted">{profile.googleLevel.reason}</span>
              </dd>
            </div>
          </dl>
        </aside>
      </section>

      <section aria-labelledby="stack-heading" className="mt-10">
        <div className="flex flex-wrap items-baseline justify-between gap-3">
          <h2 id="stack-heading" className="text-xl font-semibold">
            Your recommended stack
          </h2>
          <p className="text-sm text-ink-muted">
            {recommendation.toolCount.now} tools now · {recommendation.toolCount.next} next ·{" "}
            {recommendation.toolCount.later} later
          </p>
        </div>
        <p className="mt-1 max-w-3xl text-sm text-ink-muted">
          Chosen as a whole: tools you use are kept where they fit, one tool is preferred for several jobs, and picks
          that work together score higher. Open any pick to see its score, what drove it and why the runner-up lost.
        </p>
        <div className="no-print mt-4">
          <WhatIfLauncher assessmentId={assessment.id} />
        </div>
        <div className="mt-6">
          <StackRoadmap recommendation={recommendation} phaseNames={phaseNames} outOfDate={outOfDate} />
        </div>
        <section aria-labelledby="diagram-heading" className="mt-8">
          <h3 id="diagram-heading" className="text-lg font-semibold">
            Lifecycle diagram
          </h3>
          <div className="mt-3">
            <LifecycleDiagram
              source={diagram}
              title="The recommended stack across the ML lifecycle; filled boxes are adopted now, outlined ones later."
            />
          </div>
        </section>
        <div className="mt-8">
          <StackWarnings recommendation={recommendation} />
        </div>
      </section>

      <section aria-labelledby="actions-heading" className="mt-10">
        <h2 id="actions-heading" className="text-xl font-semibold">
          Action items ({profile.actionItems.length})
        </h2>
        {profile.actionItems.length === 0 ? (
          <p className="mt-2 text-ink-muted">No gaps found in your answers.</p>
        ) : (
          grouped.map(([priority, items]) =>
            items.length === 0 ? null : (
              <div key={priority} className="mt-4">
                <h3 className="text-sm font-semibold tracking-wide text-ink-muted uppercase">{priority} priority</h3>
                <ul className="mt-2 space-y-2">
                  {items.map((item) => (
                    <li
                      key={`${item.questionId}-${item.text}`}
                      className="flex items-start gap-3 rounded-md border border-line p-3 text-sm"
                    >
                      <Badge tone={PRIORITY_TONE[priority]}>{item.dimensionName}</Badge>
                      <span>{item.text}</span>
                    </li>
                  ))}
                </ul>
              </div>
            ),
          )
        )}
      </section>

      <section aria-labelledby="answers-heading" className="mt-10">
        <h2 id="answers-heading" className="text-xl font-semibold">
          Your answers
        </h2>
        <div className="mt-4 grid gap-4 md:grid-cols-2">
          {profile.dimensions.map((d) => (
            <details key={d.slug} className="rounded-lg border border-line p-4">
              <summary className="cursor-pointer font-medium">
                {d.name} · {d.score.toFixed(1)}
              </summary>
              <ul className="mt-3 space-y-2 text-sm">
                {d.drivers.map((q) => (
                  <li key={q.questionId}>
                    <span className="text-ink-muted">{q.prompt}</span>
                    <span className="block">
                      {q.answer} <span className="text-xs text-ink-muted">(level {q.level})</span>
                    </span>
                  </li>
                ))}
              </ul>
            </details>
          ))}
        </div>
      </section>
    </article>
  );
}
