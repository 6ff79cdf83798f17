import type { ReactNode } from "react";
import { buildLifecycleDiagram, STATUS_LEGEND } from "@/domain/report/mermaid";
import {
  actionTargetText,
  discoveryOf,
  DISCOVERY_INTRO,
  DISCOVERY_TITLE,
  inPlaceText,
  OTHER_UNKNOWNS_TITLE,
  PLAN_SECTION_TITLES,
  PLAN_SECTIONS,
  planBySection,
  plannedActions,
  planSummaryText,
  tossUpsOf,
  tossUpText,
  toolLine,
  questionText,
  type Unknown,
  whenText,
} from "@/domain/report/plan";
import type { ReportData } from "@/domain/report/report-data";
import { answerLevelText, overallScoreInput, scoreText } from "@/domain/report/score-text";
import { sinceLastLines } from "@/domain/report/since-last-text";
import { DimensionChart } from "./dimension-chart";
import { DiagramFigure } from "./diagram-figure";
import { LifecycleDiagram } from "./lifecycle-diagram";
import { WeakestAreasSentence } from "./weakest-areas-sentence";

/** The diagram's caption in the printed report (and the SVG's accessible name in the PDF). */
export const PRINT_DIAGRAM_TITLE = `The plan across the ML lifecycle: ${STATUS_LEGEND.inplace.toLowerCase()} (✓, green), ${STATUS_LEGEND.now.toLowerCase()} (filled), ${STATUS_LEGEND.next.toLowerCase()} (light) and ${STATUS_LEGEND.later.toLowerCase()} (dashed).`;

/** Other unknowns listed in the executive summary; the rest are in the appendix's answers, so it stays short. */
export const SUMMARY_UNKNOWNS = 6;

export type PaperSize = "a4" | "letter";

/**
 * Page sizes for print: portrait for the text, a landscape page of the same paper for the diagram (Chromium prints
 * named pages at their own size when asked to prefer the CSS page size). Chromium lays every page out at the
 * portrait width, so the diagram's section is given the landscape page's width (less its margins) itself.
 */
export function printPageCss(paper: PaperSize): string {
  const size = paper === "a4" ? "A4" : "letter";
  const landscapeWidth = paper === "a4" ? "260mm" : "243mm";
  return (
    `@page { size: ${size} portrait; margin: 16mm 14mm 18mm; }\n` +
    `@page landscape { size: ${size} landscape; margin: 12mm 12mm 16mm; }\n` +
    `@media print { .report-diagram-page { width: ${landscapeWidth}; } }\n`
  );
}

function H2({ id, children }: { id: string; children: ReactNode }) {
  return (
    <h2 id={id} className="report-h2 mt-6 text-lg font-semibold">
      {children}
    </h2>
  );
}

function UnknownItem({ unknown }: { unknown: Unknown }) {
  return (
    <li>
      {questionText(unknown)}
      {unknown.assumed ? ` Planned as: ${unknown.assumed}.` : ""}{" "}
      <span className="text-ink-muted">{unknown.wouldChange}</span>
    </li>
  );
}

/**
 * The whole report as one printable document, in three parts:
 * 1. an executive summary of at most two pages: stage and scores, what changed, the catalog notice, the changes to
 *    make now, the top actions, the unknowns, the toss-ups and the constraints;
 * 2. the lifecycle diagram alone on a landscape page;
 * 3. the details as an appendix: the whole change plan, why each pick, warnings, tools left out, every action, the
 *    answers.
 * Used by /r/<id>/print, which the PDF export renders, and printable from the browser as is. Every detail is
 * expanded; nothing depends on interaction. Each heading is kept with what follows it (print CSS in globals.css).
 */
