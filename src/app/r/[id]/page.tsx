import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Badge } from "@/components/badge";
import { dayOf, outOfDateSlugs, reviewContextOf } from "@/domain/catalog/freshness";
import { STAGE_NAMES } from "@/domain/catalog/vocabulary";
import { buildLifecycleDiagram, STATUS_LEGEND } from "@/domain/report/mermaid";
import {
  actionTargetText,
  anchorForCapability,
  anchorForQuestion,
  discoveryOf,
  DISCOVERY_INTRO,
  DISCOVERY_TITLE,
  OTHER_UNKNOWNS_INTRO,
  OTHER_UNKNOWNS_TITLE,
  planBySection,
  plannedActions,
  planSummaryText,
  questionText,
  tossUpsOf,
  tossUpText,
  PLAN_SECTIONS,
  PLAN_SECTION_TITLES,
  type PlannedAction,
} from "@/domain/report/plan";
import { answerLevelText, hasUnknownScores, overallScoreInput, scoreText } from "@/domain/report/score-text";
import { DimensionChart } from "@/features/report/dimension-chart";
import { ExportLinks } from "@/features/report/export-links";
import { LifecycleDiagram } from "@/features/report/lifecycle-diagram";
import { CatalogNoticeBanner, FollowUps, SinceLastSection } from "@/features/report/report-notices";
import { planSectionId, StackRoadmap } from "@/features/report/stack-roadmap";
import { StackWarnings } from "@/features/report/stack-warnings";
import { WeakestAreasSentence } from "@/features/report/weakest-areas-sentence";
import { WhatIfLauncher } from "@/features/what-if/what-if-launcher";
import { loadReportView } from "@/server/assessments/report-service";
import { getCatalogSnapshot } from "@/server/catalog/catalog-snapshot";

type Params = { params: Promise<{ id: string }> };

export const metadata: Metadata = { title: "Your assessment", robots: { index: false, follow: false } };

/** A dimension scoring below this is called out as the weakest link. */
const WEAKNESS_FLAG_BELOW = 3.5;

const PRIORITY_TONE = { high: "danger", medium: "warn", low: "neutral" } as const;

/** The diagram's caption: what the styles mean. */
const DIAGRAM_TITLE = `The plan across the ML lifecycle: ${STATUS_LEGEND.inplace.toLowerCase()} (✓, green), ${STATUS_LEGEND.now.toLowerCase()} (filled), ${STATUS_LEGEND.next.toLowerCase()} (light) and ${STATUS_LEGEND.later.toLowerCase()} (dashed).`;

function ActionRow({ action }: { action: PlannedAction }) {
  const href =
    action.target.kind === "pick"
      ? `#${anchorForCapability(action.target.capability)}`
      : `#${anchorForQuestion(action.target.questionId)}`;
  return (
    <li className="flex flex-wrap items-start gap-3 rounded-md border border-line p-3 text-sm">
      <Badge tone={PRIORITY_TONE[action.priority]}>{action.dimensionName}</Badge>
      <span className="min-w-0 flex-1">
        {action.text}{" "}
        <a href={href} className="whitespace-nowrap text-accent underline">
          {actionTargetText(action.target)}
        </a>
      </span>
    </li>
  );
}

