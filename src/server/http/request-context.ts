import { AsyncLocalStorage } from "node:async_hooks";

/**
 * A little per-request state shared by our HTTP server and the app's server actions. The server's module and the
 * app's (bundled by Next) are separate copies, so the storage itself lives on globalThis.
 *
 * It lets the server tell a malformed server-action request from a failing action: Next answers both with a 500,
 * but one whose body could not even be decoded (or that names no action of ours) never reaches our code. Every
 * server action of ours says so first (`noteServerActionRan`); a 500 to a page post that did not get that far is the
 * client's fault and is answered with 400 (production-server.ts).
 */
export type RequestContext = {
  /** One of our server actions started running. */
  actionRan: boolean;
  /** Our action found its arguments malformed (not the form it expects). */
  malformed: boolean;
};

const KEY = Symbol.for("mlops-stack-advisor.request-context");

function storage(): AsyncLocalStorage<RequestContext> {
  const holder = globalThis as unknown as Record<symbol, AsyncLocalStorage<RequestContext> | undefined>;
  return (holder[KEY] ??= new AsyncLocalStorage<RequestContext>());
}

/** Runs the handling of one request with its own context (the server calls this). */
export function runWithRequestContext<T>(context: RequestContext, run: () => T): T {
  return storage().run(context, run);
}

/** First call of every server action of ours. */
export function noteServerActionRan(): void {
  const context = storage().getStore();
  if (context) context.actionRan = true;
}

/** A server action's arguments are not what any page of ours sends: the request is refused with 400. */
export class MalformedActionError extends Error {
  override name = "MalformedActionError";
  constructor() {
    super("malformed server action arguments");
    const context = storage().getStore();
    if (context) context.malformed = true;
  }
}
