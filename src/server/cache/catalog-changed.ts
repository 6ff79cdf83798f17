/**
 * The one call a catalog write makes after it has committed (admin edits, restores, imports, the seed):
 * `onCatalogChanged()`. Whoever keeps something derived from the catalog in memory subscribes here and drops it.
 *
 * Correctness does not depend on it: every cache of the catalog is keyed by the catalog revision (the newest
 * audit-log id, written in the same transaction as the change), which every instance reads on each request, so a
 * change made anywhere — another instance, `npm run db:seed` in another process — is seen at the next request. The
 * call lets this process let go of the old pages and snapshot at once instead of at that next request. It is also
 * where Next's own cache tags would be revalidated, if pages ever move to them (decision 018).
 *
 * The server (production-server.ts) and the app (bundled by Next) are separate module copies in one process, so the
 * listeners live on globalThis.
 */
type Listener = () => void;

const KEY = Symbol.for("mlops-stack-advisor.catalog-changed");

function listeners(): Set<Listener> {
  const holder = globalThis as unknown as Record<symbol, Set<Listener> | undefined>;
  return (holder[KEY] ??= new Set());
}

/** Subscribes to catalog changes in this process; returns the unsubscribe function. */
export function subscribeToCatalogChanges(listener: Listener): () => void {
  listeners().add(listener);
  return () => listeners().delete(listener);
}

/** Tells this process that the catalog changed. Call once per committed write; never throws. */
export function onCatalogChanged(): void {
  for (const listener of listeners()) {
    try {
      listener();
    } catch {
      // A listener that fails only keeps its cache until the next request notices the new revision.
    }
  }
}
