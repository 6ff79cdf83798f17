import { expect, test } from "@playwright/test";
import { getMaintainer, getTool, signIn } from "./support/admin";
import { expectAccessible } from "./support/axe";

test.describe("maintainers keep the catalog true", () => {
  test("a maintainer signs in, creates a tool, edits it, sees it in the catalog and the audit log, and restores the old version", async ({
    page,
    request,
  }) => {
    test.setTimeout(90_000);
    const admin = getMaintainer("journey");
    await signIn(page, admin);
    await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
    await expectAccessible(page);

    const slug = `journey-${Date.now().toString(36)}`;
    await page.getByRole("link", { name: "Add a tool" }).first().click();
    await expect(page.getByRole("heading", { name: "Add a tool" })).toBeVisible();
    await expectAccessible(page);
    const form = page.getByRole("form", { name: "New tool" });
    // An empty save names every field that needs attention, and saves nothing.
    await form.getByRole("button", { name: "Create tool" }).click();
    // The outcome shows next to the button, and the focus moves to the first field that needs attention.
    await expect(page.getByText("Some fields need attention; nothing was saved.")).toBeInViewport();
    await expect(form.getByLabel("Name", { exact: true })).toBeFocused();
    await expect(form.locator("#name-error")).toContainText("must not be empty");
    await expect(form.locator("#capabilities-error")).toContainText("at least one primary capability");

    await form.getByLabel("Name", { exact: true }).fill("Journey Tracker");
    await expect(form.getByLabel("Slug")).toHaveValue("journey-tracker");
    await form.getByLabel("Slug").fill(slug);
    await form.getByLabel("Summary").fill("Tracks journeys for end-to-end tests.");
    await form.getByLabel("Description (Markdown)").fill("Tracks **journeys**.\n\n<script>alert(1)</script>");
    await form.getByRole("tab", { name: "Preview" }).click();
    await expect(form.getByRole("tabpanel", { name: "Description preview" }).locator("strong")).toHaveText("journeys");
    await expect(form.getByRole("tabpanel", { name: "Description preview" }).locator("script")).toHaveCount(0);
    await form.getByRole("tab", { name: "Write" }).click();
    await form.getByLabel("Homepage").fill("https://journey.example.com");
    await form.getByLabel("Experiment tracking").selectOption("primary");
    await form.getByLabel("Add an integration").fill("mlfl");
    await form.getByRole("button", { name: "Add integration with MLflow" }).click();
    await expect(form.getByRole("list", { name: "Selected integrations" })).toContainText("MLflow");
    await form.getByLabel("Strengths (one per line)").fill("Fast\nFriendly");
    await form.getByLabel("Limitations (one per line)").fill("Fictional");
    await form.getByRole("button", { name: "Create tool" }).click();

    await expect(page).toHaveURL(new RegExp(`/admin/tools/${slug}\\?created=1$`));
    await expect(page.getByText("Journey Tracker was created.")).toBeVisible();
    await expectAccessible(page);
    // Visitors (no session) get the tool page from the page cache until the catalog changes.
    const visitorSees = async (text: string) => {
      const response = await request.get(`/catalog/${slug}`);
      expect(await response.text()).toContain(text);
      return response.headers()["x-cache"];
    };
    expect(await visitorSees("Tracks journeys for end-to-end tests.")).toBe("MISS");
    expect(await visitorSees("Tracks journeys for end-to-end tests.")).toBe("HIT");
    const edit = page.getByRole("form", { name: "Edit Journey Tracker" });
    await edit.getByLabel("Summary").fill("Tracks journeys, now with maps.");
    await edit.getByRole("button", { name: "Save changes" }).click();
    await expect(page.getByText(/Saved\. Journey Tracker is now at version 2\./)).toBeInViewport();
    expect(await visitorSees("Tracks journeys, now with maps.")).toBe("MISS");

    await page.goto(`/catalog/${slug}`);
    await expectAccessible(page);
    await expect(page.getByRole("heading", { level: 1, name: "Journey Tracker" })).toBeVisible();
    await expect(page.getByText("Tracks journeys, now with maps.")).toBeVisible();

    await page.goto(`/admin/audit?q=${slug}`);
    await expectAccessible(page);
    const records = page.getByRole("list", { name: "Audit records" });
    await expect(records.getByRole("listitem")).toHaveCount(2);
    const update = records.getByRole("listitem").filter({ hasText: "Updated tool Journey Tracker (summary)" });
    await expect(update).toContainText(`by ${admin.email}`);
    await update.getByText("Show what changed").click();
    await expect(update.getByRole("row", { name: /summary/ })).toContainText("Tracks journeys for end-to-end tests.");
    await expect(update.getByRole("row", { name: /summary/ })).toContainText("Tracks journeys, now with maps.");

    await page.goto(`/admin/tools/${slug}/history`);
    await expectAccessible(page);
    const created = page
      .getByRole("list", { name: "Audit records" })
      .getByRole("listitem")
      .filter({ hasText: "Created tool Journey Tracker" });
    await created.getByRole("button", { name: "Restore this version" }).click();
    await expect(page.getByText("Restored as a new version.")).toBeVisible();
    await expect(page.getByRole("list", { name: "Audit records" }).getByRole("listitem").first()).toContainText(
      "Restored tool Journey Tracker",
    );

    await page.goto(`/catalog/${slug}`);
    await expect(page.getByText("Tracks journeys for end-to-end tests.")).toBeVisible();
    expect(await visitorSees("Tracks journeys for end-to-end tests.")).toBe("MISS");
  });

  test("a maintainer retires a tool, is told so where they are, and the form moves on to the new version", async ({
    page,
  }) => {
    test.slow();
    const tool = getTool("retire");
    await signIn(page, getMaintainer("retires"), `/admin/tools/${tool.slug}`);
    const form = page.getByRole("form", { name: `Edit ${tool.name}` });
    await expect(form.getByText("Editing version 1")).toBeVisible();
    // An unsaved edit made before retiring survives the reload.
    await form.getByLabel("Limitations (one per line)").fill("Imaginary\nStill a test");

    const lifecycle = page.getByRole("region", { name: "Retire or delete" });
    await lifecycle.getByLabel("New status").selectOption("maintenance");
    await lifecycle.getByLabel("What happened, and when").fill("Only fixes since 2026-11, said its makers.");
    await lifecycle.getByRole("button", { name: `Retire ${tool.name}` }).click();
    const done = lifecycle.getByRole("status").filter({ hasText: `${tool.name} is now marked “Maintenance only”` });
    await expect(done).toBeInViewport();

    await expect(form.getByText("Editing version 2")).toBeVisible();
    await expect(form.getByLabel("Status", { exact: true })).toHaveValue("maintenance");
    await expect(form.getByLabel("Status note (required unless active)")).toHaveValue(
      "Only fixes since 2026-11, said its makers.",
    );
    await expect(form.getByLabel("Limitations (one per line)")).toHaveValue("Imaginary\nStill a test");
    await expect(
      form.getByText(/^Reloaded: .* is now at version 2; your unsaved edits to 1 field are kept\.$/),
    ).toBeVisible();

    await form.getByLabel("Summary").fill("Kept for its fixes.");
    await form.getByRole("button", { name: "Save changes" }).click();
    await expect(form.getByText(`Saved. ${tool.name} is now at version 3.`)).toBeInViewport();
    await expect(page.getByRole("region", { name: /Edit conflict/ })).toHaveCount(0);
    await expectAccessible(page);
  });

  test("a failed create names each field, moves the focus to the first, and the slug follows the name until edited", async ({
    page,
  }) => {
    test.slow();
    await signIn(page, getMaintainer("createsWithErrors"), "/admin/tools/new");
    const form = page.getByRole("form", { name: "New tool" });
    const slug = form.getByLabel("Slug");
    await form.getByLabel("Name", { exact: true }).fill("Café & Crème Tracker");
    await expect(slug).toHaveValue("cafe-and-creme-tracker");
    await slug.fill("my-own-slug");
    await form.getByLabel("Name", { exact: true }).fill("Another name");
    await expect(slug).toHaveValue("my-own-slug");

    await form.getByLabel("Homepage").fill("not a url");
    await form.getByRole("button", { name: "Create tool" }).click();
    await expect(form.getByRole("alert").filter({ hasText: "Some fields need attention" })).toBeInViewport();
    // Name and slug are fine: the first field that needs attention is the summary.
    await expect(form.getByLabel("Summary")).toBeFocused();
    await expect(form.getByLabel("Summary")).toBeInViewport();
    await expect(form.locator("#homepage-error")).toContainText("http(s) URL");
    await expectAccessible(page);
  });

  test("a maintainer records a tool's relations and a dated source; a bad source is named field by field", async ({
    page,
  }) => {
    test.slow();
    const tool = getTool("relations");
    await signIn(page, getMaintainer("editsRelations"), `/admin/tools/${tool.slug}`);
    const form = page.getByRole("form", { name: `Edit ${tool.name}` });

    const implies = form.getByRole("combobox", { name: "Add to “Implies”" });
    await implies.fill("git");
    await expect(page.getByRole("option", { name: /^Git\b/ }).first()).toBeVisible();
    await implies.press("Enter");
    await expect(form.getByRole("list", { name: "Implies" })).toContainText("Git");
    await form.getByRole("button", { name: "Add a requirement" }).click();
    const group = form.getByRole("combobox", { name: "Add to “Needs one of (group 1)”" });
    await group.fill("elasticsearch");
    await group.press("Enter");
    await group.fill("opensearch");
    await group.press("Enter");
    await expect(form.getByText("Needs Elasticsearch or OpenSearch.")).toBeVisible();

    await form.getByRole("button", { name: "Add a source" }).click();
    await form.getByLabel("Source 1: address").fill("ftp://example.com/licence");
    await form.getByRole("button", { name: "Save changes" }).click();
    await expect(form.getByRole("alert").filter({ hasText: "Some fields need attention" })).toBeInViewport();
    await expect(form.getByLabel("Source 1: address")).toBeFocused();
    await expect(form.locator("#source-0-url-error")).toContainText("http(s) URL");
    await expect(form.locator("#source-0-supports-error")).toContainText("at least one fact");

    await form.getByLabel("Source 1: address").fill("https://example.com/licence");
    await form.getByRole("group", { name: "Source 1: what it supports" }).getByLabel("Licence").check();
    await form.getByRole("button", { name: "Save changes" }).click();
    await expect(form.getByText(`Saved. ${tool.name} is now at version 2.`)).toBeInViewport();

    await page.reload();
    await expect(form.getByRole("list", { name: "Implies" })).toContainText("Git");
    await expect(form.getByText("Needs Elasticsearch or OpenSearch.")).toBeVisible();
    await expect(form.getByLabel("Source 1: address")).toHaveValue("https://example.com/licence");
    await expectAccessible(page);
  });

  test("a maintainer plans a new capability: each plan field is checked and named, then saved", async ({ page }) => {
    test.slow();
    await signIn(page, getMaintainer("editsPlan"), "/admin/categories");
    await page.getByText("Add a capability", { exact: true }).click();
    const form = page.getByRole("form", { name: "New capability" });
    const name = `E2E planned ${Date.now().toString(36)}`;
    await form.getByLabel("Name").fill(name);
    await expect(form.getByLabel("Slug")).toHaveValue(name.toLowerCase().replace(/ /g, "-"));
    await form.getByLabel("Description").fill("A capability made by an end-to-end test.");
    await form.getByLabel(/The recommender fills this capability/).check();
    // A plan whose conditions no test team meets, so that no other journey's stack changes while it exists.
    const applies = form.getByRole("group", { name: /Applies only when/ });
    for (const condition of ["Air-gapped", "More than fifty people in ML", "Serves open-weight LLMs itself"])
      await applies.getByLabel(condition).check();
    await form.getByRole("button", { name: "Add a pull" }).click();
    await form.getByRole("button", { name: "Add capability" }).click();

    await expect(form.getByRole("alert")).toBeInViewport();
    await expect(form.getByLabel("Trigger: adopt it …")).toBeFocused();
    await expect(form.getByLabel("Trigger: adopt it …")).toHaveAttribute("aria-invalid", "true");
    await expect(form.getByLabel("Pull 1: why, in the team's terms")).toHaveAttribute("aria-invalid", "true");

    await form.getByLabel("Trigger: adopt it …").fill("when a test says so");
    await form.getByLabel("Pull 1: why, in the team's terms").fill("tests need it");
    await form.getByRole("button", { name: "Add capability" }).click();
    await expect(form.getByText("Capability saved.")).toBeInViewport();
    await page.reload();
    const saved = page.locator("details", { hasText: name }).first();
    await saved.locator("summary").click();
    const edit = page.getByRole("form", { name: `Edit capability ${name}` });
    await expect(edit.getByLabel("Trigger: adopt it …")).toHaveValue("when a test says so");
    await expect(edit.getByLabel("Pull 1: why, in the team's terms")).toHaveValue("tests need it");
    await expectAccessible(page);
    await edit.getByRole("button", { name: "Delete" }).click();
    await expect(page.locator("details", { hasText: name })).toHaveCount(0);
  });

  test("two maintainers edit the same tool: the second save gets a conflict and nothing is overwritten", async ({
    browser,
  }) => {
    test.setTimeout(90_000);
    const tool = getTool("conflict");
    const first = getMaintainer("conflictFirst");
    const second = getMaintainer("conflictSecond");
    const alice = await (await browser.newContext()).newPage();
    const bob = await (await browser.newContext()).newPage();
    await signIn(alice, first, `/admin/tools/${tool.slug}`);
    await signIn(bob, second, `/admin/tools/${tool.slug}`);
    await expectAccessible(bob);

    const aliceForm = alice.getByRole("form", { name: `Edit ${tool.name}` });
    await aliceForm.getByLabel("Summary").fill("Alice's summary.");
    await aliceForm.getByRole("button", { name: "Save changes" }).click();
    await expect(alice.getByText(/Saved\./)).toBeVisible();

    const bobForm = bob.getByRole("form", { name: `Edit ${tool.name}` });
    await bobForm.getByLabel("Summary").fill("Bob's summary.");
    await bobForm.getByRole("button", { name: "Save changes" }).click();
    const conflict = bob.getByRole("region", { name: /Edit conflict/ });
    await expect(conflict).toBeVisible();
    await expect(conflict).toContainText(`${first.email} saved version 2`);
    await expect(conflict.getByRole("row", { name: /summary/ })).toContainText("Alice's summary.");
    await expect(conflict.getByRole("row", { name: /summary/ })).toContainText("you changed it too");
    await expectAccessible(bob);

    await bob.goto(`/catalog/${tool.slug}`);
    await expect(bob.getByText("Alice's summary.")).toBeVisible();
    await expect(bob.getByText("Bob's summary.")).toHaveCount(0);
    await bob.goBack();
    await bob.goto(`/admin/audit?q=${tool.slug}`);
    await expect(
      bob.getByRole("list", { name: "Audit records" }).getByRole("listitem").filter({ hasText: "Updated tool" }),
    ).toHaveCount(1);
  });

  test("an editor keeps the catalog but cannot manage maintainers", async ({ page }) => {
    const editor = getMaintainer("editorRights");
    await signIn(page, editor);
    await expect(page.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Tools" })).toBeVisible();
    await expect(
      page.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Maintainers" }),
    ).toHaveCount(0);
    const response = await page.goto("/admin/maintainers");
    expect(response?.status()).toBe(403);
    await expect(page.getByRole("heading", { name: "You do not have access to this page" })).toBeVisible();
    await expect(page.getByRole("table", { name: "Maintainer accounts" })).toHaveCount(0);
    await expectAccessible(page);
  });

  test("an admin adds an editor, who signs in with the one-time password", async ({ page, browser }) => {
    const admin = getMaintainer("addsEditor");
    await signIn(page, admin, "/admin/maintainers");
    await expectAccessible(page);
    const email = `new-editor-${Date.now().toString(36)}@example.com`;
    const form = page.getByRole("form", { name: "Add a maintainer" });
    await form.getByLabel("Email").fill(email);
    await form.getByLabel("Name").fill("New Editor");
    await form.getByRole("button", { name: "Create account" }).click();
    const password = (await page.getByLabel("One-time password").innerText()).trim();
    await expect(page.getByRole("table", { name: "Maintainer accounts" })).toContainText(email);
    const other = await (await browser.newContext()).newPage();
    await signIn(other, { email, password, role: "editor" });
    await expect(other.getByText("New Editor · editor")).toBeVisible();
  });

  test("signing out revokes the session: the old cookie no longer works", async ({ page, browser, baseURL }) => {
    const admin = getMaintainer("signsOut");
    await signIn(page, admin);
    const cookies = await page.context().cookies();
    expect(cookies.find((c) => c.name.endsWith("session_token"))).toMatchObject({
      httpOnly: true,
      secure: true,
      sameSite: "Lax",
    });
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/admin\/sign-in/);
    await expect(page.getByRole("heading", { name: "Maintainer sign-in" })).toBeVisible();
    await expectAccessible(page);
    await page.goto("/admin/tools");
    await expect(page).toHaveURL(/\/admin\/sign-in\?next=%2Fadmin%2Ftools$/);

    const replay = await browser.newContext();
    await replay.addCookies(cookies);
    const stale = await replay.newPage();
    await stale.goto("/admin");
    await expect(stale).toHaveURL(/\/admin\/sign-in\?next=%2Fadmin$/);
    const api = await replay.request.get(`${baseURL}/api/admin/export`);
    expect(api.status()).toBe(401);
  });

  test("a hostile return path after sign-in stays on this site, under /admin", async ({ page, baseURL }) => {
    const editor = getMaintainer("hostileReturn");
    // The audit's finding: this path once resolved to the protocol-relative //evil.example after sign-in.
    await page.goto(`/admin/sign-in?next=${encodeURIComponent("/admin/../..//evil.example")}`);
    await page.getByLabel("Email").fill(editor.email);
    await page.getByLabel("Password").fill(editor.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
    expect(page.url()).toBe(`${baseURL}/admin`);
  });

  test("a wrong password gets the same message as an unknown account", async ({ page }) => {
    const editor = getMaintainer("wrongPassword");
    await page.goto("/admin/sign-in");
    await page.getByLabel("Email").fill(editor.email);
    await page.getByLabel("Password").fill("not the password at all");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("form", { name: "Sign in" }).getByRole("alert")).toHaveText(
      "Invalid email or password.",
    );
    await page.getByLabel("Email").fill("nobody-here@example.com");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("form", { name: "Sign in" }).getByRole("alert")).toHaveText(
      "Invalid email or password.",
    );
    await expectAccessible(page);
  });
});
