import { expect, test, type Page } from "@playwright/test";
import { expectAccessible } from "./support/axe";

/** Answers every question on the current step: the n-th choice of each (clamped), first practice for multi. */
async function answerStep(page: Page, choice = 1) {
  const fieldsets = page.locator("form fieldset[id^='q-']");
  const count = await fieldsets.count();
  for (let i = 0; i < count; i++) {
    const fieldset = fieldsets.nth(i);
    const radios = fieldset.getByRole("radio");
    const radioCount = await radios.count();
    if (radioCount > 0) {
      await radios.nth(Math.min(choice, radioCount - 1)).check();
      continue;
    }
    const boxes = fieldset.getByRole("checkbox");
    if ((await boxes.count()) > 0) await boxes.first().check();
  }
}

async function stepHeading(page: Page) {
  return page.locator("#section-heading").innerText();
}

async function answerEverything(page: Page, choice = 1) {
  for (let guard = 0; guard < 15; guard++) {
    await answerStep(page, choice);
    const next = page.getByRole("button", { name: "Next" });
    if ((await next.count()) === 0) break;
    const before = await stepHeading(page);
    await next.click();
    await expect(page.locator("#section-heading")).not.toHaveText(before);
  }
}

test.describe("a team assesses its MLOps maturity", () => {
  test.beforeEach(async ({ page }) => {
    await page.goto("/assess");
    await page.evaluate(() => localStorage.clear());
    await page.reload();
  });

  test("answers everything and sees its stage, dimensions and action items", async ({ page }) => {
    await expect(page.getByRole("heading", { level: 2, name: "Team & process" })).toBeVisible();
    await expectAccessible(page);
    await answerEverything(page, 1);
    await expect(page.getByRole("heading", { level: 2, name: "Tools you already use" })).toBeVisible();
    await page.getByLabel("Find a tool").fill("jenk");
    await page.getByRole("button", { name: "Add Jenkins" }).click();
    await expect(page.getByRole("button", { name: "Remove Jenkins" })).toBeVisible();
    await page.getByRole("button", { name: "See my results" }).click();

    await expect(page).toHaveURL(/\/r\/[A-Za-z0-9_-]{24}$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(/^Stage [1-4]: /);
    await expect(page.getByRole("table", { name: /Score per dimension/ }).getByRole("row")).toHaveCount(8);
    await expect(page.getByRole("heading", { name: /Action items \(\d+\)/ })).toBeVisible();
    await expectAccessible(page);
  });

  test("a reload resumes where the team left off @mobile", async ({ page }) => {
    await answerStep(page, 2);
    await page.getByRole("button", { name: "Next" }).click();
    await expect(page.getByRole("heading", { level: 2, name: "Data management & versioning" })).toBeVisible();
    await page.reload();
    await expect(page.getByText("We restored the answers you gave earlier")).toBeVisible();
    await expect(page.getByRole("heading", { level: 2, name: "Data management & versioning" })).toBeVisible();
    await page.getByRole("button", { name: "Back", exact: true }).click();
    const firstQuestion = page.locator("fieldset[id^='q-']").first();
    await expect(firstQuestion.getByRole("radio").nth(2)).toBeChecked();
  });

  test("a missing answer is shown at the question, and nothing is lost", async ({ page }) => {
    const fieldsets = page.locator("form fieldset[id^='q-']");
    await answerStep(page, 1);
    // Undo one answer by reloading into a state where the second question is unanswered.
    await page.evaluate(() => {
      const key = Object.keys(localStorage).find((k) => k.startsWith("assessment-draft:"))!;
      const draft = JSON.parse(localStorage.getItem(key)!) as { answers: Record<string, unknown> };
      delete draft.answers["code-versioning"];
      localStorage.setItem(key, JSON.stringify(draft));
    });
    await page.reload();
    await page.getByRole("button", { name: "Next" }).click();
    await expect(page.getByRole("alert").first()).toContainText("needs an answer");
    const missing = page.locator("#q-code-versioning");
    await expect(missing).toHaveAttribute("aria-invalid", "true");
    await expect(missing.getByRole("alert")).toContainText("Please answer this question");
    await expect(fieldsets.first().getByRole("radio").nth(1)).toBeChecked();
    await missing.getByRole("radio").first().check();
    await expect(missing).not.toHaveAttribute("aria-invalid", "true");
    await page.getByRole("button", { name: "Next" }).click();
    await expect(page.getByRole("heading", { level: 2, name: "Data management & versioning" })).toBeVisible();
  });

  test("edits the answers of a saved assessment into a new one, leaving the old permalink valid", async ({ page }) => {
    await answerEverything(page, 0);
    await page.getByRole("button", { name: "See my results" }).click();
    await expect(page).toHaveURL(/\/r\//);
    const firstUrl = page.url();
    const firstStage = await page.getByRole("heading", { level: 1 }).innerText();

    await page.getByRole("link", { name: "Edit answers" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Edit your answers" })).toBeVisible();
    await expect(page.locator("fieldset[id^='q-']").first().getByRole("radio").first()).toBeChecked();
    await answerEverything(page, 4);
    await page.getByRole("button", { name: "See my results" }).click();
    await expect(page).not.toHaveURL(firstUrl);
    await expect(page).toHaveURL(/\/r\//);
    expect(await page.getByRole("heading", { level: 1 }).innerText()).not.toBe(firstStage);

    await page.goto(firstUrl);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(firstStage);
  });
});

test("an unknown result id is a 404 page", async ({ page }) => {
  const response = await page.goto("/r/AAAAAAAAAAAAAAAAAAAAAAAA");
  expect(response?.status()).toBe(404);
});
