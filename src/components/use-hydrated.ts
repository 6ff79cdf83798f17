import { useSyncExternalStore } from "react";

const subscribe = () => () => {};

/**
 * False in the server's HTML and during hydration, true once React runs the page in the browser. Controls that do
 * nothing without JavaScript are disabled until then, so a click that comes before the scripts (they load after
 * the first paint, see docs/decisions/011-paint-before-hydration.md) is not lost or, worse, a native form submit.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
}
