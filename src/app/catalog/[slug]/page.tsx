import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { Badge } from "@/components/badge";
import { Markdown } from "@/components/markdown";
import { FreshnessBadge } from "@/components/freshness-badge";
import { RATING_LABELS, RISK_LABELS, STATUS_LABELS } from "@/domain/catalog/labels";
import { findAlternatives } from "@/domain/catalog/alternatives";
import { dayOf, reviewContextOf, reviewDue } from "@/domain/catalog/freshness";
import {
  isRetiredStatus,
  CLOUD_LABELS,
  HOSTING_LABELS,
  PRICING_LABELS,
  STAGE_NAMES,
  TEAM_SIZE_LABELS,
} from "@/domain/catalog/vocabulary";
import { StatusBadge } from "@/features/catalog/status-badge";
import { CheckedFact, ProjectActivityFact, SourcesSection } from "@/features/catalog/tool-freshness";
import { getCatalogSnapshot } from "@/server/catalog/catalog-snapshot";

type Params = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { slug } = await params;
  const tool = (await getCatalogSnapshot()).toolsBySlug.get(slug);
  return tool ? { title: tool.name, description: tool.summary } : { title: "Tool not found" };
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="grid grid-cols-[9rem_1fr] gap-3 border-b border-line py-2 text-sm last:border-b-0">
      <dt className="text-ink-muted">{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

export default async function ToolPage({ params }: Params) {
  const { slug } = await params;
  const snapshot = await getCatalogSnapshot();
  const tool = snapshot.toolsBySlug.get(slug);
  if (!tool) notFound();
  const { capabilitiesBySlug, phasesBySlug, toolsBySlug } = snapshot;
  const successor = tool.successor ? toolsBySlug.get(tool.successor) : undefined;
  const alternatives = findAlternatives(tool, snapshot.catalog.tools, 6);
  const integrations = tool.integrations
    .map((s) => toolsBySlug.get(s))
    .filter((t) => t !== undefined)
    .sort((a, b) => a.name.localeCompare(b.name));
  const compareWith = [tool.slug, ...alternatives.slice(0, 2).map((t) => t.slug)];
  const today = dayOf(new Date());
  const review = reviewDue(tool, today, reviewContextOf(snapshot.catalog.capabilities));

  return (
    <article className="page-width py-10">
      <nav aria-label="Breadcrumb" className="text-sm text-ink-muted">
        <Link href="/catalog" className="hover:underline">
          Catalog
        </Link>{" "}
        / <span aria-current="page">{tool.name}</span>
      </nav>

      {tool.status !== "active" ? (
        <div
          role="note"
          className={`mt-4 rounded-lg border p-4 ${isRetiredStatus(tool.status) ? "border-danger bg-danger-soft" : "border-warn bg-warn-soft"}`}
        >
          <p className="font-semibold">
            {STATUS_LABELS[tool.status]}
            {successor ? (
              <>
                {" "}
                — use{" "}
                <Link href={`/catalog/${successor.slug}`} className="underline">
                  {successor.name}
                </Link>{" "}
                instead
              </>
            ) : null}
          </p>
          {tool.statusNote ? <p className="mt-1 text-sm">{tool.statusNote}</p> : null}
        </div>
      ) : null}

      <header className="mt-6 flex flex-wrap items-start justify-between gap-4">
        <div>
          <h1 className="text-3xl font-bold tracking-tight">{tool.name}</h1>
          {review.isOutOfDate || tool.freshness?.archived ? (
            <p className="mt-2 flex flex-wrap gap-2">
              {review.isOutOfDate ? <FreshnessBadge lastReviewed={tool.lastReviewed} /> : null}
              {tool.freshness?.archived ? <Badge tone="danger">Repository archived</Badge> : null}
            </p>
          ) : null}
          <p className="mt-2 max-w-2xl text-lg text-ink-muted">{tool.summary}</p>
        </div>
        <div className="flex flex-wrap gap-2">
          <a
            href={tool.homepage}
            rel="noopener noreferrer nofollow"
            className="rounded-md border border-line px-3 py-1.5 text-sm font-medium hover:bg-surface-muted"
          >
            Homepage ↗
          </a>
          {tool.repository ? (
            <a
              href={tool.repository}
              rel="noopener noreferrer nofollow"
              className="rounded-md border border-line px-3 py-1.5 text-sm font-medium hover:bg-surface-muted"
            >
              Source ↗
            </a>
          ) : null}
          {alternatives.length > 0 ? (
            <Link
              href={`/compare?tools=${compareWith.join(",")}`}
              className="rounded-md bg-accent px-3 py-1.5 text-sm font-semibold text-accent-ink hover:opacity-90"
            >
              Compare with alternatives
            </Link>
          ) : null}
        </div>
      </header>

      <div className="mt-8 grid gap-10 lg:grid-cols-[1fr_20rem]">
        <div>
          <section aria-labelledby="about-heading">
            <h2 id="about-heading" className="text-xl font-semibold">
              About
            </h2>
            <Markdown source={tool.description} className="mt-3" />
          </section>

          <div className="mt-8 grid gap-6 sm:grid-cols-2">
            <section aria-labelledby="strengths-heading">
              <h2 id="strengths-heading" className="text-lg font-semibold">
                Strengths
              </h2>
              <ul className="mt-2 list-disc space-y-1 pl-5 text-sm">
                {tool.strengths.map((s) => (
                  <li key={s}>{s}</li>
                ))}
              </ul>
            </section>
            <section aria-labelledby="limitations-heading">
              <h2 id="limitations-heading" className="text-lg font-semibold">
                Limitations
              </h2>
              <ul className="mt-2 list-disc space-y-1 pl-5 text-sm">
                {tool.limitations.map((s) => (
                  <li key={s}>{s}</li>
                ))}
              </ul>
            </section>
          </div>

          {tool.risks.length > 0 ? (
            <section aria-labelledby="risks-heading" className="mt-8">
              <h2 id="risks-heading" className="text-lg font-semibold">
                Risk signals
              </h2>
              <ul className="mt-2 space-y-2">
                {tool.risks.map((risk) => (
                  <li key={risk.kind + risk.note} className="rounded-md border border-line p-3 text-sm">
                    <Badge tone="warn">{RISK_LABELS[risk.kind]}</Badge> <span className="ml-1">{risk.note}</span>
                  </li>
                ))}
              </ul>
            </section>
          ) : null}

          <section aria-labelledby="integrations-heading" className="mt-8">
            <h2 id="integrations-heading" className="text-lg font-semibold">
              Integrates with ({integrations.length})
            </h2>
            {integrations.length === 0 ? (
              <p className="mt-2 text-sm text-ink-muted">
                No native integrations with other catalog tools are recorded.
              </p>
            ) : (
              <ul className="mt-2 flex flex-wrap gap-2">
                {integrations.map((t) => (
                  <li key={t.slug}>
                    <Link
                      href={`/catalog/${t.slug}`}
                      className="inline-block rounded-md border border-line px-2.5 py-1 text-sm hover:bg-surface-muted"
                    >
                      {t.name}
                    </Link>
                  </li>
                ))}
              </ul>
            )}
          </section>

          <section aria-labelledby="alternatives-heading" className="mt-8">
            <h2 id="alternatives-heading" className="text-lg font-semibold">
              Alternatives
            </h2>
            {alternatives.length === 0 ? (
              <p className="mt-2 text-sm text-ink-muted">No other catalog tool shares its main capability.</p>
            ) : (
              <ul className="mt-2 grid gap-2 sm:grid-cols-2">
                {alternatives.map((t) => (
                  <li key={t.slug} className="rounded-md border border-line p-3">
                    <Link href={`/catalog/${t.slug}`} className="font-medium hover:underline">
                      {t.name}
                    </Link>{" "}
                    {t.status !== "active" ? <StatusBadge status={t.status} /> : null}
                    <p className="mt-1 text-sm text-ink-muted">{t.summary}</p>
                  </li>
                ))}
              </ul>
            )}
          </section>

          <SourcesSection tool={tool} review={review} />
        </div>

        <aside aria-labelledby="facts-heading">
          <h2 id="facts-heading" className="text-lg font-semibold">
            Facts
          </h2>
          <dl className="mt-2 rounded-lg border border-line px-4">
            <Fact label="Status">
              <StatusBadge status={tool.status} />
            </Fact>
            <Fact label="Licence">
              {tool.license === "proprietary" ? "Proprietary" : <code className="text-xs">{tool.license}</code>}{" "}
              <span className="text-ink-muted">({tool.isOpenSource ? "open source" : "not open source"})</span>
            </Fact>
            <Fact label="Pricing">{PRICING_LABELS[tool.pricing]}</Fact>
            <Fact label="Hosting">{tool.hosting.map((h) => HOSTING_LABELS[h]).join(", ")}</Fact>
            <Fact label="Clouds">{tool.clouds.map((c) => CLOUD_LABELS[c]).join(", ")}</Fact>
            <Fact label="Kubernetes">{tool.needsKubernetes ? "Required" : "Not required"}</Fact>
            <Fact label="Stages">
              <ul>
                {tool.stages.map((s) => (
                  <li key={s}>
                    {s} · {STAGE_NAMES[s]}
                  </li>
                ))}
              </ul>
            </Fact>
            <Fact label="Team size">{tool.teamSizes.map((t) => TEAM_SIZE_LABELS[t]).join(", ")}</Fact>
            <Fact label="Ops complexity">
              {tool.opsComplexity}/5 · {RATING_LABELS[tool.opsComplexity]}
            </Fact>
            <Fact label="Learning curve">
              {tool.learningCurve}/5 · {RATING_LABELS[tool.learningCurve]}
            </Fact>
            <Fact label="Capabilities">
              <ul className="space-y-1">
                {[
                  ...tool.capabilities.primary.map((c) => [c, true] as const),
                  ...tool.capabilities.secondary.map((c) => [c, false] as const),
                ].map(([c, primary]) => {
                  const capability = capabilitiesBySlug.get(c);
                  return (
                    <li key={c}>
                      <Link href={`/catalog?cap=${c}`} className="hover:underline">
                        {capability?.name ?? c}
                      </Link>{" "}
                      <span className="text-xs text-ink-muted">
                        {primary ? "primary" : "secondary"}
                        {capability ? ` · ${phasesBySlug.get(capability.phase)?.name ?? ""}` : ""}
                      </span>
                    </li>
                  );
                })}
              </ul>
            </Fact>
            {tool.freshness ? (
              <Fact label="Project">
                <ProjectActivityFact freshness={tool.freshness} today={today} />
              </Fact>
            ) : null}
            <Fact label="Checked">
              <CheckedFact tool={tool} review={review} />
            </Fact>
          </dl>
        </aside>
      </div>
    </article>
  );
}
