import { expect, test, type Page } from "@playwright/test";
import { getTool } from "./support/admin";
import { expectAccessible } from "./support/axe";

const results = (page: Page) => page.locator("section[aria-labelledby='results-heading']");

test.describe("a team browses the catalog", () => {
  test("searches by keyword and sees matching tools first", async ({ page }) => {
    await page.goto("/catalog");
    await expectAccessible(page);
    await page.getByRole("searchbox", { name: "Search" }).fill("feature store");
    await expect(page).toHaveURL(/[?&]q=feature\+store/);
    const cards = results(page)
      .getByRole("listitem")
      .filter({ has: page.getByRole("heading", { level: 3 }) });
    await expect(cards.first()).toBeVisible();
    const names = await results(page).getByRole("heading", { level: 3 }).allInnerTexts();
    expect(names.slice(0, 6)).toEqual(expect.arrayContaining(["Feast"]));
    await expect(page.getByRole("heading", { level: 2, name: /matching “feature store”/ })).toBeVisible();
  });

  test("searches the way practitioners write: an abbreviation finds the tools built for it", async ({ page }) => {
    await page.goto("/catalog");
    await page.getByRole("searchbox", { name: "Search" }).fill("vector db");
    await expect(page).toHaveURL(/[?&]q=vector\+db/);
    const names = results(page).getByRole("heading", { level: 3 });
    await expect(names.first()).toBeVisible();
    const first = (await names.allInnerTexts()).slice(0, 5);
    expect(first).toEqual(expect.arrayContaining(["Milvus", "Qdrant", "Pinecone"]));
    expect(first).not.toContain("Oracle Database");
  });

  test("Back undoes a filter, one step at a time", async ({ page }) => {
    await page.goto("/catalog");
    const heading = page.locator("#results-heading");
    await page.getByRole("searchbox", { name: "Search" }).fill("tracking");
    await expect(page).toHaveURL(/q=tracking$/);
    await page.getByRole("checkbox", { name: /Open source \(OSI\)/ }).check();
    await expect(page).toHaveURL(/q=tracking&license=open-source$/);
    await page.getByRole("checkbox", { name: /Runs without Kubernetes/ }).check();
    await expect(page).toHaveURL(/k8s=no-kubernetes/);
    const narrowest = await heading.innerText();

    await page.goBack();
    await expect(page).toHaveURL(/q=tracking&license=open-source$/);
    await expect(page.getByRole("checkbox", { name: /Runs without Kubernetes/ })).not.toBeChecked();
    await expect(page.getByRole("checkbox", { name: /Open source \(OSI\)/ })).toBeChecked();
    await expect(heading).not.toHaveText(narrowest);
    await page.goBack();
    await expect(page).toHaveURL(/q=tracking$/);
    await expect(page.getByRole("checkbox", { name: /Open source \(OSI\)/ })).not.toBeChecked();
    await expect(page.getByRole("searchbox", { name: "Search" })).toHaveValue("tracking");
    await page.goBack();
    await expect(page).toHaveURL(/\/catalog$/);
    await expect(page.getByRole("searchbox", { name: "Search" })).toHaveValue("");
    await page.goForward();
    await expect(page.getByRole("searchbox", { name: "Search" })).toHaveValue("tracking");
  });

  test("narrows with facets, sees counts, and a shared URL restores the same view", async ({ page, context }) => {
    await page.goto("/catalog");
    const heading = page.locator("#results-heading");
    const total = Number((await heading.innerText()).split(" ")[0]);

    await page.getByRole("checkbox", { name: /Open source \(OSI\)/ }).check();
    await expect(page).toHaveURL(/license=open-source/);
    await page.getByRole("checkbox", { name: /Runs without Kubernetes/ }).check();
    await expect(page).toHaveURL(/k8s=no-kubernetes/);
    await page.getByText("Capability", { exact: true }).click();
    await page.getByRole("checkbox", { name: /^Experiment tracking/ }).check();
    await expect(page).toHaveURL(/cap=experiment-tracking/);
    await page.getByRole("combobox", { name: "Sort" }).selectOption("name");
    await expect(page).toHaveURL(/sort=name/);

    const filtered = Number((await heading.innerText()).split(" ")[0]);
    expect(filtered).toBeGreaterThan(0);
    expect(filtered).toBeLessThan(total);
    const names = await page.locator("section[aria-labelledby='results-heading'] h3").allInnerTexts();
    expect(names).toContain("MLflow");
    expect(names).not.toContain("Weights & Biases"); // proprietary
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, "en", { sensitivity: "base" })));

    const shared = await context.newPage();
    await shared.goto(page.url());
    await expect(shared.getByRole("checkbox", { name: /Open source \(OSI\)/ })).toBeChecked();
    await expect(shared.getByRole("combobox", { name: "Sort" })).toHaveValue("name");
    expect(await shared.locator("section[aria-labelledby='results-heading'] h3").allInnerTexts()).toEqual(names);
  });

  test("opens a tool page with its facts, integrations and alternatives", async ({ page }) => {
    await page.goto("/catalog?q=mlflow");
    await page.getByRole("link", { name: "MLflow", exact: true }).click();
    await expect(page).toHaveURL("/catalog/mlflow");
    await expect(page.getByRole("heading", { level: 1, name: "MLflow" })).toBeVisible();
    await expect(page.getByRole("definition").filter({ hasText: "Apache-2.0" })).toBeVisible();
    await expect(page.getByRole("heading", { name: /Integrates with \(\d+\)/ })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Alternatives" })).toBeVisible();
    await expectAccessible(page);
  });

  test("a tool page renders its Markdown description, and nothing hostile in it @mobile", async ({ page }) => {
    const dialogs: string[] = [];
    page.on("dialog", (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    const tool = getTool("hostileMarkdown");
    await page.goto(`/catalog/${tool.slug}`);
    const about = page.getByRole("region", { name: "About" });
    await expect(about.locator("strong").first()).toHaveText("experiments");
    await expect(about.locator("code").first()).toHaveText("e2e.log()");
    await expect(about.getByRole("listitem").first()).toHaveText("one");
    await expect(about).not.toContainText("**");
    const found = await about.evaluate((root) => ({
      injected: root.querySelectorAll("script, img, iframe, svg, object, embed, style, form, input").length,
      handlers: [...root.querySelectorAll("*")].flatMap((el) =>
        [...el.attributes].filter((a) => a.name.startsWith("on") || a.name === "style").map((a) => a.name),
      ),
      links: [...root.querySelectorAll("a")].map((a) => ({ href: a.getAttribute("href") ?? "", rel: a.rel })),
      headings: document.querySelectorAll("h1").length,
    }));
    expect(found.injected).toBe(0);
    expect(found.handlers).toEqual([]);
    expect(found.links.length).toBeGreaterThan(0);
    for (const link of found.links) {
      expect(link.href).toMatch(/^(https?:\/\/|mailto:)/);
      if (!link.href.startsWith("mailto:")) expect(link.rel).toBe("noopener noreferrer nofollow");
    }
    expect(found.headings).toBe(1);
    expect(dialogs).toEqual([]);
    await expectAccessible(page);
  });

  test("clouds are named, never shown as upper-cased codes", async ({ page }) => {
    await page.goto("/compare?tools=cosmos-db,amazon-redshift,bigquery");
    const clouds = page.getByRole("row", { name: /^Clouds/ });
    await expect(clouds).toContainText("Microsoft Azure");
    await expect(clouds).toContainText("Google Cloud");
    await page.goto("/catalog/cosmos-db");
    await expect(page.getByRole("definition").filter({ hasText: "Microsoft Azure" })).toBeVisible();
    for (const code of ["AZURE", "GCP"]) await expect(page.locator("main")).not.toContainText(code);
  });

  test("a seeded description's code spans render as code, not backticks", async ({ page }) => {
    await page.goto("/catalog/mlflow");
    const about = page.getByRole("region", { name: "About" });
    await expect(about.locator("code", { hasText: "mlflow models serve" })).toBeVisible();
    await expect(about).not.toContainText("`");
  });

  test("a renamed tool's page points at its successor @mobile", async ({ page }) => {
    await page.goto("/catalog/kfserving");
    const banner = page.getByRole("note");
    await expect(banner).toContainText("Renamed");
    await banner.getByRole("link", { name: "KServe" }).click();
    await expect(page).toHaveURL("/catalog/kserve");
    await expectAccessible(page);
  });

  test("a tool past its review interval says so on its card and its page, with its dated sources @mobile", async ({
    page,
  }) => {
    const tool = getTool("stale");
    await page.goto(`/catalog?q=${encodeURIComponent(tool.name)}`);
    const card = results(page)
      .getByRole("listitem")
      .filter({ has: page.getByRole("heading", { name: tool.name }) });
    await expect(card.getByText("May be out of date")).toBeVisible();
    await card.getByRole("link", { name: tool.name }).click();
    await expect(page).toHaveURL(`/catalog/${tool.slug}`);

    const header = page.locator("header").filter({ has: page.getByRole("heading", { level: 1 }) });
    await expect(header.getByText("May be out of date")).toBeVisible();
    await expect(header.getByText("Repository archived")).toBeVisible();
    const facts = page.getByRole("complementary", { name: "Facts" });
    await expect(facts.getByRole("definition").filter({ hasText: /^2024-01-15 · 1 source/ })).toBeVisible();
    await expect(facts.getByText(/Latest release v1\.2\.0, \d+ months? ago/)).toBeVisible();

    const sources = page.getByRole("region", { name: "Sources" });
    await expect(sources).toContainText("Checked on 2024-01-15 · 1 source");
    const link = sources.getByRole("link", { name: /example\.com\/e2e\/license/ });
    await expect(link).toHaveAttribute("href", "https://example.com/e2e/license");
    await expect(link).toHaveAttribute("rel", "noopener noreferrer nofollow");
    await expect(sources).toContainText("Supports licence and status · checked 2024-01-15");
    await expect(sources).toContainText("No dated source recorded yet for pricing.");
    await expectAccessible(page);
  });

  test("a tool within its review interval shows no badge @mobile", async ({ page }) => {
    await page.goto("/catalog/mlflow");
    await expect(page.getByRole("heading", { level: 1, name: "MLflow" })).toBeVisible();
    await expect(page.getByText("May be out of date")).toHaveCount(0);
    await expect(page.getByRole("region", { name: "Sources" })).toContainText(/Checked on \d{4}-\d{2}-\d{2}/);
  });

  test("compares three tools picked in the catalog, with differences highlighted", async ({ page }) => {
    // By capability, not free text: "tracking" now matches more than a page of tools.
    await page.goto("/catalog?cap=experiment-tracking&sort=name");
    for (const name of ["MLflow", "ClearML", "Comet"]) {
      await page.getByRole("checkbox", { name: `Compare ${name}` }).check();
    }
    const tray = page.getByRole("region", { name: "Compare selection" });
    await expect(tray).toContainText("3 of 4 selected");
    await tray.getByRole("link", { name: "Compare 3 tools" }).click();
    await expect(page).toHaveURL(/\/compare\?tools=mlflow,clearml,comet-ml/);
    const table = page.getByRole("table");
    await expect(table.getByRole("columnheader")).toHaveText([/Fact/, /MLflow/, /ClearML/, /Comet/]);
    await expect(table.getByRole("row", { name: /Licence \(differs\)/ })).toBeVisible();
    await expect(table.locator("tr[data-differs]").first()).toBeVisible();
    await expectAccessible(page);

    await table.getByRole("link", { name: "Remove Comet from the comparison" }).click();
    await expect(page).toHaveURL("/compare?tools=mlflow,clearml");
  });

  test("adds a tool to the comparison by typing and the keyboard alone @mobile", async ({ page }) => {
    await page.goto("/compare?tools=mlflow");
    const box = page.getByRole("combobox", { name: "Add a tool" });
    await box.fill("drift");
    const list = page.getByRole("listbox");
    await expect(list).toBeVisible();
    await expect(box).toHaveAttribute("aria-expanded", "true");
    // No name says "drift": the tools whose capabilities do are listed.
    await expect(list.getByRole("option", { name: /Evidently/ })).toBeVisible();
    await box.fill("kser");
    await expect(list.getByRole("option").first()).toContainText("KServe");
    await expect(list.getByRole("option").first()).toHaveAttribute("aria-selected", "true");
    await box.press("ArrowDown");
    await box.press("ArrowUp");
    await box.press("Enter");
    await expect(page).toHaveURL("/compare?tools=mlflow,kserve");
    await expect(page.getByRole("table").getByRole("columnheader")).toHaveText([/Fact/, /MLflow/, /KServe/]);

    await box.fill("zzzz");
    await expect(page.getByText("Nothing matches “zzzz”.")).toBeVisible();
    await box.press("Enter");
    await expect(page).toHaveURL("/compare?tools=mlflow,kserve");
    await box.press("Escape");
    await box.press("Escape");
    await expect(box).toHaveValue("");
    await expectAccessible(page);
  });

  test("the list of tools to add is in alphabetical order whatever the case", async ({ page }) => {
    await page.goto("/compare?tools=mlflow");
    const box = page.getByRole("combobox", { name: "Add a tool" });
    await box.focus();
    await box.press("ArrowDown");
    const names = await page.getByRole("listbox").getByRole("option").locator("span:first-child").allInnerTexts();
    expect(names.length).toBeGreaterThan(3);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, "en", { sensitivity: "base" })));
  });

  test("without scripts, a typed name is still added", async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto("/compare?tools=mlflow");
    await page.getByRole("combobox", { name: "Add a tool" }).fill("weights & biases");
    await page.getByRole("button", { name: "Add" }).click();
    await expect(page).toHaveURL(/\/compare\?tools=mlflow&add=/);
    await expect(page.getByRole("table").getByRole("columnheader")).toHaveText([/Fact/, /MLflow/, /Weights & Biases/]);
    await context.close();
  });

  test("the tool API answers with JSON filtered like the page", async ({ request }) => {
    const response = await request.get("/api/v1/tools?cap=vector-database&license=open-source");
    expect(response.ok()).toBe(true);
    const body = (await response.json()) as { data: { slug: string }[] };
    expect(body.data.map((t) => t.slug)).toEqual(expect.arrayContaining(["qdrant", "milvus", "pgvector"]));
  });

  test("the tool API carries sources, freshness and whether the entry is out of date", async ({ request }) => {
    const tool = getTool("stale");
    const response = await request.get(`/api/v1/tools/${tool.slug}`);
    const { data } = (await response.json()) as {
      data: { sources: { url: string }[]; freshness: { archived: boolean }; review: { isOutOfDate: boolean } };
    };
    expect(data.sources.map((s) => s.url)).toEqual(["https://example.com/e2e/license"]);
    expect(data.freshness.archived).toBe(true);
    expect(data.review).toMatchObject({ isOutOfDate: true, undatedFacts: ["pricing"] });
  });
});
