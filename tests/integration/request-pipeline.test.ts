import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { CLIENT_IP_HEADER } from "../../src/server/http/client-ip";
import { createRequestListener } from "../../src/server/http/production-server";
import { freePort } from "../support/free-port";

/**
 * What every request meets in our HTTP server before the app, over real HTTP with a stand-in app that records what
 * reached it. The real app behind the same server is covered by tests/e2e/security.spec.ts.
 */
let server: Server;
let base: string;
let databaseDown = false;
let seen: { url: string; headers: IncomingHttpHeaders }[] = [];

beforeAll(async () => {
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  server = createServer(
    createRequestListener({
      app: (req, res) => {
        seen.push({ url: req.url ?? "", headers: { ...req.headers } });
        res.writeHead(200, { "content-type": "text/plain" });
        res.end("from the app");
      },
      pages: null,
      revision: () => (databaseDown ? Promise.reject(new Error("connection refused")) : Promise.resolve(7)),
      trustProxy: false,
    }),
  );
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => {
  databaseDown = false;
  seen = [];
});

describe("the request path in front of the app", () => {
  test("a malformed percent-escape in any path is a 400 that never reaches the app", async () => {
    for (const path of ["/catalog/%ff", "/r/%E0%A4%A", "/admin/tools/%zz/edit", "/api/v1/tools/%ff"]) {
      const response = await fetch(`${base}${path}`);
      expect(response.status, path).toBe(400);
      expect(response.headers.get("x-content-type-options")).toBe("nosniff");
      expect(await response.text()).toMatch(/malformed percent-escape/);
    }
    expect(seen).toEqual([]);
  });

  test("a cross-site post to a page (a form or a server action) is a 403; the API checks for itself", async () => {
    const post = (path: string, headers: Record<string, string>) =>
      fetch(`${base}${path}`, { method: "POST", headers, body: "x" });
    expect((await post("/assess", { origin: "https://evil.example" })).status).toBe(403);
    expect(
      (await post("/admin/tools", { origin: "https://evil.example", "x-forwarded-host": "evil.example" })).status,
    ).toBe(403);
    expect((await post("/assess", { origin: base })).status).toBe(200);
    expect((await post("/api/v1/assessments", { origin: "https://evil.example" })).status).toBe(200);
    expect(seen.map((s) => s.url)).toEqual(["/assess", "/api/v1/assessments"]);
  });

  test("a client's forwarding headers never reach the app without TRUST_PROXY, and the client address is ours", async () => {
    await fetch(`${base}/catalog`, {
      headers: {
        "x-forwarded-host": "evil.example",
        "x-forwarded-for": "198.51.100.1",
        [CLIENT_IP_HEADER]: "203.0.113.99",
      },
    });
    const headers = seen[0]!.headers;
    expect(headers["x-forwarded-host"]).toBeUndefined();
    expect(headers["x-forwarded-for"]).toBeUndefined();
    expect(headers[CLIENT_IP_HEADER]).toBe("127.0.0.1");
  });

  test("while the database cannot be reached, pages are a 503 with Retry-After; the API and files go on", async () => {
    databaseDown = true;
    for (const path of ["/catalog", "/r/abcdefghijklmnopqrstuvwx", "/admin", "/"]) {
      const response = await fetch(`${base}${path}`, { headers: { "x-request-id": "trace-12345678" } });
      expect(response.status, path).toBe(503);
      expect(response.headers.get("retry-after")).toBe("5");
      expect(response.headers.get("cache-control")).toBe("no-store");
      expect(await response.text()).toContain("Reference: trace-12345678");
    }
    expect(seen).toEqual([]);
    for (const path of ["/api/health", "/_next/static/chunks/app.js", "/schemas/report.schema.json"]) {
      expect((await fetch(`${base}${path}`)).status, path).toBe(200);
    }
    databaseDown = false;
    expect((await fetch(`${base}/catalog`)).status).toBe(200);
  });
});
