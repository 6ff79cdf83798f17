import { expect, test } from "@playwright/test";
import { answerStep } from "./support/questionnaire";

/**
 * The questionnaire as a plain HTML form: a team whose browser runs no JavaScript (or has not loaded it yet) answers
 * every step, each one submitted to the server and shown again with the answers kept, and gets its report.
 */
test.use({ javaScriptEnabled: false });

test.describe("a team without JavaScript", () => {
  test("answers the questionnaire step by step, adds a tool it uses, and gets its report @mobile", async ({ page }) => {
    // Every step is a round trip to the server, then the report: longer than the default 30 s on a busy machine.
    test.setTimeout(120_000);
    await page.goto("/assess");
    await expect(page.getByRole("heading", { level: 2, name: "Team & process" })).toBeVisible();
    // Nothing waits for scripts: every control works as served.
    await expect(page.locator("fieldset:disabled, input:disabled")).toHaveCount(0);
    // (axe needs scripts in the page; the same markup is checked by the journeys with JavaScript.)

    // A step with an unanswered question comes back with the message at that question, and the answers kept.
    const first = page.locator("fieldset[id^='q-']").first();
    await first.getByRole("radio").nth(1).check();
    await page.getByRole("button", { name: "Next", exact: true }).click();
    await expect(page.getByRole("heading", { level: 2, name: "Team & process" })).toBeVisible();
    await expect(page.getByRole("alert").first()).toContainText(/questions? needs? an answer/);
    await expect(first.getByRole("radio").nth(1)).toBeChecked();
    await expect(page.locator("fieldset[aria-invalid='true']").first()).toBeVisible();
    await expect(first).not.toHaveAttribute("aria-invalid", "true");

    for (let guard = 0; guard < 15; guard++) {
      if ((await page.getByRole("heading", { level: 2, name: "Tools you already use" }).count()) > 0) break;
      await answerStep(page, 1);
      const before = await page.locator("#section-heading").innerText();
      await page.getByRole("button", { name: "Next", exact: true }).click();
      // Without scripts a follow-up question (LLM hosting, once "LLM applications" is answered) is shown by the
      // server on the same step; answering it moves on.
      if ((await page.locator("#section-heading").innerText()) === before) {
        await expect(page.locator("fieldset[aria-invalid='true']")).toHaveCount(1);
        await answerStep(page, 1);
        await page.getByRole("button", { name: "Next", exact: true }).click();
      }
      await expect(page.locator("#section-heading")).not.toHaveText(before);
    }
    await expect(page.getByRole("heading", { level: 2, name: "Tools you already use" })).toBeVisible();

    // Going back keeps the answers of both steps.
    await page.getByRole("button", { name: "Back", exact: true }).click();
    await expect(page.getByRole("heading", { level: 2, name: "Your context" })).toBeVisible();
    // (The first context question, where the stack runs, is a multiple choice: its first box was ticked.)
    await expect(page.locator("fieldset[id^='q-']").first().getByRole("checkbox").first()).toBeChecked();
    await expect(page.locator("fieldset[id^='q-']").nth(1).getByRole("radio").nth(1)).toBeChecked();
    await page.getByRole("button", { name: "Next", exact: true }).click();

    // The tool finder asks the server; pressing Enter in it finds, and never sends the assessment.
    const finder = page.getByRole("combobox", { name: "Find a tool" });
    await finder.fill("mlfl");
    await finder.press("Enter");
    await expect(page.getByRole("heading", { level: 2, name: "Tools you already use" })).toBeVisible();
    await page.getByRole("checkbox", { name: /^MLflow\b/ }).check();
    await finder.fill("jenk");
    await page.getByRole("button", { name: "Find", exact: true }).click();
    await page.getByRole("checkbox", { name: /Jenkins/ }).check();
    await expect(
      page.getByRole("list", { name: "Tools you use" }).getByRole("checkbox", { name: /^MLflow\b/ }),
    ).toBeChecked();

    await page.getByRole("button", { name: "See my results" }).click();
    await expect(page).toHaveURL(/\/r\/[A-Za-z0-9_-]{24}$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(/^Stage [1-4]: /);
    await expect(page.getByRole("heading", { name: /^(Top|More) actions \(\d+\)$/ }).first()).toBeVisible();
    // The tools it uses reached the assessment.
    const id = page.url().split("/r/")[1]!;
    const saved = (await (await page.request.get(`/api/v1/assessments/${id}`)).json()) as {
      answers: Record<string, unknown>;
    };
    expect(saved.answers["tools-in-use"]).toEqual(["mlflow", "jenkins"]);
  });
});
