import Link from "next/link";
import { Badge } from "@/components/badge";
import { FreshnessBadge } from "@/components/freshness-badge";
import type { Recommendation, RecommendationItem } from "@/domain/recommender/types";
import {
  anchorForCapability,
  inPlaceText,
  PLAN_SECTION_INTROS,
  PLAN_SECTION_TITLES,
  PLAN_SECTIONS,
  planBySection,
  tossUpText,
  whenText,
  type PlanSection,
} from "@/domain/report/plan";
import { PickExplanation } from "./pick-explanation";

/** Heading ids of the plan's sections, for the table of contents. */
export const planSectionId = (section: PlanSection) => `plan-${section === "inPlace" ? "in-place" : section}`;

function ToolName({ item, outOfDate }: { item: RecommendationItem; outOfDate?: ReadonlySet<string> }) {
  const pick = item.pick;
  if (!pick) return null;
  return (
    <p className="mt-1 text-lg font-semibold">
      <Link href={`/catalog/${pick.slug}`} className="hover:underline">
        {pick.name}
      </Link>
      {outOfDate?.has(pick.slug) ? (
        <>
          {" "}
          <FreshnessBadge />
        </>
      ) : null}
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
  );
}

function Item({
  item,
  section,
  outOfDate,
}: {
  item: RecommendationItem;
  section: PlanSection;
  outOfDate?: ReadonlySet<string>;
}) {
  const pick = item.pick;
  const tossUp = tossUpText(item);
  return (
    <li
      id={anchorForCapability(item.capability)}
      className="scroll-mt-20 rounded-lg border border-line bg-surface-raised p-4 target:ring-2 target:ring-accent"
      data-capability={item.capability}
    >
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h4 className="text-sm font-medium text-ink-muted">{item.capabilityName}</h4>
        <span className="flex flex-wrap gap-1">
          {section === "inPlace" ? <Badge tone="ok">In place</Badge> : null}
          {item.change === "replace" ? <Badge tone="warn">Replaces a tool you use</Badge> : null}
          {tossUp ? <Badge tone="neutral">Toss-up</Badge> : null}
          {pick && !pick.isMainJob ? <Badge tone="neutral">Side job</Badge> : null}
        </span>
      </div>
      {pick ? (
        <ToolName item={item} outOfDate={outOfDate} />
      ) : section === "inPlace" ? (
        <p className="mt-1 font-semibold">Practice in place</p>
      ) : (
        <p className="mt-1 font-semibold text-danger">No tool fits your constraints</p>
      )}
      {section === "inPlace" ? (
        <p className="mt-1 text-sm">
          {inPlaceText(item)}
          {!pick ? (
            <>
              {" "}
              <Link href="/assess" className="text-accent underline">
                Name the tool
              </Link>
            </>
          ) : null}
        </p>
      ) : null}
      {section !== "inPlace" && pick?.reasons[0] ? (
        <p className="mt-1 text-sm">{pick.reasons.slice(0, 2).join(" · ")}</p>
      ) : null}
      {!pick && item.uncoveredReason ? <p className="mt-1 text-sm">{item.uncoveredReason}</p> : null}
      {item.replaces ? (
        <p className="mt-2 rounded-md bg-warn-soft p-2 text-sm">
          <span className="font-medium">Replaces {item.replaces.name}:</span> {item.replaces.reason}.{" "}
          <span className="font-medium">Migration:</span> {item.replaces.migration}.
        </p>
      ) : null}
      {tossUp ? (
        <p className="mt-2 rounded-md bg-accent-soft p-2 text-sm">
          <span className="font-medium">Toss-up: </span>
          {tossUp}
        </p>
      ) : null}
      {pick && section !== "inPlace" ? (
        <p className="mt-2 text-sm text-ink-muted">
          <span className="font-medium text-ink">Cost: </span>
          {pick.cost} · <span className="font-medium text-ink">Running it: </span>
          {pick.effort}
        </p>
      ) : null}
      {section !== "inPlace" ? (
        <p className="mt-1 text-sm text-ink-muted">
          <span className="font-medium text-ink">When: </span>
          {whenText(item)}
        </p>
      ) : null}
      {item.deferred ? (
        <p className="mt-1 text-sm text-ink-muted">
          <span className="font-medium text-ink">Why it waits: </span>
          {item.deferred}
        </p>
      ) : null}
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

/**
 * The change plan: in place (kept), now, next and later; each item with its reasons, cost and effort, trigger (or
 * the trigger already met), why it waits, its replacement and toss-up, and the explanation on demand.
 */
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
  const plan = planBySection(recommendation);
  const counts: Record<PlanSection, number> = {
    inPlace: recommendation.toolCount.inPlace,
    now: recommendation.toolCount.now,
    next: recommendation.toolCount.next,
    later: recommendation.toolCount.later,
  };
  return (
    <div className="space-y-8">
      {PLAN_SECTIONS.map((section) => {
        const items = plan[section];
        if (items.length === 0) return null;
        const phases = [...new Set(items.map((i) => i.phase))];
        return (
          <section key={section} aria-labelledby={planSectionId(section)}>
            <div className="flex flex-wrap items-baseline justify-between gap-2">
              <h3 id={planSectionId(section)} className="scroll-mt-20 text-lg font-semibold">
                {PLAN_SECTION_TITLES[section]}{" "}
                <span className="text-sm font-normal text-ink-muted">
                  ({counts[section]} tool{counts[section] === 1 ? "" : "s"}
                  {section === "now"
                    ? ` of about ${recommendation.nowBudget.limit} your team can take on at a time`
                    : ""}
                  )
                </span>
              </h3>
              <p className="text-sm text-ink-muted">{PLAN_SECTION_INTROS[section]}</p>
            </div>
            {section === "now" ? <p className="mt-1 text-sm text-ink-muted">{recommendation.nowBudget.why}</p> : null}
            {phases.map((phase) => (
              <div key={phase} className="mt-3">
                <p className="text-xs font-semibold tracking-wide text-ink-muted uppercase">
                  {phaseNames[phase] ?? phase}
                </p>
                <ul className="mt-2 grid gap-3 md:grid-cols-2">
                  {items
                    .filter((i) => i.phase === phase)
                    .map((item) => (
                      <Item key={item.capability} item={item} section={section} outOfDate={outOfDate} />
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
