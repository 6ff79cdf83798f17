import Link from "next/link";
import type { CatalogNotice } from "@/domain/report/catalog-drift";
import type { SinceLast } from "@/domain/report/since-last";
import { sinceLastLines } from "@/domain/report/since-last-text";
import { RerunForm } from "./rerun-form";

/** The banner on a report whose picks the catalog has changed since: which, how, and a one-click re-run. */
export function CatalogNoticeBanner({ notice, assessmentId }: { notice: CatalogNotice; assessmentId: string }) {
  return (
    <section
      aria-labelledby="catalog-notice-heading"
      className="mt-6 rounded-lg border border-warn bg-warn-soft p-4 text-sm"
      data-catalog-notice
    >
      <h2 id="catalog-notice-heading" className="font-semibold">
        The catalog changed since this report was made
      </h2>
      <p className="mt-1">This report is shown as it was made. These picks are affected:</p>
      <ul className="mt-2 list-disc space-y-1 pl-5">
        {notice.changes.map((c) => (
          <li key={c.slug}>
            <Link href={`/catalog/${c.slug}`} className="font-medium underline">
              {c.name}
            </Link>{" "}
            ({c.capabilities.join(", ")}): {c.detail}
          </li>
        ))}
      </ul>
      <RerunForm assessmentId={assessmentId} />
    </section>
  );
}

/** "Since your last assessment": stage and score moves, changed answers, picks added, removed, replaced or moved. */
export function SinceLastSection({ since }: { since: SinceLast }) {
  return (
    <section aria-labelledby="since-last-heading" id="since-last" className="mt-8 scroll-mt-20">
      <h2 id="since-last-heading" className="text-xl font-semibold">
        Since your last assessment
      </h2>
      <p className="mt-1 text-sm text-ink-muted">
        {since.reason === "rerun" ? "The same answers re-run on today's catalog; the earlier report: " : "Edited from "}
        <Link href={`/r/${since.parent.id}`} className="text-accent underline">
          assessment of {since.parent.createdAt.slice(0, 10)}
        </Link>
        .
      </p>
      <ul className="mt-3 space-y-1 text-sm">
        {sinceLastLines(since).map((line, i) => (
          <li key={i} className="rounded border border-line px-3 py-1.5">
            {line}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The assessments made from this one, newest last. */
export function FollowUps({ followUps }: { followUps: { id: string; createdAt: string }[] }) {
  if (followUps.length === 0) return null;
  return (
    <p className="mt-4 text-sm" data-follow-ups>
      <span className="font-medium">Later assessments made from this one: </span>
      {followUps.map((f, i) => (
        <span key={f.id}>
          {i > 0 ? ", " : ""}
          <Link href={`/r/${f.id}`} className="text-accent underline">
            {f.createdAt.slice(0, 10)}
          </Link>
        </span>
      ))}
    </p>
  );
}
