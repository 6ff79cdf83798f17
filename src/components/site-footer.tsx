import Link from "next/link";

export function SiteFooter() {
  return (
    <footer className="no-print mt-16 border-t border-line bg-surface-muted">
      <div className="page-width flex flex-col gap-3 py-8 text-sm text-ink-muted sm:flex-row sm:items-center sm:justify-between">
        <p>MLOps Stack Advisor — assess, choose and document your ML tool stack.</p>
        <nav aria-label="Footer" className="flex gap-4">
          <Link href="/catalog" className="hover:text-ink hover:underline">
            Catalog
          </Link>
          <Link href="/assess" className="hover:text-ink hover:underline">
            Assessment
          </Link>
          <Link href="/docs/api" className="hover:text-ink hover:underline">
            API
          </Link>
          <a href="/api/health" className="hover:text-ink hover:underline">
            Status
          </a>
          <Link href="/admin" className="hover:text-ink hover:underline">
            Maintainers
          </Link>
        </nav>
      </div>
    </footer>
  );
}
