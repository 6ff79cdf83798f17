import type { DimensionScore } from "@/domain/assessment/score";
import { readScore, scoreText } from "@/domain/report/score-text";

/**
 * Dimension scores as horizontal bars: readable at a glance, on paper and by screen readers (it is a table).
 * A radar chart looks richer but hides the weakest link the stage depends on; bars sort it into view. A score with
 * "don't know" answers is a range, not a measurement: the bar is drawn to its low end with the rest of the range
 * hatched, and the figure is the range with its unknown share (domain/report/score-text.ts).
 */
export function DimensionChart({ dimensions, weakest }: { dimensions: DimensionScore[]; weakest: string[] }) {
  return (
    <table className="w-full border-collapse text-sm">
      <caption className="sr-only">Score per dimension, from 0 (absent) to 4 (fully automated and measured)</caption>
      <thead className="sr-only">
        <tr>
          <th scope="col">Dimension</th>
          <th scope="col">Score out of 4</th>
        </tr>
      </thead>
      <tbody>
        {dimensions.map((d) => {
          const isWeakest = weakest.includes(d.slug);
          const reading = readScore(d);
          const low = reading.kind === "range" ? reading.low : reading.kind === "measured" ? reading.value : 0;
          const high = reading.kind === "range" ? reading.high : reading.kind === "measured" ? reading.value : 4;
          return (
            <tr key={d.slug}>
              <th scope="row" className="w-48 py-1.5 pr-3 text-left font-medium">
                {d.name}
                {isWeakest ? <span className="ml-1 text-xs font-normal text-danger">(weakest)</span> : null}
              </th>
              <td className="py-1.5">
                <div className="flex items-center gap-3">
                  <div className="relative h-3 flex-1 overflow-hidden rounded-full bg-surface-muted" aria-hidden="true">
                    <div
                      className={`absolute inset-y-0 left-0 rounded-full ${isWeakest ? "bg-danger" : "bg-accent"}`}
                      style={{ width: `${(low / 4) * 100}%` }}
                    />
                    {high > low ? (
                      <div
                        className="absolute inset-y-0 bg-[repeating-linear-gradient(45deg,var(--color-ink-muted)_0_2px,transparent_2px_5px)] opacity-40"
                        style={{ left: `${(low / 4) * 100}%`, width: `${((high - low) / 4) * 100}%` }}
                      />
                    ) : null}
                    {[1, 2, 3].map((tick) => (
                      <div
                        key={tick}
                        className="absolute inset-y-0 w-px bg-surface"
                        style={{ left: `${tick * 25}%` }}
                      />
                    ))}
                  </div>
                  <span
                    className={`text-right tabular-nums ${reading.kind === "measured" ? "w-12" : "w-28 text-xs leading-tight"}`}
                  >
                    {scoreText(d)}
                  </span>
                </div>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
