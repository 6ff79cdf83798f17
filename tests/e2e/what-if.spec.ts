import { expect, test, type Locator, type Page } from "@playwright/test";
import { createAssessment } from "./support/assessments";
import { expectAccessible } from "./support/axe";

async function openPanel(page: Page, id: string) {
  await page.goto(`/r/${id}`);
  await page.getByRole("button", { name: /What if/ }).click();
  const panel = page.getByRole("region", { name: "What if…?" });
  const summary = panel.getByRole("complementary", { name: "What changes" });
  await expect(summary).toBeVisible();
  return { panel, summary };
}

/** Picks an option of a select other than the one it shows. */
async function changeSelect(select: Locator) {
  const current = await select.inputValue();
  const values = await select
    .locator("option")
    .evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
  await select.selectOption(values.find((v) => v !== current && v !== "")!);
}

test.describe("a team asks what if", () => {
  test("the result stays in sight while answers far down the panel change, on a wide screen and on a phone @mobile", async ({
    page,
    request,
    isMobile,
  }) => {
    test.slow();
    const id = await createAssessment(request, { kubernetes: "no", environments: "on-premises" });
    const { panel, summary } = await openPanel(page, id);
    // The result is the first thing the panel shows: nobody scrolls past the answers to find it.
    await expect(summary).toBeInViewport();

    const last = panel.locator("details").last();
    await last.locator("summary").click();
    const select = last.getByRole("combobox").last();
    await select.scrollIntoViewIfNeeded();
    await changeSelect(select);
    await expect(summary).toContainText("1 answer changed");
    if (isMobile) {
      // The summary has scrolled away above; the bar at the bottom keeps the result in sight.
      const show = page.getByRole("button", { name: "Show", exact: true });
      await expect(show).toBeInViewport();
      await expect(page.getByText(/Stage \d · \d+ new tools? now/).last()).toBeInViewport();
      await show.click();
      await expect(summary).toBeInViewport();
    } else {
      // Beside the answers and kept in view while scrolling.
      await expect(summary).toBeInViewport();
      const box = await summary.boundingBox();
      const field = await select.boundingBox();
      expect(box!.x).toBeGreaterThan(field!.x + field!.width);
    }
    await expectAccessible(page);
  });

  test("changes a multiple-choice answer and the tools in use, and saves them", async ({ page, request }) => {
    test.slow();
    const id = await createAssessment(request, { kubernetes: "no", environments: "on-premises" }, ["mlflow"]);
    const { panel, summary } = await openPanel(page, id);

    const monitoring = panel.locator("details").filter({ has: page.locator("summary", { hasText: /^Monitoring/ }) });
    await monitoring.locator("summary").click();
    const coverage = monitoring.getByRole("group", { name: /What do you monitor/ });
    const box = coverage.getByRole("checkbox", { name: /Model quality against actual outcomes/ });
    await box.setChecked(!(await box.isChecked()));
    await expect(coverage).toContainText("changed");
    await expect(summary).toContainText("1 answer changed");

    const tools = panel.getByRole("group", { name: /Tools you use/ });
    await expect(tools.getByRole("list", { name: "Tools you use" })).toContainText("MLflow");
    const add = tools.getByRole("combobox", { name: "Add a tool you use" });
    await add.fill("weights");
    await expect(page.getByRole("option", { name: /Weights & Biases/ })).toBeVisible();
    await add.press("Enter");
    await expect(tools.getByRole("list", { name: "Tools you use" })).toContainText("Weights & Biases");
    await tools.getByRole("button", { name: "Remove MLflow" }).click();
    await expect(tools.getByRole("list", { name: "Tools you use" })).not.toContainText("MLflow");
    await expect(summary).toContainText("2 answers changed");
    await expect(
      summary.getByRole("list", { name: "Changes to the stack" }).getByRole("listitem").first(),
    ).toBeVisible();
    await expectAccessible(page);

    await summary.getByRole("button", { name: "Save as a new assessment" }).click();
    await expect(page).toHaveURL(/\/r\/[A-Za-z0-9_-]{24}$/);
    await expect(page).not.toHaveURL(`/r/${id}`);
    const saved = page.url().split("/").at(-1)!;
    const answers = (
      (await (await request.get(`/api/v1/assessments/${saved}`)).json()) as {
        answers: Record<string, unknown>;
      }
    ).answers;
    expect(answers["tools-in-use"]).toEqual(["weights-and-biases"]);
  });
});
