import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { createPageCache, type PageCache } from "../../src/server/http/page-cache";
import { newNonce } from "../../src/server/http/request-tokens";
import { freePort } from "../support/free-port";

/**
 * The page cache in front of a stand-in app over real HTTP. The stand-in renders like ours does: a fresh nonce per
 * render in the CSP header and in several places of the page, and it echoes the search text into the page.
 */
let renders = 0;
let revision = 1;
let revisionFails = false;
let varyAll = false;
let server: Server;
let base: string;
let cache: PageCache;

function app(req: IncomingMessage, res: ServerResponse) {
  renders++;
  const url = new URL(req.url ?? "/", "http://x");
  const nonce = newNonce();
  const headers: Record<string, string> = {
    "content-type": "text/html; charset=utf-8",
    // As Next's pages do: the response differs for its client-side navigations.
    vary: varyAll ? "*" : "rsc, next-router-state-tree, Accept-Encoding",
    "content-security-policy": `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`,
    "x-request-id": "from-the-app",
    "x-frame-options": "DENY",
  };
  if (url.pathname === "/compare") headers["set-cookie"] = "x=1";
  const status = url.pathname === "/catalog/missing" ? 404 : 200;
  res.writeHead(status, headers);
  const text = url.searchParams.get("q") ?? "";
  // Reports carry a Next chunk script, as every real page does.
  const chunk = url.pathname.startsWith("/r/")
    ? `<script src="/_next/static/chunks/main.js" async="" nonce="${nonce}"></script>`
    : "";
  res.end(
    `<html><head>${chunk}<script nonce="${nonce}">a()</script></head><body><p>rev ${revision} · render ${renders} · “${text}”</p>` +
      `<script nonce="${nonce}">self.push(["{\\"nonce\\":\\"${nonce}\\"}"])</script></body></html>`,
  );
}

