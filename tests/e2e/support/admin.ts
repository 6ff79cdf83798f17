import { expect, type Page } from "@playwright/test";
import {
  readE2eFixtures,
  type E2eMaintainerKey,
  type E2eTool,
  type E2eToolKey,
  type Maintainer,
} from "../../../scripts/lib/e2e-fixtures";
import { expectAccessible } from "./axe";

/**
 * Fixtures for the admin journeys. Each test has its own maintainers (made with the real `npm run admin:create`
 * command) and its own tools (made with `npm run catalog:import`), so tests never share state. They are made in the
 * e2e database before the server starts (scripts/lib/e2e-fixtures.ts), never while it runs.
 */

export type { Maintainer };

/** This test's maintainer (see E2E_MAINTAINERS), already in the database. */
export function getMaintainer(key: E2eMaintainerKey): Maintainer {
  return readE2eFixtures().maintainers[key];
}

/** This test's own tool (see E2E_TOOLS), imported as a maintainer would from a file. */
export function getTool(key: E2eToolKey): E2eTool {
  return readE2eFixtures().tools[key];
}

export async function signIn(page: Page, maintainer: Maintainer, next = "/admin") {
  await page.goto(`/admin/sign-in?next=${encodeURIComponent(next)}`);
  await expectAccessible(page);
  await page.getByLabel("Email").fill(maintainer.email);
  await page.getByLabel("Password").fill(maintainer.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  // Checking a password is deliberately slow (scrypt); on a busy machine it takes several seconds.
  await expect(page).toHaveURL(new RegExp(`${next.replace(/[/?]/g, "\\$&")}$`), { timeout: 20_000 });
}
