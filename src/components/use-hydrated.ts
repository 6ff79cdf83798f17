import { useSyncExternalStore } from "react";

const subscribe = () => () => {};

/**
 * False in the server's HTML and during hydration, true once React runs the page in the browser. Only for controls
 * that cannot work without JavaScript at all (the what-if panel runs the recommender in the browser): they are
 * disabled until then rather than dropping a click. Anything with a native fallback (a link, a form that submits
 * to the server, a `<details>`) must use that instead and stay enabled.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
}