beforeAll(async () => {
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  server = createServer((req, res) => cache.handle(req, res, () => app(req, res)));
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => {
  renders = 0;
  revision = 1;
  revisionFails = false;
  varyAll = false;
  cache = createPageCache({
    revision: () => (revisionFails ? Promise.reject(new Error("database down")) : Promise.resolve(revision)),
    origin: base,
    maxBytes: 1_000_000,
  });
});

const get = (path: string, headers: Record<string, string> = {}) => fetch(`${base}${path}`, { headers });
const nonceOf = (response: Response) =>
  /'nonce-([0-9a-f]{32})'/.exec(response.headers.get("content-security-policy") ?? "")?.[1];

describe("page cache", () => {
  test("renders a public page once per catalog revision and gives every response its own nonce and request id", async () => {
    const first = await get("/catalog?phases=serve");
    const firstBody = await first.text();
    const second = await get("/catalog?phases=serve");
    const secondBody = await second.text();
    expect(renders).toBe(1);
    expect([first.headers.get("x-cache"), second.headers.get("x-cache")]).toEqual(["MISS", "HIT"]);
    const [n1, n2] = [nonceOf(first), nonceOf(second)];
    expect(n1).toMatch(/^[0-9a-f]{32}$/);
    expect(n2).toMatch(/^[0-9a-f]{32}$/);
    expect(n2).not.toBe(n1);
    // Every copy of the nonce moved: in attributes and inside the escaped flight data.
    expect(secondBody.split(n2!).length - 1).toBe(3);
    expect(secondBody).not.toContain(n1!);
    expect(secondBody.replaceAll(n2!, "N")).toBe(firstBody.replaceAll(n1!, "N"));
    expect(second.headers.get("x-frame-options")).toBe("DENY");
    expect(first.headers.get("x-request-id")).not.toBe(second.headers.get("x-request-id"));
    expect(second.headers.get("x-request-id")).not.toBe("from-the-app");
    const traced = await get("/catalog?phases=serve", { "x-request-id": "trace-12345678" });
    expect(traced.headers.get("x-request-id")).toBe("trace-12345678");
  });

  test("a catalog change (new revision) renders the page again", async () => {
    await (await get("/")).text();
    revision = 2;
    const body = await (await get("/")).text();
    expect(renders).toBe(2);
    expect(body).toContain("rev 2");
  });

  test("a new UTC day renders the page again: pages show ages and review badges relative to today", async () => {
    let now = new Date("2026-12-03T23:59:59Z");
    cache = createPageCache({
      revision: () => Promise.resolve(revision),
      origin: base,
      maxBytes: 1_000_000,
      now: () => now,
    });
    await (await get("/catalog/mlflow")).text();
    expect((await get("/catalog/mlflow")).headers.get("x-cache")).toBe("HIT");
    now = new Date("2026-12-04T00:00:01Z");
    expect((await get("/catalog/mlflow")).headers.get("x-cache")).toBe("MISS");
    expect(renders).toBe(2);
  });

  test("text a visitor typed is never taken for the nonce", async () => {
    const lookalike = newNonce();
    await (await get(`/catalog?q=${lookalike}`)).text();
    const hit = await get(`/catalog?q=${lookalike}`);
    expect(hit.headers.get("x-cache")).toBe("HIT");
    expect(await hit.text()).toContain(`“${lookalike}”`);
  });

  test.each<[string, string, RequestInit]>([
    ["a report page (not on the list)", "/r/abc", {}],
    ["a signed-in maintainer", "/catalog", { headers: { cookie: "theme=dark; advisor.session_token=abc" } }],
    ["a secure session cookie", "/catalog", { headers: { cookie: "__Secure-advisor.session_data=abc" } }],
    ["a host-only session cookie", "/catalog", { headers: { cookie: "__Host-advisor.session_token=abc" } }],
    ["a POST", "/catalog", { method: "POST", body: "x" }],
  ])("%s is always rendered by the app", async (_name, path, init) => {
    for (let i = 0; i < 2; i++) {
      const response = await fetch(`${base}${path}`, init);
      await response.text();
      expect(response.headers.get("x-cache")).toBeNull();
    }
    expect(renders).toBe(2);
  });

  test.each<[string, string, Record<string, string>]>([
    ["a client-side navigation", "/catalog", { rsc: "1" }],
    ["a client-side navigation with its query", "/catalog?_rsc=1x", { rsc: "1", "next-router-state-tree": "%5B%5D" }],
  ])("%s (a header the page varies on) is never answered from memory", async (_name, path, headers) => {
    // The cache learns what pages vary on from the pages themselves (their Vary header), not from a list of names.
    await (await get("/catalog")).text();
    const before = renders;
    for (let i = 0; i < 2; i++) {
      const response = await get(path, headers);
      await response.text();
      expect(response.headers.get("x-cache")).toBeNull();
    }
    expect(renders - before).toBe(2);
    // The stored page is still there for everyone else.
    expect((await get("/catalog")).headers.get("x-cache")).toBe("HIT");
  });

  test("a page that varies on everything is not stored", async () => {
    varyAll = true;
    for (let i = 0; i < 2; i++) await (await get("/docs/api")).text();
    expect(cache.stats().entries).toBe(0);
  });

  test("errors and responses that set cookies are not stored", async () => {
    for (const path of ["/catalog/missing", "/compare"]) {
      const statuses = [];
      for (let i = 0; i < 2; i++) {
        const response = await get(path);
        await response.text();
        statuses.push(response.status);
      }
      expect(statuses).toEqual(path === "/compare" ? [200, 200] : [404, 404]);
    }
    // Each request rendered twice: once for the cache (not kept), once for the visitor.
    expect(renders).toBe(8);
    expect(cache.stats().entries).toBe(0);
  });

  test("compresses for clients that accept gzip", async () => {
    const plain = await (await get("/assess")).text();
    const response = await fetch(`${base}/assess`, { headers: { "accept-encoding": "gzip" } });
    // fetch decompresses transparently; check the wire format with the raw bytes too.
    expect(response.headers.get("content-encoding")).toBe("gzip");
    const nonce = nonceOf(response)!;
    const text = await response.text();
    expect(text.replaceAll(nonce, "N")).toBe(plain.replaceAll(/[0-9a-f]{32}/g, "N"));
    const raw = await new Promise<Buffer>((resolve, reject) => {
      import("node:http").then(({ get: httpGet }) => {
        httpGet(`${base}/assess`, { headers: { "accept-encoding": "gzip" } }, (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (c: Buffer) => chunks.push(c));
          res.on("end", () => resolve(Buffer.concat(chunks)));
        }).on("error", reject);
      }, reject);
    });
    expect(gunzipSync(raw).toString()).toContain("<html>");
  });

  test("when the revision cannot be read, the app answers (and reports the outage itself)", async () => {
    revisionFails = true;
    const response = await get("/");
    expect(response.status).toBe(200);
    expect(response.headers.get("x-cache")).toBeNull();
    expect(renders).toBe(1);
  });

  test("concurrent first requests share one render", async () => {
    const responses = await Promise.all(Array.from({ length: 8 }, () => get("/docs/api")));
    await Promise.all(responses.map((r) => r.text()));
    expect(renders).toBe(1);
    expect(new Set(responses.map(nonceOf)).size).toBe(8);
  });

  test("keeps within its memory budget, dropping the least recently used pages", async () => {
    await (await get("/catalog/a")).text();
    const onePage = cache.stats().bytes;
    const budget = Math.floor(onePage * 4.5);
    cache = createPageCache({ revision: () => Promise.resolve(revision), origin: base, maxBytes: budget });
    for (const slug of ["a", "b", "c", "d", "e", "f"]) await (await get(`/catalog/${slug}`)).text();
    const { entries, bytes } = cache.stats();
    expect(bytes).toBeLessThanOrEqual(budget);
    expect(entries).toBe(4);
    const newest = await get("/catalog/f");
    await newest.text();
    expect(newest.headers.get("x-cache")).toBe("HIT");
    const oldest = await get("/catalog/a");
    await oldest.text();
    expect(oldest.headers.get("x-cache")).toBe("MISS");
  });

  test("caches saved reports, and leaves the framework's scripts as the app wrote them", async () => {
    const report = "/r/abcdefghijklmnopqrstuvwx";
    const first = await get(report);
    const firstBody = await first.text();
    const second = await get(report);
    const body = await second.text();
    expect([first.headers.get("x-cache"), second.headers.get("x-cache")]).toEqual(["MISS", "HIT"]);
    expect(renders).toBe(1);
    const nonce = nonceOf(second)!;
    expect(body).toContain(`<script src="/_next/static/chunks/main.js" async="" nonce="${nonce}"></script>`);
    expect(body.replaceAll(nonce, "N")).toBe(firstBody.replaceAll(nonceOf(first)!, "N"));
    // Anything but a report id is not a report page.
    const other = await get("/r/short");
    await other.text();
    expect(other.headers.get("x-cache")).toBeNull();
  });
});