export default async function ResultPage({ params }: Params) {
  const { id } = await params;
  const loaded = await loadReportView(id);
  if (!loaded) notFound();
  const { data, isCurrentVersion } = loaded;
  const { assessment, profile, recommendation } = data;
  const phaseNames = Object.fromEntries(data.phases.map((p) => [p.slug, p.name]));
  const diagram = buildLifecycleDiagram(recommendation, data.phases, { layoutHints: true });
  const portableDiagram = buildLifecycleDiagram(recommendation, data.phases);
  // Freshness is today's: a pick whose catalog entry is now past its review interval says so.
  const catalog = (await getCatalogSnapshot()).catalog;
  const outOfDate = outOfDateSlugs(catalog.tools, dayOf(new Date()), reviewContextOf(catalog.capabilities));
  // Flag the weakest area only when it is a real weakness, not a near-tie at the top.
  const flagged =
    profile.overall.weakest < WEAKNESS_FLAG_BELOW &&
    profile.overall.weakestDimensions.length < profile.dimensions.length
      ? profile.overall.weakestDimensions
      : [];
  const actions = plannedActions(profile, recommendation);
  const otherActions = actions.rest;
  const discovery = discoveryOf(profile, recommendation);
  const unknowns = discovery.rest;
  const tossUps = tossUpsOf(recommendation);
  const plan = planBySection(recommendation);
  const base = `/r/${assessment.id}`;

  const toc = [
    { id: "summary", title: "Summary" },
    ...(discovery.first.length > 0 ? [{ id: "find-out", title: DISCOVERY_TITLE }] : []),
    ...(data.sinceLast ? [{ id: "since-last", title: "Since last time" }] : []),
    ...(actions.top.length > 0 ? [{ id: "top-actions", title: "Top actions" }] : []),
    { id: "plan", title: "Change plan" },
    { id: "diagram", title: "Diagram" },
    { id: "watch-out", title: "Watch out for" },
    ...(otherActions.length > 0 ? [{ id: "more-actions", title: "More actions" }] : []),
    { id: "answers", title: "Answers" },
  ];

  return (
    <article className="page-width py-10">
      <header className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <p className="text-sm font-semibold tracking-wide text-accent uppercase">MLOps maturity assessment</p>
          <h1 className="mt-1 text-3xl font-bold tracking-tight">
            Stage {profile.stage}: {profile.stageName}
          </h1>
          <p className="mt-2 text-sm text-ink-muted">
            Assessed <time dateTime={assessment.createdAt}>{assessment.createdAt.slice(0, 10)}</time> · questionnaire{" "}
            {assessment.questionnaireVersion}
            {isCurrentVersion ? "" : " (an earlier version)"}
            {assessment.catalogRevision != null ? ` · catalog revision ${assessment.catalogRevision}` : ""}
          </p>
        </div>
        <div className="no-print flex flex-col items-start gap-2">
          <ExportLinks
            exports={[
              { label: "Markdown", href: `${base}/report.md` },
              { label: "PDF (A4)", href: `${base}/report.pdf?format=a4`, isPdf: true },
              { label: "PDF (Letter)", href: `${base}/report.pdf?format=letter`, isPdf: true },
              { label: "JSON", href: `${base}/report.json` },
            ]}
            radar={[
              { label: "Build Your Own Radar (CSV)", href: `${base}/radar.csv` },
              { label: "Build Your Own Radar (JSON)", href: `${base}/radar.json` },
              { label: "Backstage tech radar (JSON)", href: `${base}/backstage-radar.json` },
            ]}
          />
          <div className="flex flex-wrap gap-2">
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
        </div>
      </header>

      {data.catalogNotice ? <CatalogNoticeBanner notice={data.catalogNotice} assessmentId={assessment.id} /> : null}
      {data.followUps ? <FollowUps followUps={data.followUps} /> : null}

      <nav
        aria-label="On this page"
        className="no-print sticky top-0 z-20 -mx-4 mt-6 overflow-x-auto border-b border-line bg-surface/95 px-4 py-2 backdrop-blur sm:mx-0 sm:rounded-md sm:border"
      >
        <ul className="flex gap-4 text-sm whitespace-nowrap">
          {toc.map((entry) => (
            <li key={entry.id}>
              <a href={`#${entry.id}`} className="text-ink-muted hover:text-ink hover:underline">
                {entry.title}
              </a>
            </li>
          ))}
        </ul>
      </nav>

      <section
        aria-labelledby="summary-heading"
        id="summary"
        className="mt-6 grid scroll-mt-20 gap-6 md:grid-cols-[1fr_18rem]"
      >
        <div className="rounded-lg border border-line bg-surface-raised p-5">
          <h2 id="summary-heading" className="text-lg font-semibold">
            Where you stand
          </h2>
          <p className="mt-2 text-sm leading-relaxed">
            Your overall level is <strong>{scoreText(overallScoreInput(profile), { outOf: 4 })}</strong>
            {hasUnknownScores(profile) ? "" : ` (average of the dimensions ${profile.overall.mean.toFixed(1)})`}.{" "}
            <WeakestAreasSentence profile={profile} />{" "}
            {profile.stage < 4
              ? `Reaching ${STAGE_NAMES[(profile.stage + 1) as 2 | 3 | 4]} starts with ${
                  actions.top.length > 0
                    ? "the top actions below"
                    : discovery.first.length > 0
                      ? "the questions to find out below"
                      : "the changes now below"
                }.`
              : ""}
          </p>
          <p className="mt-2 text-sm">{planSummaryText(recommendation)}</p>
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

      {discovery.first.length > 0 ? (
        <section
          aria-labelledby="find-out-heading"
          id="find-out"
          className="mt-6 scroll-mt-20 rounded-lg border border-warn p-5 text-sm"
        >
          <h2 id="find-out-heading" className="text-lg font-semibold">
            {DISCOVERY_TITLE} ({discovery.first.length})
          </h2>
          <p className="mt-1 text-ink-muted">{DISCOVERY_INTRO}</p>
          <ol className="mt-2 list-decimal space-y-1 pl-5">
            {discovery.first.map((u) => (
              <li key={u.question}>
                <span className="font-medium">{questionText(u)}</span>
                {u.assumed ? <span className="text-ink-muted"> Planned as: {u.assumed}.</span> : null}{" "}
                <span className="text-ink-muted">{u.wouldChange}</span>
              </li>
            ))}
          </ol>
        </section>
      ) : null}

      {unknowns.length > 0 || tossUps.length > 0 ? (
        <div className="mt-6 grid gap-6 md:grid-cols-2">
          {unknowns.length > 0 ? (
            <section aria-labelledby="unknowns-heading" className="rounded-lg border border-line p-5 text-sm">
              <h2 id="unknowns-heading" className="font-semibold">
                {OTHER_UNKNOWNS_TITLE} ({unknowns.length})
              </h2>
              <p className="mt-1 text-ink-muted">{OTHER_UNKNOWNS_INTRO}</p>
              <ul className="mt-2 list-disc space-y-1 pl-5">
                {unknowns.map((u) => (
                  <li key={u.question}>
                    {questionText(u)}
                    {u.assumed ? <span className="text-ink-muted"> Planned as: {u.assumed}.</span> : null}{" "}
                    <span className="text-ink-muted">{u.wouldChange}</span>
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
          {tossUps.length > 0 ? (
            <section aria-labelledby="tossups-heading" className="rounded-lg border border-line p-5 text-sm">
              <h2 id="tossups-heading" className="font-semibold">
                Toss-ups ({tossUps.length})
              </h2>
              <p className="mt-1 text-ink-muted">Two tools too close to call: choose by what you know.</p>
              <ul className="mt-2 list-disc space-y-1 pl-5">
                {tossUps.map((item) => (
                  <li key={item.capability}>
                    <a href={`#${anchorForCapability(item.capability)}`} className="font-medium underline">
                      {item.capabilityName}
                    </a>
                    : {tossUpText(item)}
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
        </div>
      ) : null}

      {data.sinceLast ? <SinceLastSection since={data.sinceLast} /> : null}

      {actions.top.length > 0 ? (
        <section aria-labelledby="top-actions-heading" id="top-actions" className="mt-10 scroll-mt-20">
          <h2 id="top-actions-heading" className="text-xl font-semibold">
            Top actions ({actions.top.length})
          </h2>
          <ul className="mt-3 space-y-2">
            {actions.top.map((action) => (
              <ActionRow key={`${action.questionId}-${action.text}`} action={action} />
            ))}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="plan-heading" id="plan" className="mt-10 scroll-mt-20">
        <div className="flex flex-wrap items-baseline justify-between gap-3">
          <h2 id="plan-heading" className="text-xl font-semibold">
            Your change plan
          </h2>
          <nav aria-label="Plan sections" className="text-sm text-ink-muted">
            {PLAN_SECTIONS.filter((s) => plan[s].length > 0).map((s, i) => (
              <span key={s}>
                {i > 0 ? " · " : ""}
                <a href={`#${planSectionId(s)}`} className="hover:underline">
                  {PLAN_SECTION_TITLES[s].split(" — ")[0]} ({plan[s].length})
                </a>
              </span>
            ))}
          </nav>
        </div>
        <p className="mt-1 max-w-3xl text-sm text-ink-muted">
          Chosen as a whole: what you have is kept where it fits, the few changes now close your weakest areas first,
          and the rest waits for its trigger. Open any pick to see its score, what drove it and why the runner-up lost.
        </p>
        <div className="no-print mt-4">
          <WhatIfLauncher assessmentId={assessment.id} />
        </div>
        <div className="mt-6">
          <StackRoadmap recommendation={recommendation} phaseNames={phaseNames} outOfDate={outOfDate} />
        </div>
      </section>

      <section aria-labelledby="diagram-heading" id="diagram" className="mt-10 scroll-mt-20">
        <h2 id="diagram-heading" className="text-xl font-semibold">
          Lifecycle diagram
        </h2>
        {/* Wider than the text column on large screens, so that six lifecycle columns stay legible. */}
        <div className="relative left-1/2 mt-3 w-full -translate-x-1/2 lg:w-[min(100vw-3rem,88rem)]">
          <LifecycleDiagram source={diagram} shownSource={portableDiagram} title={DIAGRAM_TITLE} />
        </div>
      </section>

      <section aria-labelledby="watch-out-heading" id="watch-out" className="mt-10 scroll-mt-20">
        <h2 id="watch-out-heading" className="sr-only">
          Watch out for
        </h2>
        <StackWarnings recommendation={recommendation} />
      </section>

      {otherActions.length > 0 ? (
        <section aria-labelledby="more-actions-heading" id="more-actions" className="mt-10 scroll-mt-20">
          <h2 id="more-actions-heading" className="text-xl font-semibold">
            More actions ({otherActions.length})
          </h2>
          <details className="mt-3">
            <summary className="cursor-pointer text-sm font-medium text-accent">
              {actions.medium.length} medium and {actions.low.length} low priority
            </summary>
            <ul className="mt-3 space-y-2">
              {otherActions.map((action) => (
                <ActionRow key={`${action.questionId}-${action.text}`} action={action} />
              ))}
            </ul>
          </details>
        </section>
      ) : null}

      <section aria-labelledby="answers-heading" id="answers" className="mt-10 scroll-mt-20">
        <h2 id="answers-heading" className="text-xl font-semibold">
          Your answers
        </h2>
        <div className="mt-4 grid gap-4 md:grid-cols-2">
          {profile.dimensions.map((d) => (
            <details key={d.slug} className="rounded-lg border border-line p-4">
              <summary className="cursor-pointer font-medium">
                {d.name} · {scoreText(d)}
              </summary>
              <ul className="mt-3 space-y-2 text-sm">
                {d.drivers.map((q) => (
                  <li key={q.questionId} id={anchorForQuestion(q.questionId)} className="scroll-mt-20">
                    <span className="text-ink-muted">{q.prompt}</span>
                    <span className="block">
                      {q.answer} <span className="text-xs text-ink-muted">(level {answerLevelText(q)})</span>
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
