import type { IncomingMessage, ServerResponse } from "node:http";
import { promisify } from "node:util";
import { gzip as gzipCallback } from "node:zlib";
import { MAINTAINER_COOKIE } from "../auth/cookie-prefix";
import { newNonce, requestIdFor } from "./request-tokens";

const gzip = promisify(gzipCallback);

/**
 * A server-side cache for the public pages whose HTML depends only on the URL and the catalog: home, catalog,
 * tool pages, compare, the questionnaire, the API docs and saved reports (an assessment never changes once saved).
 * Each page is rendered once per catalog revision (the newest audit-log id, which every catalog change writes in the
 * same transaction) and UTC day (pages say "released 3 months ago" and "may be out of date"), then served from memory.
 *
 * It is an ordinary shared HTTP cache in front of the app, and knows nothing of the framework's internals: it asks
 * the app for a page over HTTP, and honours the response's `Vary` header (RFC 9110) — a request that carries any
 * header a stored page varies on (Next's client-side navigations do) is not answered from memory. Only `200
 * text/html` answers without cookies are stored.
 *
 * Every response still gets its own CSP nonce and request id. The nonce rendered into the stored page is a random
 * 128-bit value that only the renderer wrote (read from the response's Content-Security-Policy), so replacing each
 * occurrence with a fresh one is exactly what a new render would have produced; nothing a visitor typed can contain
 * it. Pages for signed-in maintainers are never stored or served from memory. See docs/decisions/010-page-cache.md.
 */

/** Paths whose HTML is a function of the URL and the catalog revision alone. */
const CACHEABLE_PATHS = [
  /^\/$/,
  /^\/catalog$/,
  /^\/catalog\/[a-z0-9-]{1,80}$/,
  /^\/compare$/,
  /^\/assess$/,
  /^\/docs\/api$/,
  /^\/r\/[A-Za-z0-9_-]{24}$/,
];
/** Any maintainer cookie: pages are the same for everyone, but a signed-in request is never answered from memory. */
const SESSION_COOKIE = MAINTAINER_COOKIE;
/** Response headers that describe one transfer, not the page. */
const HOP_HEADERS = new Set([
  "connection",
  "content-encoding",
  "content-length",
  "date",
  "keep-alive",
  "transfer-encoding",
  "x-request-id",
]);
const MAX_URL_LENGTH = 2048;
/** Set on the render the cache asks for itself, so that it goes straight to the app. */
export const FILL_HEADER = "x-page-cache-fill";

type Entry = {
  /** The catalog revision and the UTC day the page was rendered for ("42 2026-12-03"). */
  revision: string;
  nonce: string;
  /** Request headers the page varies on (its Vary header, lowercased; content coding is ours to handle). */
  vary: string[];
  /** The page split at each occurrence of its nonce. */
  parts: string[];
  headers: [string, string][];
  bytes: number;
};

export type PageCacheOptions = {
  /** The catalog revision now: one indexed read per request. Rejects when the database is unreachable. */
  revision: () => Promise<number>;
  /** Renders a path through the app itself (scheme://host:port of this server). */
  origin: string;
  maxBytes: number;
  onError?: (error: unknown, url: string) => void;
  /** The current instant; a new UTC day starts a new generation of pages. Defaults to the system clock. */
  now?: () => Date;
};

export type PageCache = {
  /**
   * Serves the request from the cache, or hands it to `next` (the app). `revision` is the catalog revision when the
   * caller has just read it (the server's database check), saving a second read.
   */
  handle(req: IncomingMessage, res: ServerResponse, next: () => void, revision?: number): void;
  stats(): { entries: number; bytes: number; hits: number; misses: number };
  /** Drops every stored page (the catalog changed in this process: onCatalogChanged). */
  clear(): void;
};

/** The cache key of a request that may be answered from memory, or null. */
export function cacheKeyFor(req: IncomingMessage, varied: ReadonlySet<string> = new Set()): string | null {
  if (req.method !== "GET" || !req.url || req.url.length > MAX_URL_LENGTH) return null;
  if (req.headers[FILL_HEADER] !== undefined) return null;
  if (SESSION_COOKIE.test(req.headers.cookie ?? "")) return null;
  if (carriesAny(req, varied)) return null;
  const url = new URL(req.url, "http://cache.invalid");
  if (!CACHEABLE_PATHS.some((p) => p.test(url.pathname))) return null;
  return `${url.pathname}${url.search}`;
}

function carriesAny(req: IncomingMessage, names: Iterable<string>): boolean {
  for (const name of names) if (req.headers[name] !== undefined) return true;
  return false;
}

/** The request headers a response varies on, or null when it varies on everything ("*"). */
export function varyOf(header: string | null): string[] | null {
  const names = (header ?? "")
    .split(",")
    .map((n) => n.trim().toLowerCase())
    .filter((n) => n !== "" && n !== "accept-encoding");
  return names.includes("*") ? null : names;
}

