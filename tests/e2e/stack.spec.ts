import { expect, test, type APIRequestContext } from "@playwright/test";
import { expectAccessible } from "./support/axe";

type Question = { id: string; kind: string; constraint?: string; options: { value: string; level?: number }[] };

/** Creates an assessment through the public API, as a script would: middle answers, given constraints. */
async function createAssessment(request: APIRequestContext, constraints: Record<string, string>): Promise<string> {
  const questionnaire = (await (await request.get("/api/v1/questionnaire")).json()) as {
    data: { questions: Question[] };
  };
  const answers: Record<string, unknown> = {};
  for (const q of questionnaire.data.questions) {
    if (q.kind === "tools") continue;
    if (q.constraint) answers[q.id] = constraints[q.constraint] ?? q.options[0]!.value;
    else if (q.kind === "scale") answers[q.id] = 2;
    else if (q.kind === "multi") answers[q.id] = q.options.slice(0, 2).map((o) => o.value);
    else answers[q.id] = q.options[Math.min(2, q.options.length - 1)]!.value;
  }
  const response = await request.post("/api/v1/assessments", { data: { answers } });
  expect(response.status()).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

test.describe("a team reads its recommended stack", () => {
  test("sees picks by horizon with reasons, alternatives and why-not, and the constraints applied", async ({
    page,
    request,
  }) => {
    const id = await createAssessment(request, { kubernetes: "no", budget: "none", cloud: "undecided" });
    await page.goto(`/r/${id}`);
    await expect(page.getByRole("heading", { name: "Your recommended stack" })).toBeVisible();
    await expect(page.getByRole("heading", { level: 3, name: /^Adopt now/ })).toBeVisible();
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
    const id = await createAssessment(request, { kubernetes: "no", cloud: "undecided" });
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
