import Link from "next/link";
import { Badge } from "@/components/badge";
import { FreshnessBadge } from "@/components/freshness-badge";
import type { Horizon, Recommendation, RecommendationItem } from "@/domain/recommender/types";
import { STAGE_NAMES, type MaturityStage } from "@/domain/catalog/vocabulary";
import { PickExplanation } from "./pick-explanation";

export const HORIZON_TITLES: Record<Horizon, string> = { now: "Adopt now", next: "Next stage", later: "Later" };

function horizonIntro(horizon: Horizon, stage: MaturityStage): string {
  if (horizon === "now") return `What a team at stage ${stage} (${STAGE_NAMES[stage]}) should run today.`;
  if (horizon === "next")
    return stage < 4
      ? `Add these on the way to stage ${stage + 1} (${STAGE_NAMES[(stage + 1) as MaturityStage]}), when their trigger applies.`
      : "";
  return "Leave these until their trigger applies; adopting them early is the over-engineering mistake.";
}

function Item({ item, outOfDate }: { item: RecommendationItem; outOfDate?: ReadonlySet<string> }) {
  const pick = item.pick;
  return (
    <li className="rounded-lg border border-line bg-surface-raised p-4" data-capability={item.capability}>
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h4 className="text-sm font-medium text-ink-muted">{item.capabilityName}</h4>
        {pick?.isKept ? <Badge tone="ok">Already in use</Badge> : null}
        {pick && outOfDate?.has(pick.slug) ? <FreshnessBadge /> : null}
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
        <PickExplanation
          pick={{ name: pick.name, score: pick.score, breakdown: pick.breakdown }}
          drivers={item.drivers}
          alternatives={item.alternatives.map(({ slug, name, score, whyNot }) => ({ slug, name, score, whyNot }))}
        />
      ) : null}
    </li>
  );
}

/** The staged stack: now, next stage, later; each pick with its reasons, trigger and alternatives on demand. */
export function StackRoadmap({
  recommendation,
  phaseNames,
  outOfDate,
}: {
  recommendation: Recommendation;
  phaseNames: Record<string, string>;
  /** Slugs past their review interval (outOfDateSlugs in src/domain/catalog/freshness.ts). */
  outOfDate?: ReadonlySet<string>;
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
                      <Item key={item.capability} item={item} outOfDate={outOfDate} />
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
