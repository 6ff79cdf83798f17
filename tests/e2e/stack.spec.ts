import { expect, test } from "@playwright/test";
import { createAssessment } from "./support/assessments";
import { expectAccessible } from "./support/axe";

test.describe("a team reads its recommended stack", () => {
  test("sees picks by horizon with reasons, alternatives and why-not, and the constraints applied", async ({
    page,
    request,
  }) => {
    const id = await createAssessment(request, { kubernetes: "no", budget: "none", environments: "on-premises" });
    await page.goto(`/r/${id}`);
    await expect(page.getByRole("heading", { level: 2, name: "Your change plan" })).toBeVisible();
    await expect(page.getByRole("heading", { level: 3, name: /^Now\b/ })).toBeVisible();
    const tracking = page.locator("[data-capability='experiment-tracking']");
    await expect(tracking.getByRole("link").first()).toBeVisible();
    await tracking.getByText(/^Why .*, and why not the others$/).click();
    await expect(tracking.getByRole("table", { name: /Score breakdown/ })).toBeVisible();
    await expect(tracking.getByText(/why not:/).first()).toBeVisible();
    await expect(page.getByText("No Kubernetes: tools that need it are left out.")).toBeVisible();
    await expect(page.locator("[data-capability='container-orchestration']")).toHaveCount(0);
    await expectAccessible(page);
  });

  test("changes an answer in the what-if panel, sees what changes, and saves it as a new assessment", async ({
    page,
    request,
  }) => {
    const id = await createAssessment(request, { kubernetes: "no", environments: "on-premises" });
    await page.goto(`/r/${id}`);
    await page.getByRole("button", { name: /What if/ }).click();
    const panel = page.getByRole("region", { name: "What if…?" });
    await expect(panel.getByText("No change yet.")).toBeVisible();
    await panel
      .getByLabel(/Kubernetes/i)
      .first()
      .selectOption("yes");
    const changes = panel.getByRole("list", { name: "Changes to the stack" });
    await expect(changes).toContainText("Container orchestration added");
    await expectAccessible(page);
    await panel.getByRole("button", { name: "Save as a new assessment" }).click();
    await expect(page).not.toHaveURL(`/r/${id}`);
    await expect(page).toHaveURL(/\/r\/[A-Za-z0-9_-]{24}$/);
    await expect(page.getByText("You run Kubernetes: tools that need it are allowed.")).toBeVisible();
  });
});
