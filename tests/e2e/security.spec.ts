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
});
