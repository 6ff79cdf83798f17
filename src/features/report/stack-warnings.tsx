import Link from "next/link";
import type { Recommendation, WarningKind } from "@/domain/recommender/types";

const KIND_TITLES: Record<WarningKind, string> = {
  uncovered: "Not covered",
  sprawl: "Tool sprawl",
  overlap: "Overlap",
  "weak-integration": "Weak integration",
  "replaced-tool": "Replacing a tool you use",
  "retired-tool-in-use": "Retired tool in use",
  risk: "Risk signal",
  "over-engineering": "More than your team can run",
};

/** Whole-stack warnings and the familiar tools the constraints ruled out. */
export function StackWarnings({ recommendation }: { recommendation: Recommendation }) {
  const { warnings, excluded, constraintNotes } = recommendation;
  return (
    <div className="grid gap-6 md:grid-cols-2">
      <section aria-labelledby="warnings-heading">
        <h3 id="warnings-heading" className="font-semibold">
          Watch out for ({warnings.length})
        </h3>
        {warnings.length === 0 ? (
          <p className="mt-2 text-sm text-ink-muted">No whole-stack issues found.</p>
        ) : (
          <ul className="mt-2 space-y-2 text-sm">
            {warnings.map((w, i) => (
              <li
                key={`${w.kind}-${i}`}
                className={`rounded-md border p-3 ${w.kind === "uncovered" || w.kind === "retired-tool-in-use" ? "border-danger" : "border-line"}`}
              >
                <span className="font-medium">{KIND_TITLES[w.kind]}: </span>
                {w.message}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="constraints-heading">
        <h3 id="constraints-heading" className="font-semibold">
          How your constraints were applied
        </h3>
        <ul className="mt-2 list-disc space-y-1 pl-5 text-sm">
          {constraintNotes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
        {excluded.length > 0 ? (
          <details className="mt-4 text-sm">
            <summary className="cursor-pointer font-medium text-accent">
              Familiar tools left out ({excluded.length}) and why
            </summary>
            <ul className="mt-2 space-y-2">
              {excluded.map((e) => (
                <li key={e.slug}>
                  <Link href={`/catalog/${e.slug}`} className="font-medium hover:underline">
                    {e.name}
                  </Link>
                  : <span className="text-ink-muted">{e.reasons.join(" ")}</span>
                  {e.successor ? (
                    <span>
                      {" "}
                      Use{" "}
                      <Link href={`/catalog/${e.successor.slug}`} className="underline">
                        {e.successor.name}
                      </Link>
                      .
                    </span>
                  ) : null}
                </li>
              ))}
            </ul>
          </details>
        ) : null}
      </section>
    </div>
  );
}