export function ReportDocument({
  data,
  phaseNames,
  diagramOnServer = false,
}: {
  data: ReportData;
  phaseNames: Record<string, string>;
  /** For the PDF export: leave a slot that the server's renderer fills, instead of drawing in this page. */
  diagramOnServer?: boolean;
}) {
  const { assessment, profile, recommendation } = data;
  const diagram = buildLifecycleDiagram(recommendation, data.phases, { layoutHints: true });
  const portable = buildLifecycleDiagram(recommendation, data.phases);
  const plan = planBySection(recommendation);
  const actions = plannedActions(profile, recommendation);
  const discovery = discoveryOf(profile, recommendation);
  const unknowns = discovery.rest;
  const tossUps = tossUpsOf(recommendation);
  const allActions = [...actions.high, ...actions.medium, ...actions.low];
  const weakest =
    profile.overall.weakest < 3.5 && profile.overall.weakestDimensions.length < profile.dimensions.length
      ? profile.overall.weakestDimensions
      : [];

  return (
    <article className="report-document mx-auto max-w-4xl px-6 py-8 text-[12px] leading-snug">
      {/* Part 1: the executive summary. */}
      <section className="report-summary">
        <header className="border-b border-line pb-3">
          <p className="text-xs font-semibold tracking-wide text-accent uppercase">MLOps Stack Advisor</p>
          <h1 className="mt-1 text-2xl font-bold tracking-tight">MLOps stack recommendation</h1>
          <p className="mt-1 text-base">
            Stage {profile.stage}: {profile.stageName} · overall level{" "}
            {scoreText(overallScoreInput(profile), { outOf: 4 })}
          </p>
          <p className="mt-1 text-ink-muted">
            Assessment {assessment.id} · {assessment.createdAt.slice(0, 10)} · questionnaire{" "}
            {assessment.questionnaireVersion} · engine {recommendation.engineVersion}
            {assessment.catalogRevision != null ? ` · catalog revision ${assessment.catalogRevision}` : ""}
          </p>
        </header>

        {data.catalogNotice ? (
          <div className="report-keep mt-3 rounded border border-warn p-2">
            <p className="font-semibold">The catalog changed since this report was made.</p>
            <p>It is shown as it was made; these picks are affected:</p>
            <ul className="list-disc pl-5">
              {data.catalogNotice.changes.map((c) => (
                <li key={c.slug}>
                  {c.name} ({c.capabilities.join(", ")}): {c.detail}
                </li>
              ))}
            </ul>
            <p>Re-run it with the same answers on today&apos;s catalog from the report page.</p>
          </div>
        ) : null}

        <H2 id="summary">Executive summary</H2>
        <div className="grid grid-cols-[1fr_15rem] gap-4">
          <div>
            <p>
              <WeakestAreasSentence profile={profile} /> {planSummaryText(recommendation)}
            </p>
            <p className="mt-1 text-ink-muted">
              Microsoft MLOps maturity level {profile.microsoftLevel.level} ({profile.microsoftLevel.name}); Google
              MLOps level {profile.googleLevel.level} ({profile.googleLevel.name}).
            </p>
          </div>
          <DimensionChart dimensions={profile.dimensions} weakest={weakest} />
        </div>

        {data.sinceLast ? (
          <div className="report-keep">
            <h3 className="report-h3 mt-3 font-semibold">
              Since the last assessment ({data.sinceLast.parent.createdAt.slice(0, 10)})
            </h3>
            <ul className="list-disc pl-5">
              {sinceLastLines(data.sinceLast)
                .slice(0, 8)
                .map((line, i) => (
                  <li key={i}>{line}</li>
                ))}
            </ul>
          </div>
        ) : null}

        {discovery.first.length > 0 ? (
          <div className="report-keep">
            <h3 className="report-h3 mt-3 font-semibold">
              {DISCOVERY_TITLE} ({discovery.first.length})
            </h3>
            <p className="text-ink-muted">{DISCOVERY_INTRO}</p>
            <ol className="list-decimal pl-5">
              {discovery.first.map((u) => (
                <UnknownItem key={u.question} unknown={u} />
              ))}
            </ol>
          </div>
        ) : null}

        {plan.now.length > 0 ? (
          <div>
            <h3 className="report-h3 mt-3 font-semibold">Changes now</h3>
            <table className="report-table mt-1 w-full border-collapse text-left">
              <thead>
                <tr className="border-b border-line">
                  <th scope="col" className="py-0.5 pr-2">
                    Capability
                  </th>
                  <th scope="col" className="py-0.5 pr-2">
                    Tool
                  </th>
                  <th scope="col" className="py-0.5">
                    Why, cost and effort
                  </th>
                </tr>
              </thead>
              <tbody>
                {plan.now.map((item) => (
                  <tr key={item.capability} className="border-b border-line align-top">
                    <td className="py-0.5 pr-2">{item.capabilityName}</td>
                    <td className="py-0.5 pr-2 font-medium">
                      {toolLine(item) ?? "None fits"}
                      {item.replaces ? <span className="block font-normal">replaces {item.replaces.name}</span> : null}
                    </td>
                    <td className="py-0.5">
                      {item.triggerMet ?? item.pick?.reasons[0] ?? item.uncoveredReason}
                      {item.pick ? (
                        <span className="block text-ink-muted">
                          {item.pick.cost}; {item.pick.effort}
                        </span>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}

        {actions.top.length > 0 ? (
          <div className="report-keep">
            <h3 className="report-h3 mt-3 font-semibold">Top actions</h3>
            <ol className="list-decimal pl-5">
              {actions.top.map((a) => (
                <li key={`${a.questionId}-${a.text}`}>
                  {a.text} <span className="text-ink-muted">— {actionTargetText(a.target)}</span>
                </li>
              ))}
            </ol>
          </div>
        ) : null}

        {unknowns.length > 0 ? (
          <div className="report-keep">
            <h3 className="report-h3 mt-3 font-semibold">
              {OTHER_UNKNOWNS_TITLE} ({unknowns.length})
            </h3>
            <ul className="list-disc pl-5">
              {unknowns.slice(0, SUMMARY_UNKNOWNS).map((u) => (
                <UnknownItem key={u.question} unknown={u} />
              ))}
              {unknowns.length > SUMMARY_UNKNOWNS ? (
                <li>
                  And {unknowns.length - SUMMARY_UNKNOWNS} more “Don&apos;t know” answers, listed with the answers.
                </li>
              ) : null}
            </ul>
          </div>
        ) : null}

        {tossUps.length > 0 ? (
          <div className="report-keep">
            <h3 className="report-h3 mt-3 font-semibold">Toss-ups</h3>
            <ul className="list-disc pl-5">
              {tossUps.map((item) => (
                <li key={item.capability}>
                  {item.capabilityName}: {tossUpText(item)}
                </li>
              ))}
            </ul>
          </div>
        ) : null}

        <div className="report-keep">
          <h3 className="report-h3 mt-3 font-semibold">Constraints applied</h3>
          <ul className="list-disc pl-5">
            {recommendation.constraintNotes.map((n) => (
              <li key={n}>{n}</li>
            ))}
          </ul>
        </div>
      </section>

      {/* Part 2: the diagram, alone on a landscape page. */}
      <section className="report-diagram-page">
        <H2 id="diagram">Lifecycle diagram</H2>
        <div className="mt-2">
          {diagramOnServer ? (
            <DiagramFigure state="server" source={portable} title={PRINT_DIAGRAM_TITLE} />
          ) : (
            <LifecycleDiagram eager source={diagram} shownSource={portable} title={PRINT_DIAGRAM_TITLE} />
          )}
        </div>
      </section>

      {/* Part 3: the appendix. */}
      <section className="report-appendix text-[11px]">
        <h2 id="appendix" className="report-h2 text-lg font-semibold">
          Appendix: the change plan in detail
        </h2>
        {PLAN_SECTIONS.filter((section) => plan[section].length > 0).map((section) => (
          <div key={section}>
            <h3 id={`plan-${section}`} className="report-h3 mt-3 text-base font-semibold">
              {PLAN_SECTION_TITLES[section]} ({plan[section].length})
            </h3>
            <div className="report-columns mt-1">
              {plan[section].map((item) => (
                <div key={item.capability} className="report-block mb-2">
                  <h4 className="font-semibold">
                    {item.capabilityName}:{" "}
                    {toolLine(item) ?? (section === "inPlace" ? "practice in place" : "none fits")}
                    <span className="font-normal text-ink-muted"> · {phaseNames[item.phase] ?? item.phase}</span>
                  </h4>
                  <ul className="list-disc pl-4">
                    {section === "inPlace" ? <li>{inPlaceText(item)}</li> : null}
                    {item.pick && section !== "inPlace"
                      ? item.pick.reasons.slice(0, 2).map((r) => <li key={r}>{r}</li>)
                      : null}
                    {!item.pick && item.uncoveredReason ? <li>{item.uncoveredReason}</li> : null}
                    {item.pick && section !== "inPlace" ? (
                      <li>
                        Cost: {item.pick.cost}. Running it: {item.pick.effort}.
                      </li>
                    ) : null}
                    {section !== "inPlace" ? <li>When: {whenText(item)}</li> : null}
                    {item.deferred ? <li>Waits: {item.deferred}</li> : null}
                    {item.replaces ? (
                      <li>
                        Replaces {item.replaces.name}: {item.replaces.reason}. Migration: {item.replaces.migration}.
                      </li>
                    ) : null}
                    {item.tossUp ? <li>Toss-up: {tossUpText(item)}</li> : null}
                    {item.alternatives.slice(0, 2).map((alt) => (
                      <li key={alt.slug} className="text-ink-muted">
                        Why not {alt.name}: {alt.whyNot}
                      </li>
                    ))}
                  </ul>
                </div>
              ))}
            </div>
          </div>
        ))}

        {recommendation.warnings.length > 0 ? (
          <div>
            <h3 id="warnings" className="report-h3 mt-4 text-base font-semibold">
              Warnings
            </h3>
            <ul className="report-columns list-disc pl-5">
              {recommendation.warnings.map((w, i) => (
                <li key={i}>{w.message}</li>
              ))}
            </ul>
          </div>
        ) : null}

        {recommendation.excluded.length > 0 ? (
          <div>
            <h3 id="left-out" className="report-h3 mt-4 text-base font-semibold">
              Tools left out
            </h3>
            <ul className="report-columns list-disc pl-5">
              {recommendation.excluded.map((e) => (
                <li key={e.slug}>
                  {e.name}: {e.reasons.join(" ")}
                  {e.successor ? ` Use ${e.successor.name}.` : ""}
                </li>
              ))}
            </ul>
          </div>
        ) : null}

        {allActions.length > 0 ? (
          <div>
            <h3 id="actions" className="report-h3 mt-4 text-base font-semibold">
              Action items
            </h3>
            <table className="report-table mt-1 w-full border-collapse text-left">
              <thead>
                <tr className="border-b border-line">
                  <th scope="col" className="py-0.5 pr-2">
                    Priority
                  </th>
                  <th scope="col" className="py-0.5 pr-2">
                    Action
                  </th>
                  <th scope="col" className="py-0.5">
                    Closed by
                  </th>
                </tr>
              </thead>
              <tbody>
                {allActions.map((a) => (
                  <tr key={`${a.questionId}-${a.text}`} className="border-b border-line align-top">
                    <td className="py-0.5 pr-2">{a.priority}</td>
                    <td className="py-0.5 pr-2">
                      {a.text} <span className="text-ink-muted">({a.dimensionName})</span>
                    </td>
                    <td className="py-0.5">{actionTargetText(a.target)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}

        <h3 id="answers" className="report-h3 mt-4 text-base font-semibold">
          Answers
        </h3>
        <table className="report-table mt-1 w-full border-collapse text-left">
          <thead>
            <tr className="border-b border-line">
              <th scope="col" className="py-0.5 pr-2">
                Question
              </th>
              <th scope="col" className="py-0.5 pr-2">
                Answer
              </th>
              <th scope="col" className="py-0.5">
                Level
              </th>
            </tr>
          </thead>
          <tbody>
            {profile.dimensions.flatMap((d) =>
              d.drivers.map((q) => (
                <tr key={q.questionId} className="border-b border-line align-top">
                  <td className="py-0.5 pr-2">{q.prompt}</td>
                  <td className="py-0.5 pr-2">{q.answer}</td>
                  <td className="py-0.5">{answerLevelText(q)}</td>
                </tr>
              )),
            )}
          </tbody>
        </table>
      </section>
    </article>
  );
}
