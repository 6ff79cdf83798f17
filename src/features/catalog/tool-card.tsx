import Link from "next/link";
import { Badge } from "@/components/badge";
import { FreshnessBadge } from "@/components/freshness-badge";
import type { CatalogCapability, CatalogTool } from "@/domain/catalog/types";
import { PRICING_LABELS } from "@/domain/catalog/vocabulary";
import { CompareToggle } from "./compare-toggle";
import { StatusBadge } from "./status-badge";

export function ToolCard({
  tool,
  capabilities,
  isOutOfDate,
}: {
  tool: CatalogTool;
  capabilities: Map<string, CatalogCapability>;
  /** Past its review interval (src/domain/catalog/freshness.ts): the card says "may be out of date". */
  isOutOfDate: boolean;
}) {
  return (
    // Off-screen cards skip layout and paint until they scroll near (tool-card in globals.css).
    <li className="tool-card flex flex-col rounded-lg border border-line bg-surface-raised p-4">
      <div className="flex items-start justify-between gap-2">
        <h3 className="font-semibold">
          {/* No prefetch: two dozen cards would each fetch their page on load; a tool page renders fast anyway. */}
          <Link href={`/catalog/${tool.slug}`} prefetch={false} className="hover:underline">
            {tool.name}
          </Link>
        </h3>
        {tool.status !== "active" || isOutOfDate ? (
          <div className="flex flex-wrap justify-end gap-1">
            {tool.status !== "active" ? <StatusBadge status={tool.status} /> : null}
            {isOutOfDate ? <FreshnessBadge lastReviewed={tool.lastReviewed} /> : null}
          </div>
        ) : null}
      </div>
      <p className="mt-1 flex-1 text-sm text-ink-muted">{tool.summary}</p>
      <ul className="mt-3 flex flex-wrap gap-1.5" aria-label="Capabilities">
        {tool.capabilities.primary.map((slug) => (
          <li key={slug}>
            <Badge tone="accent">{capabilities.get(slug)?.name ?? slug}</Badge>
          </li>
        ))}
      </ul>
      <div className="mt-3 flex flex-wrap items-center justify-between gap-2 border-t border-line pt-3">
        <p className="text-xs text-ink-muted">
          {tool.isOpenSource ? "Open source" : tool.license === "proprietary" ? "Proprietary" : "Source-available"} ·{" "}
          {PRICING_LABELS[tool.pricing]}
          {tool.needsKubernetes ? " · Needs Kubernetes" : ""} · Stages {tool.stages.join(", ")}
        </p>
        <CompareToggle slug={tool.slug} name={tool.name} />
      </div>
    </li>
  );
}
