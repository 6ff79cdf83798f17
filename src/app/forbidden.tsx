import Link from "next/link";

export default function Forbidden() {
  return (
    <div className="mx-auto max-w-2xl px-4 py-24 text-center sm:px-6">
      <p className="text-sm font-semibold tracking-wide text-accent uppercase">403</p>
      <h1 className="mt-2 text-3xl font-bold tracking-tight">You do not have access to this page</h1>
      <p className="mt-4 text-ink-muted">Managing maintainers needs the admin role. Ask an admin if you need it.</p>
      <div className="mt-8 flex justify-center gap-3">
        <Link href="/admin" className="rounded-md bg-accent px-4 py-2 font-medium text-accent-ink hover:opacity-90">
          Back to the admin dashboard
        </Link>
      </div>
    </div>
  );
}
