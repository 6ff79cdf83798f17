import { expect, test } from "@playwright/test";

test.describe("security headers", () => {
  for (const path of ["/", "/catalog", "/api/v1/tools?limit=1", "/api/health"]) {
    test(`${path} carries the security headers and no X-Powered-By`, async ({ request }) => {
      const response = await request.get(path);
      const headers = response.headers();
      expect(headers["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
      expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
      expect(headers["x-content-type-options"]).toBe("nosniff");
      expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
      expect(headers["strict-transport-security"]).toMatch(/max-age=\d+/);
      expect(headers["x-request-id"]).toMatch(/^[A-Za-z0-9._-]{8,}$/);
      expect(headers["x-powered-by"]).toBeUndefined();
    });
  }

  test("every inline script carries this response's nonce, and pages run without CSP violations", async ({ page }) => {
    const violations: string[] = [];
    page.on("console", (message) => {
      if (message.type() === "error" && /Content Security Policy/i.test(message.text()))
        violations.push(message.text());
    });
    const response = await page.goto("/catalog");
    const nonce = /'nonce-([^']+)'/.exec(response!.headers()["content-security-policy"] ?? "")?.[1];
    expect(nonce).toBeTruthy();
    const inline = await page
      .locator("script:not([src])")
      .evaluateAll((scripts) => scripts.map((s) => (s as HTMLScriptElement).nonce));
    expect(inline.length).toBeGreaterThan(0);
    for (const value of inline) expect(value).toBe(nonce);
    await page.getByRole("searchbox", { name: "Search" }).fill("mlflow");
    await expect(page).toHaveURL(/q=mlflow/);
    expect(violations).toEqual([]);
  });

  test("reads allow any origin; writes refuse a cross-site browser", async ({ request }) => {
    const read = await request.get("/api/v1/tools?limit=1", { headers: { Origin: "https://portal.example" } });
    expect(read.headers()["access-control-allow-origin"]).toBe("*");
    const preflight = await request.fetch("/api/v1/assessments", {
      method: "OPTIONS",
      headers: { Origin: "https://evil.example", "Access-Control-Request-Method": "POST" },
    });
    expect(preflight.headers()["access-control-allow-origin"]).toBeUndefined();
    const write = await request.post("/api/v1/assessments", {
      data: { answers: {} },
      headers: { Origin: "https://evil.example" },
    });
    expect(write.status()).toBe(403);
  });

  test("the framework's static files carry the security headers too", async ({ page, request }) => {
    const scripts: string[] = [];
    page.on("response", (r) => {
      if (r.url().includes("/_next/static/") && r.request().resourceType() === "script") scripts.push(r.url());
    });
    await page.goto("/");
    await page.waitForLoadState("networkidle");
    expect(scripts.length).toBeGreaterThan(0);
    const headers = (await request.get(scripts[0]!)).headers();
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["content-security-policy"]).toContain("default-src 'none'");
    expect(headers["x-frame-options"]).toBe("DENY");
    expect(headers["strict-transport-security"]).toMatch(/max-age=\d+/);
  });

  test("a malformed percent-escape in a dynamic path segment is a 400, not a server error", async ({ request }) => {
    for (const path of ["/catalog/%ff", "/r/%E0%A4%A", "/admin/tools/%zz/edit", "/api/v1/tools/%ff"]) {
      const response = await request.get(path);
      expect(response.status(), path).toBe(400);
    }
  });

  test("cross-site posts to pages and server actions are refused with 403, whatever X-Forwarded-Host says", async ({
    request,
  }) => {
    const attempts: Record<string, string>[] = [
      { Origin: "https://evil.example" },
      { Origin: "https://evil.example", "X-Forwarded-Host": "evil.example" },
    ];
    for (const headers of attempts) {
      const action = await request.post("/assess", {
        headers: { ...headers, "Next-Action": "0".repeat(42), "Content-Type": "text/plain;charset=UTF-8" },
        data: "[]",
      });
      expect(action.status()).toBe(403);
      // The API refuses it too: X-Forwarded-Host from a client is not believed without TRUST_PROXY.
      const api = await request.post("/api/v1/assessments", { headers, data: { answers: {} } });
      expect(api.status()).toBe(403);
    }
  });

  test("malformed server-action requests are answered with 4xx, never 500", async ({ page, request }) => {
    // A real action id: the questionnaire's last step posts to one (it is in the page's form).
    await page.goto("/assess?step=tools");
    const actionId = await page
      .locator("button[formaction], input[name^='$ACTION_ID_']")
      .first()
      .evaluate((el) => (el.getAttribute("name") ?? "").replace(/^\$ACTION_ID_/, ""));
    const bodies: [string, string][] = [
      ["text/plain;charset=UTF-8", "not json"],
      ["text/plain;charset=UTF-8", '["$K1"]'],
      ["text/plain;charset=UTF-8", '{"a":'],
      ["multipart/form-data; boundary=x", "--x\r\nbroken"],
      ["application/x-www-form-urlencoded", "%%%"],
      ["application/json", "[1,2"],
    ];
    for (const id of [actionId, "x".repeat(42), ""]) {
      for (const [type, body] of bodies) {
        const response = await request.post("/assess", {
          headers: { "Next-Action": id, "Content-Type": type, Origin: new URL(page.url()).origin },
          data: body,
        });
        expect(response.status(), `${id.slice(0, 8)} ${type} ${body}`).toBeLessThan(500);
      }
    }
  });
});
