import { Badge } from "@/components/badge";
import { FreshnessBadge } from "@/components/freshness-badge";
import { relativeAge, undatedFacts, type ReviewDue } from "@/domain/catalog/freshness";
import { SOURCE_FACT_LABELS } from "@/domain/catalog/labels";
import type { CatalogTool } from "@/domain/catalog/types";

/** How a source URL reads in a list: host and path, without the scheme or a trailing slash. */
function shortUrl(url: string): string {
  const { hostname, pathname, search } = new URL(url);
  return `${hostname.replace(/^www\./, "")}${pathname === "/" ? "" : pathname.replace(/\/$/, "")}${search}`;
}

function listWords(words: string[]): string {
  return words.length < 2 ? words.join("") : `${words.slice(0, -1).join(", ")} and ${words.at(-1)}`;
}

/** The "Checked" fact of a tool page: the review day, a link to the sources and, past the interval, the badge. */
export function CheckedFact({ tool, review }: { tool: CatalogTool; review: ReviewDue }) {
  const count = tool.sources.length;
  return (
    <>
      <time dateTime={tool.lastReviewed}>{tool.lastReviewed}</time> ·{" "}
      <a href="#sources" className="underline">
        {count === 0 ? "no sources" : count === 1 ? "1 source" : `${count} sources`}
      </a>
      {review.isOutOfDate ? (
        <span className="mt-1 block">
          <FreshnessBadge lastReviewed={tool.lastReviewed} />
        </span>
      ) : null}
      <span className="mt-1 block text-xs text-ink-muted">
        Reviewed every {review.days} days ({review.reason})
      </span>
    </>
  );
}

/** The "Project" fact: what `npm run catalog:refresh` last read from the repository, as relative ages. */
export function ProjectActivityFact({
  freshness,
  today,
}: {
  freshness: NonNullable<CatalogTool["freshness"]>;
  today: string;
}) {
  const { latestRelease, lastActivity, archived, checked } = freshness;
  return (
    <ul className="space-y-1">
      {archived ? (
        <li>
          <Badge tone="danger">Repository archived</Badge>
        </li>
      ) : null}
      <li>
        {latestRelease ? (
          <>
            Latest release <code className="text-xs">{latestRelease.version}</code>,{" "}
            <time dateTime={latestRelease.date} title={latestRelease.date}>
              {relativeAge(latestRelease.date, today)}
            </time>
          </>
        ) : (
          "No GitHub release published"
        )}
      </li>
      {lastActivity ? (
        <li>
          Last commit pushed{" "}
          <time dateTime={lastActivity} title={lastActivity}>
            {relativeAge(lastActivity, today)}
          </time>
        </li>
      ) : null}
      <li className="text-xs text-ink-muted">
        From GitHub, <time dateTime={checked}>{checked}</time>
      </li>
    </ul>
  );
}

/** Where the entry's facts come from: each source with what it supports and when it was checked. */
export function SourcesSection({ tool, review }: { tool: CatalogTool; review: ReviewDue }) {
  const missing = undatedFacts(tool).map((fact) => SOURCE_FACT_LABELS[fact].toLowerCase());
  return (
    <section id="sources" aria-labelledby="sources-heading" className="mt-8 scroll-mt-20">
      <h2 id="sources-heading" className="text-lg font-semibold">
        Sources
      </h2>
      <p className="mt-1 text-sm text-ink-muted">
        Checked on <time dateTime={tool.lastReviewed}>{tool.lastReviewed}</time> ·{" "}
        {tool.sources.length === 1 ? "1 source" : `${tool.sources.length} sources`} · next review due{" "}
        <time dateTime={review.dueOn}>{review.dueOn}</time>
        {review.isOutOfDate ? " (overdue: the facts below may have changed)" : ""}
      </p>
      {tool.sources.length > 0 ? (
        <ul className="mt-3 space-y-2">
          {tool.sources.map((source) => (
            <li key={source.url + source.checked} className="rounded-md border border-line p-3 text-sm">
              <a href={source.url} rel="noopener noreferrer nofollow" className="font-medium break-all hover:underline">
                {shortUrl(source.url)} ↗
              </a>
              <p className="mt-0.5 text-xs text-ink-muted">
                Supports {listWords(source.supports.map((fact) => SOURCE_FACT_LABELS[fact].toLowerCase()))} · checked{" "}
                <time dateTime={source.checked}>{source.checked}</time>
              </p>
              {source.note ? <p className="mt-1">{source.note}</p> : null}
            </li>
          ))}
        </ul>
      ) : null}
      {missing.length > 0 ? (
        <p className="mt-3 text-sm text-ink-muted">No dated source recorded yet for {listWords(missing)}.</p>
      ) : null}
    </section>
  );
}
