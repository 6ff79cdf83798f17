"use client";

import { Markdown } from "@/components/markdown";

/** The description as readers will see it on the tool's public page: the same component renders both. */
export function MarkdownPreview({ source }: { source: string }) {
  if (source.trim() === "") return <p className="text-sm text-ink-muted">Nothing to preview yet.</p>;
  return <Markdown source={source} className="text-sm" />;
}
