import { createServer, type Server } from "node:http";
import next from "next";
import { databaseBackend, env } from "@/env";
import { openCatalogRevisionReader } from "../db/catalog-revision-reader";
import { logger } from "../log/logger";
import { CLIENT_IP_HEADER } from "./client-ip";
import { internalOrigin } from "./internal-origin";
import { createPageCache } from "./page-cache";

/** How long a stopping server waits for in-flight requests before it exits anyway. */
const SHUTDOWN_GRACE_MS = 10_000;

/**
 * The production HTTP server: Node's HTTP server in front of Next's request handler (so that SIGTERM can drain
 * in-flight requests), with the page cache for public pages. Serves the build in `dir` on HOST:PORT; SIGTERM/SIGINT
 * stop accepting connections, let in-flight requests finish (up to SHUTDOWN_GRACE_MS), and exit 0.
 */
export async function startProductionServer({ dir }: { dir: string }): Promise<Server> {
  const app = next({ dev: false, dir, hostname: env.HOST, port: env.PORT });
  await app.prepare();
  const handle = app.getRequestHandler();
  const revisions = env.PAGE_CACHE_MB > 0 ? openCatalogRevisionReader(env.DATABASE_URL) : null;
  const pages = revisions
    ? createPageCache({
        revision: () => revisions.read(),
        origin: internalOrigin(),
        maxBytes: env.PAGE_CACHE_MB * 2 ** 20,
        onError: (err: unknown, url) => logger.warn({ err, url }, "page cache could not render; served directly"),
      })
    : null;
  const server = createServer((req, res) => {
    // The client address for rate limits: ours to set, never the client's.
    const forwarded = req.headers["x-forwarded-for"];
    const last = (Array.isArray(forwarded) ? forwarded.join(",") : (forwarded ?? "")).split(",").pop()?.trim();
    req.headers[CLIENT_IP_HEADER] = env.TRUST_PROXY && last ? last : (req.socket.remoteAddress ?? "unknown");
    if (pages) pages.handle(req, res, () => void handle(req, res));
    else void handle(req, res);
  });
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
