import type { ComponentProps, ReactNode } from "react";
import ReactMarkdown, { type Components } from "react-markdown";
import remarkGfm from "remark-gfm";

/** The only link targets a catalog text may point at. */
const SAFE_PROTOCOLS = new Set(["http:", "https:", "mailto:"]);

/**
 * A link target if it is safe to follow, else null: absolute http(s) and mailto URLs only. Everything else —
 * javascript:, data:, relative paths, protocol-relative `//host`, obfuscated schemes — is dropped, and the link text
 * stays as plain text.
 */
export function safeHref(url: string): string | null {
  const trimmed = url.trim();
  if (!/^(https?:\/\/|mailto:)/i.test(trimmed)) return null;
  try {
    const parsed = new URL(trimmed);
    return SAFE_PROTOCOLS.has(parsed.protocol) ? parsed.href : null;
  } catch {
    return null;
  }
}

/** A heading inside a text that sits under the page's own h2: its levels start at h3. */
function shifted(level: number) {
  const Tag = `h${Math.min(level + 2, 6)}` as "h3" | "h4" | "h5" | "h6";
  function Heading({ children }: { children?: ReactNode }) {
    return <Tag className="mt-4 font-semibold">{children}</Tag>;
  }
  return Heading;
}

const COMPONENTS: Components = {
  a({ href, children }: ComponentProps<"a">) {
    const target = typeof href === "string" ? safeHref(href) : null;
    if (!target) return <span>{children}</span>;
    const isMail = target.startsWith("mailto:");
    return (
      <a href={target} rel={isMail ? undefined : "noopener noreferrer nofollow"}>
        {children}
      </a>
    );
  },
  // No remote images: they would let a catalog text load anything from anywhere (tracking, mixed content).
  img({ alt }: ComponentProps<"img">) {
    return alt ? <span>{alt}</span> : null;
  },
  h1: shifted(1),
  h2: shifted(2),
  h3: shifted(3),
  h4: shifted(4),
  h5: shifted(5),
  h6: shifted(6),
  table({ children }: ComponentProps<"table">) {
    return (
      <div className="overflow-x-auto">
        <table>{children}</table>
      </div>
    );
  },
};

/**
 * Catalog Markdown (GitHub-flavoured) as a reader sees it, the same on public pages and in the admin preview.
 * react-markdown builds React elements from the syntax tree and never injects HTML: raw HTML in the text is dropped
 * (`skipHtml`, and no rehype-raw), links keep only http(s) and mailto targets, and images show their description
 * instead of loading.
 */
export function Markdown({ source, className }: { source: string; className?: string }) {
  return (
    <div
      className={`markdown space-y-3 leading-relaxed [&_a]:text-accent [&_a]:underline [&_blockquote]:border-l-2 [&_blockquote]:border-line [&_blockquote]:pl-3 [&_blockquote]:text-ink-muted [&_code]:rounded [&_code]:bg-surface-muted [&_code]:px-1 [&_code]:text-[0.9em] [&_li]:ml-5 [&_ol]:list-decimal [&_pre]:overflow-x-auto [&_pre]:rounded-md [&_pre]:bg-surface-muted [&_pre]:p-3 [&_td]:border [&_td]:border-line [&_td]:px-2 [&_td]:py-1 [&_th]:border [&_th]:border-line [&_th]:px-2 [&_th]:py-1 [&_th]:text-left [&_ul]:list-disc ${className ?? ""}`}
    >
      <ReactMarkdown
        remarkPlugins={[remarkGfm]}
        skipHtml
        urlTransform={(url) => safeHref(url) ?? ""}
        components={COMPONENTS}
      >
        {source}
      </ReactMarkdown>
    </div>
  );
}
