import { expect, test } from "@playwright/test";
import { expectAccessible } from "./support/axe";

test.describe("a visitor arrives on the home page", () => {
  test("learns what the product does and finds the assessment and the catalog @mobile", async ({ page }) => {
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1 })).toContainText("MLOps tools");
    // The questionnaire's real size, not a round number.
    const questionnaire = (await (await page.request.get("/api/v1/questionnaire")).json()) as {
      data: { questions: unknown[] };
    };
    await expect(page.getByText(`Answer ${questionnaire.data.questions.length} questions`)).toBeVisible();
    await expect(page.getByRole("link", { name: "Start the assessment" })).toHaveAttribute("href", "/assess");
    await expect(page.getByRole("link", { name: "Browse the catalog" })).toHaveAttribute("href", "/catalog");
    const toolCount = Number(await page.getByText("Tools reviewed").locator("xpath=following-sibling::dd").innerText());
    expect(toolCount).toBeGreaterThanOrEqual(150);
    await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
    await expect(page.getByRole("contentinfo")).toBeVisible();
    await expectAccessible(page);
  });

  test("switches to the dark theme and keeps it after a reload", async ({ page }) => {
    await page.emulateMedia({ colorScheme: "light" });
    await page.goto("/");
    const html = page.locator("html");
    await expect(html).toHaveAttribute("data-theme", "light");
    await page.getByRole("button", { name: "Switch to dark theme" }).click();
    await expect(html).toHaveAttribute("data-theme", "dark");
    await page.reload();
    await expect(html).toHaveAttribute("data-theme", "dark");
    await expectAccessible(page);
  });

  test("follows the system preference when no theme was chosen", async ({ page }) => {
    await page.emulateMedia({ colorScheme: "dark" });
    await page.goto("/");
    await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
  });

  test("an unknown address shows a helpful 404 page", async ({ page }) => {
    const response = await page.goto("/no-such-page");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "This page does not exist" })).toBeVisible();
    await page.getByRole("link", { name: "Go to the home page" }).click();
    await expect(page).toHaveURL("/");
    await expectAccessible(page);
  });
});

test("the health endpoint reports the database backend and migration level", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(response.headers()["cache-control"]).toContain("no-store");
  const body = (await response.json()) as { status: string; database: { backend: string; migrationLevel: string } };
  expect(body.status).toBe("ok");
  expect(body.database.backend).toBe("sqlite");
  expect(body.database.migrationLevel).toMatch(/^\d{14}_init$|^\d{14}_\w+$/);
});

test.describe("the site's frame", () => {
  test("has its own icon", async ({ page, request }) => {
    const icon = await request.get("/favicon.ico");
    expect(icon.status()).toBe(200);
    expect(icon.headers()["content-type"]).toMatch(/icon/);
    await page.goto("/");
    await expect(page.locator("link[rel='icon']").first()).toHaveAttribute("href", /icon|favicon/);
  });

  test("lines every page up with the header", async ({ page }) => {
    await page.setViewportSize({ width: 1366, height: 900 });
    for (const path of ["/", "/catalog", "/catalog/mlflow", "/compare?tools=mlflow,kserve", "/assess"]) {
      await page.goto(path);
      const header = await page.locator("header .page-width").first().boundingBox();
      const main = await page.locator("main .page-width").first().boundingBox();
      expect(main, path).not.toBeNull();
      expect(Math.round(main!.x), path).toBe(Math.round(header!.x));
      expect(Math.round(main!.width), path).toBe(Math.round(header!.width));
    }
  });
});
