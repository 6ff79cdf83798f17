import { expect, test, type Page } from "@playwright/test";
import { answerStep } from "./support/questionnaire";
import { expectAccessible } from "./support/axe";

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
    // Forty-two questions answered one by one, then the report: longer than the default 30 s on a busy machine.
    test.setTimeout(120_000);
    await expect(page.getByRole("heading", { level: 2, name: "Team & process" })).toBeVisible();
    await expectAccessible(page);
    await answerEverything(page, 1);
    await expect(page.getByRole("heading", { level: 2, name: "Tools you already use" })).toBeVisible();
    // The tool finder is a combobox (issue 17): its matches are options, a chosen tool a ticked checkbox.
    await page.getByRole("combobox", { name: "Find a tool" }).fill("jenk");
    await page.getByRole("option", { name: /Jenkins/ }).click();
    await expect(
      page.getByRole("list", { name: "Tools you use" }).getByRole("checkbox", { name: /Jenkins/ }),
    ).toBeChecked();
    await page.getByRole("button", { name: "See my results" }).click();

    await expect(page).toHaveURL(/\/r\/[A-Za-z0-9_-]{24}$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(/^Stage [1-4]: /);
    await expect(page.getByRole("table", { name: /Score per dimension/ }).getByRole("row")).toHaveCount(8);
    await expect(page.getByRole("heading", { name: /^(Top|More) actions \(\d+\)$/ }).first()).toBeVisible();
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
    // The banner counted what was missing; with nothing missing it is gone.
    await expect(page.getByText(/needs? an answer before you go on/)).toHaveCount(0);
    await page.getByRole("button", { name: "Next" }).click();
    await expect(page.getByRole("heading", { level: 2, name: "Data management & versioning" })).toBeVisible();
  });

  test("finds a tool with the keyboard: arrows move through matches, Enter adds one and never submits", async ({
    page,
  }) => {
    const toolsStep = page.getByRole("navigation", { name: "Assessment sections" }).getByRole("button", {
      name: /^Tools you already use/,
    });
    // Nothing answered there yet: the step is not marked complete.
    await expect(toolsStep).toHaveAccessibleName("Tools you already use");
    await toolsStep.click();
    await expect(page.getByRole("heading", { level: 2, name: "Tools you already use" })).toBeVisible();
    const finder = page.getByRole("combobox", { name: "Find a tool" });
    await finder.fill("mlfl");
    await expect(finder).toHaveAttribute("aria-expanded", "true");
    // MLflow itself comes first, before the managed MLflow services.
    await expect(page.getByRole("option", { name: /^MLflow\b/ })).toHaveAttribute("aria-selected", "true");
    await finder.press("Enter");
    const chosen = page.getByRole("list", { name: "Tools you use" });
    await expect(chosen.getByRole("checkbox", { name: /MLflow/ })).toBeChecked();
    await expect(finder).toHaveValue("");
    await expect(finder).toBeFocused();
    // Not submitted: still on the questionnaire, on the same step, with no report.
    await expect(page).toHaveURL(/\/assess$/);
    await expect(page.getByRole("heading", { level: 2, name: "Tools you already use" })).toBeVisible();
    await expect(toolsStep).toHaveAccessibleName(/complete/);

    await finder.fill("flow");
    const options = page.getByRole("listbox", { name: "Matching tools" }).getByRole("option");
    expect(await options.count()).toBeGreaterThan(1);
    await expect(options.first()).toHaveAttribute("aria-selected", "true");
    await finder.press("ArrowDown");
    await expect(options.nth(1)).toHaveAttribute("aria-selected", "true");
    await expect(finder).toHaveAttribute("aria-activedescendant", (await options.nth(1).getAttribute("id"))!);
    await finder.press("ArrowUp");
    await expect(options.first()).toHaveAttribute("aria-selected", "true");
    await expectAccessible(page);
    await finder.press("Escape");
    await expect(finder).toHaveAttribute("aria-expanded", "false");
    await expect(page.getByRole("listbox", { name: "Matching tools" })).toBeHidden();
    await expect(finder).toHaveValue("flow");
    await finder.press("Escape");
    await expect(finder).toHaveValue("");
    // Enter with the list closed adds nothing and submits nothing either.
    await finder.press("Enter");
    await expect(page).toHaveURL(/\/assess$/);
    await expect(chosen.getByRole("checkbox")).toHaveCount(1);
  });

  test("edits the answers of a saved assessment into a new one, leaving the old permalink valid", async ({ page }) => {
    // Forty-two questions answered one by one, then the report: longer than the default 30 s on a busy machine.
    test.setTimeout(120_000);
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
