import Link from "next/link";

export default function NotFound() {
  return (
    <div className="mx-auto max-w-2xl px-4 py-24 text-center sm:px-6">
      <p className="text-sm font-semibold tracking-wide text-accent uppercase">404</p>
      <h1 className="mt-2 text-3xl font-bold tracking-tight">This page does not exist</h1>
      <p className="mt-4 text-ink-muted">
        The link may be mistyped, or the tool or report it pointed to may have been removed.
      </p>
      <div className="mt-8 flex justify-center gap-3">
        <Link href="/" className="rounded-md bg-accent px-4 py-2 font-medium text-accent-ink hover:opacity-90">
          Go to the home page
        </Link>
        <Link href="/catalog" className="rounded-md border border-line px-4 py-2 font-medium hover:bg-surface-muted">
          Browse the catalog
        </Link>
      </div>
    </div>
  );
}
