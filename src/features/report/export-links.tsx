"use client";

import { useRef, useState } from "react";

type Export = { label: string; href: string; isPdf?: boolean };

/**
 * The report's downloads. Plain links (they work without scripts); once scripts run, a PDF is fetched in the page
 * so that it can show progress while the server prepares it (a few seconds), then saved under the server's name.
 */
export function ExportLinks({ exports, radar }: { exports: Export[]; radar: Export[] }) {
  const [busy, setBusy] = useState<{ label: string; seconds: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const timer = useRef<ReturnType<typeof setInterval> | null>(null);

  async function downloadPdf(event: React.MouseEvent<HTMLAnchorElement>, item: Export) {
    if (busy || event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    setError(null);
    const started = Date.now();
    setBusy({ label: item.label, seconds: 0 });
    timer.current = setInterval(
      () => setBusy({ label: item.label, seconds: Math.floor((Date.now() - started) / 1000) }),
      500,
    );
    try {
      const response = await fetch(item.href);
      if (!response.ok) {
        const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
        throw new Error(body?.error?.message ?? `The PDF could not be made (${response.status}).`);
      }
      const name = /filename="([^"]+)"/.exec(response.headers.get("content-disposition") ?? "")?.[1] ?? "report.pdf";
      const url = URL.createObjectURL(await response.blob());
      const link = document.createElement("a");
      link.href = url;
      link.download = name;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : "The PDF could not be made.");
    } finally {
      if (timer.current) clearInterval(timer.current);
      setBusy(null);
    }
  }

  const linkClass = "rounded-md border border-line px-3 py-2 text-sm font-medium hover:bg-surface-muted";
  return (
    <div className="flex flex-col items-start gap-2">
      <nav aria-label="Export" className="flex flex-wrap gap-2">
        {exports.map((item) => (
          <a
            key={item.href}
            href={item.href}
            download
            aria-disabled={busy !== null && item.isPdf ? true : undefined}
            onClick={item.isPdf ? (event) => void downloadPdf(event, item) : undefined}
            className={linkClass}
          >
            {item.label}
          </a>
        ))}
        <details className="relative">
          <summary className={`${linkClass} cursor-pointer list-none`}>Tech radar</summary>
          <ul className="absolute right-0 z-10 mt-1 w-64 space-y-1 rounded-md border border-line bg-surface-raised p-2 shadow-lg">
            {radar.map((item) => (
              <li key={item.href}>
                <a href={item.href} download className="block rounded px-2 py-1 text-sm hover:bg-surface-muted">
                  {item.label}
                </a>
              </li>
            ))}
          </ul>
        </details>
      </nav>
      <p aria-live="polite" className="text-sm text-ink-muted" data-export-status>
        {busy ? (
          <span className="inline-flex items-center gap-2">
            <span
              aria-hidden
              className="inline-block size-3 animate-spin rounded-full border-2 border-accent border-t-transparent"
            />
            Preparing the {busy.label}… {busy.seconds > 0 ? `${busy.seconds} s` : ""}
          </span>
        ) : null}
        {error ? <span className="text-danger">{error}</span> : null}
      </p>
    </div>
  );
}
