import Link from "next/link";
import { Badge } from "@/components/badge";
import type { Horizon, Recommendation, RecommendationItem } from "@/domain/recommender/types";
import { STAGE_NAMES, type MaturityStage } from "@/domain/catalog/vocabulary";

export const HORIZON_TITLES: Record<Horizon, string> = { now: "Adopt now", next: "Next stage", later: "Later" };

function horizonIntro(horizon: Horizon, stage: MaturityStage): string {
  if (horizon === "now") return `What a team at stage ${stage} (${STAGE_NAMES[stage]}) should run today.`;
  if (horizon === "next")
    return stage < 4
      ? `Add these on the way to stage ${stage + 1} (${STAGE_NAMES[(stage + 1) as MaturityStage]}), when their trigger applies.`
      : "";
  return "Leave these until their trigger applies; adopting them early is the over-engineering mistake.";
}

function Item({ item }: { item: RecommendationItem }) {
  const pick = item.pick;
  return (
    <li className="rounded-lg border border-line bg-surface-raised p-4" data-capability={item.capability}>
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h4 className="text-sm font-medium text-ink-muted">{item.capabilityName}</h4>
        {pick?.isKept ? <Badge tone="ok">Already in use</Badge> : null}
      </div>
      {pick ? (
        <p className="mt-1 text-lg font-semibold">
          <Link href={`/catalog/${pick.slug}`} className="hover:underline">
            {pick.name}
          </Link>
          {pick.companions.map((c) => (
            <span key={c.slug} className="text-base font-normal text-ink-muted">
              {" "}
              +{" "}
              <Link href={`/catalog/${c.slug}`} className="hover:underline">
                {c.name}
              </Link>{" "}
              <span className="text-sm">({c.why})</span>
            </span>
          ))}
        </p>
      ) : (
        <p className="mt-1 font-semibold text-danger">No tool fits your constraints</p>
      )}
      {pick?.reasons[0] ? <p className="mt-1 text-sm">{pick.reasons.slice(0, 2).join(" · ")}</p> : null}
      {!pick && item.uncoveredReason ? <p className="mt-1 text-sm">{item.uncoveredReason}</p> : null}
      <p className="mt-2 text-sm text-ink-muted">
        <span className="font-medium text-ink">When: </span>
        {item.trigger}
      </p>
      {pick ? (
        <details className="mt-3 text-sm">
          <summary className="cursor-pointer font-medium text-accent">Why {pick.name}, and why not the others</summary>
          <div className="mt-3 space-y-3">
            <div>
              <p className="font-medium">What decided it</p>
              <ul className="mt-1 list-disc pl-5 text-ink-muted">
                {item.drivers.map((d) => (
                  <li key={d}>{d}</li>
                ))}
              </ul>
            </div>
            <table className="w-full border-collapse text-left">
              <caption className="sr-only">Score breakdown for {pick.name}</caption>
              <thead>
                <tr className="border-b border-line text-ink-muted">
                  <th scope="col" className="py-1 pr-2 font-medium">
                    Criterion
                  </th>
                  <th scope="col" className="py-1 pr-2 font-medium">
                    Why
                  </th>
                  <th scope="col" className="py-1 text-right font-medium">
                    Points
                  </th>
                </tr>
              </thead>
              <tbody>
                {pick.breakdown.map((part) => (
                  <tr key={part.key} className="border-b border-line last:border-b-0">
                    <td className="py-1 pr-2">{part.label}</td>
                    <td className="py-1 pr-2 text-ink-muted">{part.note}</td>
                    <td className={`py-1 text-right tabular-nums ${part.points < 0 ? "text-danger" : ""}`}>
                      {part.points > 0 ? `+${part.points}` : part.points}
                    </td>
                  </tr>
                ))}
                <tr>
                  <td className="pt-1 font-semibold" colSpan={2}>
                    Total
                  </td>
                  <td className="pt-1 text-right font-semibold tabular-nums">{pick.score}</td>
                </tr>
              </tbody>
            </table>
            {item.alternatives.length > 0 ? (
              <div>
                <p className="font-medium">Alternatives</p>
                <ul className="mt-1 space-y-1">
                  {item.alternatives.map((alt) => (
                    <li key={alt.slug}>
                      <Link href={`/catalog/${alt.slug}`} className="font-medium hover:underline">
                        {alt.name}
                      </Link>{" "}
                      <span className="text-ink-muted">
                        ({alt.score}) — why not: {alt.whyNot}
                      </span>
                    </li>
                  ))}
                </ul>
              </div>
            ) : (
              <p className="text-ink-muted">No other catalog tool fits this job within your constraints.</p>
            )}
          </div>
        </details>
      ) : null}
    </li>
  );
}

/** The staged stack: now, next stage, later; each pick with its reasons, trigger and alternatives on demand. */
export function StackRoadmap({
  recommendation,
  phaseNames,
}: {
  recommendation: Recommendation;
  phaseNames: Record<string, string>;
}) {
  return (
    <div className="space-y-8">
      {(["now", "next", "later"] as const).map((horizon) => {
        const items = recommendation.items.filter((i) => i.horizon === horizon);
        if (items.length === 0) return null;
        const phases = [...new Set(items.map((i) => i.phase))];
        return (
          <section key={horizon} aria-labelledby={`horizon-${horizon}`}>
            <div className="flex flex-wrap items-baseline justify-between gap-2">
              <h3 id={`horizon-${horizon}`} className="text-lg font-semibold">
                {HORIZON_TITLES[horizon]}{" "}
                <span className="text-sm font-normal text-ink-muted">
                  ({recommendation.toolCount[horizon]} tool{recommendation.toolCount[horizon] === 1 ? "" : "s"})
                </span>
              </h3>
              <p className="text-sm text-ink-muted">{horizonIntro(horizon, recommendation.stage)}</p>
            </div>
            {phases.map((phase) => (
              <div key={phase} className="mt-3">
                <p className="text-xs font-semibold tracking-wide text-ink-muted uppercase">
                  {phaseNames[phase] ?? phase}
                </p>
                <ul className="mt-2 grid gap-3 md:grid-cols-2">
                  {items
                    .filter((i) => i.phase === phase)
                    .map((item) => (
                      <Item key={item.capability} item={item} />
                    ))}
                </ul>
              </div>
            ))}
          </section>
        );
      })}
    </div>
  );
}
