import type { IncomingHttpHeaders } from "node:http";
import { describe, expect, test } from "vitest";
import { dropUntrustedForwarding, hasMalformedPath, isRefusedOrigin } from "./request-guards";

describe("forwarding headers", () => {
  test("a client's X-Forwarded-* are dropped unless a trusted proxy sets them", () => {
    const sent = (): IncomingHttpHeaders => ({
      host: "advisor.example",
      "x-forwarded-host": "evil.example",
      "x-forwarded-for": "1.2.3.4",
      "x-forwarded-proto": "https",
      forwarded: "for=1.2.3.4",
    });
    const untrusted = sent();
    dropUntrustedForwarding(untrusted, false);
    expect(untrusted).toEqual({ host: "advisor.example" });
    const trusted = sent();
    dropUntrustedForwarding(trusted, true);
    expect(trusted).toEqual(sent());
  });
});

describe("malformed paths", () => {
  test.each([
    ["/catalog/%ff", true],
    ["/r/%E0%A4%A", true],
    ["/catalog/%", true],
    ["/catalog/ml%20flow", false],
    ["/catalog/mlflow?q=%ff", false],
    ["/", false],
  ])("%s → %s", (url, malformed) => {
    expect(hasMalformedPath(url)).toBe(malformed);
  });
});

describe("cross-site writes to pages", () => {
  const headers = (extra: IncomingHttpHeaders): IncomingHttpHeaders => ({ host: "advisor.example", ...extra });
  test("a post from another origin, or one the browser marks cross-site, is refused", () => {
    expect(isRefusedOrigin("POST", "/assess", headers({ origin: "https://evil.example" }))).toBe(true);
    expect(isRefusedOrigin("POST", "/assess", headers({ origin: "null" }))).toBe(true);
    expect(isRefusedOrigin("POST", "/assess", headers({ origin: "not a url" }))).toBe(true);
    expect(isRefusedOrigin("POST", "/admin/tools", headers({ "sec-fetch-site": "cross-site" }))).toBe(true);
  });

  test("same-origin posts, scripts without Origin, reads and the API (which checks for itself) pass", () => {
    expect(isRefusedOrigin("POST", "/assess", headers({ origin: "http://advisor.example" }))).toBe(false);
    expect(isRefusedOrigin("POST", "/assess", headers({ "sec-fetch-site": "same-origin" }))).toBe(false);
    expect(isRefusedOrigin("POST", "/assess", headers({}))).toBe(false);
    expect(isRefusedOrigin("GET", "/assess", headers({ origin: "https://evil.example" }))).toBe(false);
    expect(isRefusedOrigin("POST", "/api/v1/assessments", headers({ origin: "https://evil.example" }))).toBe(false);
  });

  test("behind a trusted proxy the forwarded host is the site's own", () => {
    const forwarded = headers({
      host: "10.0.0.5:3000",
      "x-forwarded-host": "advisor.example",
      origin: "https://advisor.example",
    });
    expect(isRefusedOrigin("POST", "/assess", forwarded)).toBe(false);
  });
});