const NONCE_IN_CSP = /'nonce-([0-9a-f]{32})'/;

export function createPageCache(options: PageCacheOptions): PageCache {
  const entries = new Map<string, Entry>();
  const filling = new Map<string, Promise<Entry | null>>();
  let bytes = 0;
  let hits = 0;
  let misses = 0;
  let currentRevision = "";
  const now = options.now ?? (() => new Date());
  // Every header a stored page has varied on: a request carrying one is not for a stored variant, so it skips the
  // cache before any work (Next's client-side navigations vary the response this way).
  const varied = new Set<string>();

  const remove = (key: string) => {
    const entry = entries.get(key);
    if (!entry) return;
    bytes -= entry.bytes;
    entries.delete(key);
  };

  const store = (key: string, entry: Entry) => {
    if (entry.revision !== currentRevision || entry.bytes > options.maxBytes / 4) return;
    remove(key);
    entries.set(key, entry);
    bytes += entry.bytes;
    // Least recently used first: Map keeps insertion order and a hit re-inserts its entry.
    for (const oldest of entries.keys()) {
      if (bytes <= options.maxBytes) break;
      remove(oldest);
    }
  };

  async function fill(key: string, revision: string): Promise<Entry | null> {
    const response = await fetch(`${options.origin}${key}`, {
      headers: { [FILL_HEADER]: "1", "accept-encoding": "identity" },
      redirect: "manual",
    });
    const body = await response.text();
    const type = response.headers.get("content-type") ?? "";
    const nonce = NONCE_IN_CSP.exec(response.headers.get("content-security-policy") ?? "")?.[1];
    const vary = varyOf(response.headers.get("vary"));
    if (
      response.status !== 200 ||
      !type.startsWith("text/html") ||
      response.headers.has("set-cookie") ||
      !nonce ||
      vary === null
    ) {
      return null;
    }
    for (const name of vary) varied.add(name);
    const headers: [string, string][] = [];
    response.headers.forEach((value, name) => {
      if (!HOP_HEADERS.has(name)) headers.push([name, value]);
    });
    const parts = body.split(nonce);
    return { revision, nonce, vary, parts, headers, bytes: body.length * 2 };
  }

  async function serve(req: IncomingMessage, res: ServerResponse, key: string, next: () => void, known?: number) {
    let revision: string;
    try {
      revision = `${known ?? (await options.revision())} ${now().toISOString().slice(0, 10)}`;
    } catch {
      next(); // The app reports the outage in its own way.
      return;
    }
    if (revision !== currentRevision) {
      currentRevision = revision;
      entries.clear();
      bytes = 0;
    }
    let entry = entries.get(key);
    const status = entry ? "HIT" : "MISS";
    if (entry) {
      hits++;
      entries.delete(key);
      entries.set(key, entry);
    } else {
      misses++;
      let pending = filling.get(`${revision} ${key}`);
      if (!pending) {
        pending = fill(key, revision).finally(() => filling.delete(`${revision} ${key}`));
        filling.set(`${revision} ${key}`, pending);
      }
      try {
        entry = (await pending) ?? undefined;
      } catch (error) {
        options.onError?.(error, key);
      }
      if (!entry) {
        next();
        return;
      }
      store(key, entry);
    }
    // The stored page is the variant without the headers it varies on; a request with one goes to the app.
    if (carriesAny(req, entry.vary)) {
      next();
      return;
    }
    await send(req, res, entry, status);
  }

  return {
    handle(req, res, next, revision) {
      const key = cacheKeyFor(req, varied);
      if (key === null) {
        next();
        return;
      }
      serve(req, res, key, next, revision).catch((error: unknown) => {
        options.onError?.(error, key);
        if (!res.headersSent) next();
        else res.destroy();
      });
    },
    stats: () => ({ entries: entries.size, bytes, hits, misses }),
    clear: () => {
      entries.clear();
      bytes = 0;
    },
  };
}

async function send(req: IncomingMessage, res: ServerResponse, entry: Entry, cacheStatus: "HIT" | "MISS") {
  const nonce = newNonce();
  let body: Buffer = Buffer.from(entry.parts.join(nonce));
  const headers: Record<string, string | string[]> = {};
  for (const [name, value] of entry.headers) {
    headers[name] = name === "content-security-policy" ? value.split(entry.nonce).join(nonce) : value;
  }
  const incoming = req.headers["x-request-id"];
  headers["x-request-id"] = requestIdFor(typeof incoming === "string" ? incoming : null);
  headers["x-cache"] = cacheStatus;
  if (/\bgzip\b/.test(String(req.headers["accept-encoding"] ?? ""))) {
    body = await gzip(body);
    headers["content-encoding"] = "gzip";
  }
  headers["content-length"] = String(body.length);
  res.writeHead(200, headers);
  res.end(body);
}
