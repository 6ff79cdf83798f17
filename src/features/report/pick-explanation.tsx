"use client";

import Link from "next/link";
import { useState } from "react";
import type { ScoreComponent } from "@/domain/recommender/types";

type Props = {
  pick: { name: string; score: number; breakdown: ScoreComponent[] };
  drivers: string[];
  alternatives: { slug: string; name: string; score: number; whyNot: string }[];
};

/**
 * "Why this pick": folded under each pick of the stack. The explanation (criteria table, alternatives and why not)
 * is drawn only when someone opens it: a stack of 35 picks would otherwise put about 1,700 elements in the page
 * for the browser to lay out and React to hydrate on load. The printable report shows every explanation in full.
 */
export function PickExplanation({ pick, drivers, alternatives }: Props) {
  const [open, setOpen] = useState(false);
  return (
    <details className="mt-3 text-sm" onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary className="cursor-pointer font-medium text-accent">Why {pick.name}, and why not the others</summary>
      {open ? (
        <div className="mt-3 space-y-3">
          <div>
            <p className="font-medium">What decided it</p>
            <ul className="mt-1 list-disc pl-5 text-ink-muted">
              {drivers.map((d) => (
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
          {alternatives.length > 0 ? (
            <div>
              <p className="font-medium">Alternatives</p>
              <ul className="mt-1 space-y-1">
                {alternatives.map((alt) => (
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
      ) : null}
    </details>
  );
}
