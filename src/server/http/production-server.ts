import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import next from "next";
import { databaseBackend, env } from "@/env";
import { subscribeToCatalogChanges } from "../cache/catalog-changed";
import { sharedCatalogRevisionReader } from "../db/catalog-revision-reader";
import { logger } from "../log/logger";
import { CLIENT_IP_HEADER, clientAddressOf } from "./client-ip";
import { internalOrigin } from "./internal-origin";
import { createPageCache, type PageCache } from "./page-cache";
import { sendClientError, sendServiceUnavailable } from "./plain-responses";
import { runWithRequestContext, type RequestContext } from "./request-context";
import { dropUntrustedForwarding, hasMalformedPath, isRefusedOrigin } from "./request-guards";
import { requestIdFor } from "./request-tokens";

/** How long a stopping server waits for in-flight requests before it exits anyway. */
const SHUTDOWN_GRACE_MS = 10_000;

/** Requests for the framework's files and our API never wait for the database check (the API answers 503 itself). */
const NOT_A_PAGE = /^\/(_next\/|api(\/|$|\?))|^\/[^?]*\.[a-z0-9]{2,5}(\?|$)/i;

/**
 * The production HTTP server: Node's HTTP server in front of Next's request handler. Every request passes, in order:
 *
 * 1. forwarding headers dropped unless TRUST_PROXY (request-guards.ts), and the client address set once for every
 *    limit (client-ip.ts);
 * 2. a path Next cannot decode (`%ff`) → 400; a cross-site post to a page or server action → 403;
 * 3. pages (not the API or files) while the database cannot be reached → 503 with Retry-After, instead of the
 *    app's error page with a 500;
 * 4. the page cache for public pages (page-cache.ts), else Next; a post to a page (a form or server action) that
 *    Next fails with a 500 before any action of ours ran (an undecodable body) is answered 400 (request-context.ts).
 *
 * SIGTERM/SIGINT stop accepting connections, let in-flight requests finish (up to SHUTDOWN_GRACE_MS), and exit 0.
 * docs/architecture.md draws the whole path.
 */
export async function startProductionServer({ dir }: { dir: string }): Promise<Server> {
  // tsx turns on source-map support to map its own files' stack traces. Left on, Node would also load the source
  // map of every framework module Next loads from here on — with its original sources — and keep it for good:
  // about 25 MB of the heap for stack traces nobody reads in production. Our own modules are loaded already.
  process.setSourceMapsEnabled(false);
  const app = next({ dev: false, dir, hostname: env.HOST, port: env.PORT });
  await app.prepare();
  const handle = app.getRequestHandler();
  const revisions = sharedCatalogRevisionReader(env.DATABASE_URL);
  const pages =
    env.PAGE_CACHE_MB > 0
      ? createPageCache({
          revision: () => revisions.read(),
          origin: internalOrigin(),
          maxBytes: env.PAGE_CACHE_MB * 2 ** 20,
          onError: (err: unknown, url) => logger.warn({ err, url }, "page cache could not render; served directly"),
        })
      : null;
  if (pages) subscribeToCatalogChanges(() => pages.clear());
  const server = createServer(
    createRequestListener({
      app: (req, res) => void handle(req, res),
      pages,
      revision: () => revisions.read(),
      trustProxy: env.TRUST_PROXY,
    }),
  );
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve) => server.listen(env.PORT, env.HOST, resolve));
  logger.info(
    { url: `http://${env.HOST === "0.0.0.0" ? "localhost" : env.HOST}:${env.PORT}`, backend: databaseBackend() },
    "MLOps Stack Advisor is ready",
  );

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "shutting down: draining in-flight requests");
    const force = setTimeout(() => {
      logger.warn("grace period over; closing remaining connections");
      server.closeAllConnections();
      process.exit(0);
    }, SHUTDOWN_GRACE_MS);
    force.unref();
    server.close(() => {
      logger.info("all connections closed; bye");
      process.exit(0);
    });
    server.closeIdleConnections();
  };
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGINT", () => stop("SIGINT"));
  return server;
}

export type RequestListenerOptions = {
  /** The app (Next's request handler). */
  app: (req: IncomingMessage, res: ServerResponse) => void;
  pages: PageCache | null;
  /** The catalog revision: one indexed read, which tells whether the database can serve a page right now. */
  revision: () => Promise<number>;
  trustProxy: boolean;
};

/** What every request meets before the app (the numbered steps of startProductionServer). */
export function createRequestListener({ app, pages, revision, trustProxy }: RequestListenerOptions) {
  const toApp = (req: IncomingMessage, res: ServerResponse, known?: number) => {
    if (req.method === "POST") {
      const context: RequestContext = { actionRan: false, malformed: false };
      refuseUndecodablePosts(req, res, context);
      runWithRequestContext(context, () => app(req, res));
    } else if (pages) pages.handle(req, res, () => app(req, res), known);
    else app(req, res);
  };
  return (req: IncomingMessage, res: ServerResponse) => {
    dropUntrustedForwarding(req.headers, trustProxy);
    req.headers[CLIENT_IP_HEADER] = clientAddressOf(req, trustProxy);
    const url = req.url ?? "/";
    if (hasMalformedPath(url)) {
      logger.warn({ url: url.slice(0, 200), method: req.method }, "refused: malformed percent-escape in the path");
      sendClientError(res, 400, "Bad request: the address contains a malformed percent-escape.");
      return;
    }
    if (isRefusedOrigin(req.method, url, req.headers)) {
      logger.warn({ url: url.slice(0, 200), origin: req.headers.origin?.slice(0, 200) }, "refused: cross-site write");
      sendClientError(res, 403, "Forbidden: cross-site requests cannot change anything here.");
      return;
    }
    if (NOT_A_PAGE.test(url)) {
      toApp(req, res);
      return;
    }
    revision().then(
      (known) => toApp(req, res, known),
      (error: unknown) => {
        const incoming = req.headers["x-request-id"];
        const requestId = requestIdFor(typeof incoming === "string" ? incoming : null);
        logger.warn({ err: error, url: url.slice(0, 200), requestId }, "page refused: database unavailable");
        sendServiceUnavailable(res, requestId);
      },
    );
  };
}

/**
 * Next answers a server-action request whose body it cannot decode with a 500, as if the server had failed. When the
 * failure came before any action of ours ran (or our action found the arguments malformed), it was the request's
 * fault: the status becomes 400, and the log says so.
 */
function refuseUndecodablePosts(req: IncomingMessage, res: ServerResponse, context: RequestContext) {
  if (/^\/api(\/|$|\?)/.test(req.url ?? "")) return;
  const writeHead = res.writeHead.bind(res) as (...args: unknown[]) => ServerResponse;
  res.writeHead = (status: number, ...rest: unknown[]) => {
    if (status === 500 && (!context.actionRan || context.malformed)) {
      logger.warn({ url: req.url?.slice(0, 200) }, "refused: malformed form or server-action request");
      return writeHead(400, ...rest);
    }
    return writeHead(status, ...rest);
  };
}
