import { expect, test } from "../fixtures/test";
import { createAccount, uniqueAccount } from "../fixtures/accounts";

/*
 * A name is whatever its owner typed, up to 100 characters, spaces optional. In one unbroken word
 * it must wrap where it is shown (Settings, the admins' user list and user page, a persona's card),
 * never widen
 * the page past a 390 px phone.
 */
const LONG_NAME = "Wolfeschlegelsteinhausenbergerdorff".repeat(3).slice(0, 100);

const pageWidth = (page: import("@playwright/test").Page) => page.evaluate(() => document.documentElement.scrollWidth);

test("a 100-character name in one word keeps Settings and the admin pages within 390 px", async ({ browser, admin }) => {
  const account = await createAccount({ ...uniqueAccount("Long"), name: LONG_NAME });
  const context = await browser.newContext({ storageState: account.storageState, viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await page.goto("/settings");
  await expect(page.getByRole("main").getByText(LONG_NAME)).toBeVisible();
  expect(await pageWidth(page)).toBeLessThanOrEqual(390);

  // A persona's name and instructions, each one unbroken word: its card in the list wraps them.
  await page.goto("/personas/new");
  await page.getByTestId("persona-field-name").fill(LONG_NAME.slice(0, 60));
  await page.getByTestId("persona-field-instructions").fill("x".repeat(400));
  await expect(page.getByTestId("persona-preview")).toContainText("xxxx");
  await page.getByTestId("persona-save").click();
  await page.waitForURL(/\/personas$/);
  await expect(page.getByTestId("persona-card")).toHaveCount(1);
  expect(await pageWidth(page)).toBeLessThanOrEqual(390);
  await context.close();

  await admin.page.setViewportSize({ width: 390, height: 844 });
  await admin.page.goto(`/admin/users?q=${encodeURIComponent(account.email)}`);
  await expect(admin.page.getByTestId("user-link").filter({ hasText: LONG_NAME })).toBeVisible();
  expect(await pageWidth(admin.page)).toBeLessThanOrEqual(390);
  await admin.page.getByTestId("user-link").filter({ hasText: LONG_NAME }).click();
  await expect(admin.page.getByRole("heading", { name: LONG_NAME })).toBeVisible();
  expect(await pageWidth(admin.page)).toBeLessThanOrEqual(390);
});
