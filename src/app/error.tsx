"use client";

import Link from "next/link";

/** Shown when rendering a page fails. Users see a reference, never the error itself; details go to the server log. */
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="mx-auto max-w-2xl px-4 py-24 text-center sm:px-6">
      <p className="text-sm font-semibold tracking-wide text-danger uppercase">Something went wrong</p>
      <h1 className="mt-2 text-3xl font-bold tracking-tight">We could not show this page</h1>
      <p className="mt-4 text-ink-muted">
        The problem has been logged. Try again in a moment; if it keeps happening, quote this reference when you report
        it.
      </p>
      {error.digest ? (
        <p className="mt-3 font-mono text-sm text-ink-muted">
          Reference: <span className="text-ink">{error.digest}</span>
        </p>
      ) : null}
      <div className="mt-8 flex justify-center gap-3">
        <button
          type="button"
          onClick={reset}
          className="rounded-md bg-accent px-4 py-2 font-medium text-accent-ink hover:opacity-90"
        >
          Try again
        </button>
        <Link href="/" className="rounded-md border border-line px-4 py-2 font-medium hover:bg-surface-muted">
          Go to the home page
        </Link>
      </div>
    </div>
  );
}
