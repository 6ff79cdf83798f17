"use client";

import ReactMarkdown from "react-markdown";
import remarkGfm from "remark-gfm";

/**
 * Renders Markdown the way a reader would see it. react-markdown builds React elements from the syntax tree and
 * never injects HTML: raw HTML in the text is dropped (skipHtml, and no rehype-raw), and unsafe link protocols are removed by
 * its default URL transform.
 */
export function MarkdownPreview({ source }: { source: string }) {
  if (source.trim() === "") return <p className="text-sm text-ink-muted">Nothing to preview yet.</p>;
  return (
    <div className="space-y-3 text-sm leading-relaxed [&_a]:text-accent [&_a]:underline [&_code]:rounded [&_code]:bg-surface-muted [&_code]:px-1 [&_li]:ml-5 [&_ol]:list-decimal [&_ul]:list-disc">
      <ReactMarkdown remarkPlugins={[remarkGfm]} skipHtml>
        {source}
      </ReactMarkdown>
    </div>
  );
}
