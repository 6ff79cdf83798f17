import type { ReportData } from "@/domain/report/report-data";
import { buildLifecycleDiagram } from "@/domain/report/mermaid";
import { STAGE_NAMES } from "@/domain/catalog/vocabulary";
import { DimensionChart } from "./dimension-chart";
import { DiagramFigure } from "./diagram-figure";
import { LifecycleDiagram } from "./lifecycle-diagram";
import { HORIZON_TITLES } from "./stack-roadmap";
import { WeakestAreasSentence } from "./weakest-areas-sentence";

/**
 * The whole report as one printable document: cover, summary, dimensions, roadmap table by horizon and phase,
 * diagram, reasons, warnings, actions and answers. Used by /r/<id>/print, which the PDF export renders, and
 * printable from the browser as is. Every detail is expanded; nothing depends on interaction.
 */
/** The diagram's caption in the printed report (and the SVG's accessible name in the PDF). */
export const PRINT_DIAGRAM_TITLE = "The recommended stack across the ML lifecycle; filled boxes are adopted now.";

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
  const diagram = buildLifecycleDiagram(recommendation, data.phases);
  return (
    <article className="report-document mx-auto max-w-4xl px-6 py-8 text-[13px] leading-relaxed">
      <header className="report-cover border-b border-line pb-6">
        <p className="text-sm font-semibold tracking-wide text-accent uppercase">MLOps Stack Advisor</p>
        <h1 className="mt-2 text-3xl font-bold tracking-tight">MLOps stack recommendation</h1>
        <p className="mt-2 text-lg">
          Stage {profile.stage}: {profile.stageName}
        </p>
        <p className="mt-1 text-ink-muted">
          Assessment {assessment.id} · {assessment.createdAt.slice(0, 10)} · questionnaire{" "}
          {assessment.questionnaireVersion} · engine {recommendation.engineVersion}
        </p>
      </header>

      <section className="mt-6">
        <h2 className="text-xl font-semibold">Summary</h2>
        <p className="mt-2">
          Overall level {profile.overall.level.toFixed(1)} of 4 (average {profile.overall.mean.toFixed(1)}).{" "}
          <WeakestAreasSentence profile={profile} /> {recommendation.toolCount.now} tools to adopt now,{" "}
          {recommendation.toolCount.next} at the next stage, {recommendation.toolCount.later} later.
          {profile.stage < 4 ? ` Next stage: ${STAGE_NAMES[(profile.stage + 1) as 2 | 3 | 4]}.` : ""}
        </p>
        <p className="mt-1 text-ink-muted">
          Microsoft MLOps maturity level {profile.microsoftLevel.level} ({profile.microsoftLevel.name}); Google MLOps
          level {profile.googleLevel.level} ({profile.googleLevel.name}).
        </p>
        <div className="mt-4">
          <DimensionChart
            dimensions={profile.dimensions}
            weakest={
              profile.overall.weakest < 3.5 && profile.overall.weakestDimensions.length < profile.dimensions.length
                ? profile.overall.weakestDimensions
                : []
            }
          />
        </div>
      </section>

      <section className="mt-8">
        <h2 className="text-xl font-semibold">Roadmap</h2>
        {(["now", "next", "later"] as const).map((horizon) => {
          const items = recommendation.items.filter((i) => i.horizon === horizon);
          if (items.length === 0) return null;
          return (
            <div key={horizon} className="mt-4">
              <h3 className="font-semibold">{HORIZON_TITLES[horizon]}</h3>
              <table className="report-table mt-2 w-full border-collapse text-left">
                <thead>
                  <tr className="border-b border-line">
                    <th scope="col" className="py-1 pr-2">
                      Phase
                    </th>
                    <th scope="col" className="py-1 pr-2">
                      Capability
                    </th>
                    <th scope="col" className="py-1 pr-2">
                      Tool
                    </th>
                    <th scope="col" className="py-1">
                      Why
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {items.map((item) => (
                    <tr key={item.capability} className="border-b border-line align-top">
                      <td className="py-1 pr-2 text-ink-muted">{phaseNames[item.phase] ?? item.phase}</td>
                      <td className="py-1 pr-2">{item.capabilityName}</td>
                      <td className="py-1 pr-2 font-medium">
                        {item.pick
                          ? [item.pick.name, ...item.pick.companions.map((c) => c.name)].join(" + ")
                          : "None fits"}
                      </td>
                      <td className="py-1">
                        {item.pick ? item.pick.reasons.slice(0, 2).join("; ") : item.uncoveredReason}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          );
        })}
      </section>

      <section className="report-diagram mt-8">
        <h2 className="text-xl font-semibold">Lifecycle diagram</h2>
        <div className="mt-3">
          {diagramOnServer ? (
            <DiagramFigure state="server" source={diagram} title={PRINT_DIAGRAM_TITLE} />
          ) : (
            <LifecycleDiagram eager source={diagram} title={PRINT_DIAGRAM_TITLE} />
          )}
        </div>
      </section>

      <section className="mt-8">
        <h2 className="text-xl font-semibold">Why each pick</h2>
        {recommendation.items
          .filter((i) => i.pick)
          .map((item) => (
            <div key={item.capability} className="report-block mt-3">
              <h3 className="font-semibold">
                {item.capabilityName}: {item.pick!.name}
              </h3>
              <ul className="list-disc pl-5">
                {item.pick!.reasons.map((r) => (
                  <li key={r}>{r}</li>
                ))}
                <li className="text-ink-muted">Adopt when: {item.trigger}</li>
                {item.alternatives.map((alt) => (
                  <li key={alt.slug} className="text-ink-muted">
                    Why not {alt.name}: {alt.whyNot}
                  </li>
                ))}
              </ul>
            </div>
          ))}
      </section>

      {recommendation.warnings.length > 0 ? (
        <section className="mt-8">
          <h2 className="text-xl font-semibold">Warnings</h2>
          <ul className="mt-2 list-disc pl-5">
            {recommendation.warnings.map((w, i) => (
              <li key={i}>{w.message}</li>
            ))}
          </ul>
        </section>
      ) : null}

      <section className="mt-8">
        <h2 className="text-xl font-semibold">Constraints applied</h2>
        <ul className="mt-2 list-disc pl-5">
          {recommendation.constraintNotes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      </section>

      {profile.actionItems.length > 0 ? (
        <section className="mt-8">
          <h2 className="text-xl font-semibold">Action items</h2>
          <table className="report-table mt-2 w-full border-collapse text-left">
            <thead>
              <tr className="border-b border-line">
                <th scope="col" className="py-1 pr-2">
                  Priority
                </th>
                <th scope="col" className="py-1 pr-2">
                  Dimension
                </th>
                <th scope="col" className="py-1">
                  Action
                </th>
              </tr>
            </thead>
            <tbody>
              {profile.actionItems.map((a) => (
                <tr key={`${a.questionId}-${a.text}`} className="border-b border-line align-top">
                  <td className="py-1 pr-2">{a.priority}</td>
                  <td className="py-1 pr-2">{a.dimensionName}</td>
                  <td className="py-1">{a.text}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}

      <section className="mt-8">
        <h2 className="text-xl font-semibold">Answers</h2>
        <table className="report-table mt-2 w-full border-collapse text-left">
          <thead>
            <tr className="border-b border-line">
              <th scope="col" className="py-1 pr-2">
                Question
              </th>
              <th scope="col" className="py-1 pr-2">
                Answer
              </th>
              <th scope="col" className="py-1">
                Level
              </th>
            </tr>
          </thead>
          <tbody>
            {profile.dimensions.flatMap((d) =>
              d.drivers.map((q) => (
                <tr key={q.questionId} className="border-b border-line align-top">
                  <td className="py-1 pr-2">{q.prompt}</td>
                  <td className="py-1 pr-2">{q.answer}</td>
                  <td className="py-1">{q.level}</td>
                </tr>
              )),
            )}
          </tbody>
        </table>
      </section>
    </article>
  );
}
