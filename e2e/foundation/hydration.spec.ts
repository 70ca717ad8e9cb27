import { expect, test } from "../fixtures/test";
import { guardHydration } from "../fixtures/hydration-guard";
import { storageStatePath, ADMIN_ACCOUNT } from "../fixtures/accounts";
import { saveTestKey } from "../live/gemini-key";

/*
 * The server renders in UTC; a reader elsewhere must still get the same first paint, or React
 * throws the server's HTML away (#418) and the console says so. Every page is opened from a
 * browser far from UTC; the shared fixture fails the test on any hydration error it hears.
 */
const FAR_FROM_UTC = { timezoneId: "Pacific/Auckland", locale: "en-NZ" };

// Long enough for client components to hydrate and a first poll (Admin's "Active now") to land.
async function visit(page: import("@playwright/test").Page, path: string) {
  await page.goto(path);
  // Idle network means every chunk has hydrated; a page whose network never rests (seen once on
  // a loaded machine) is still checked, after 20 s, rather than failing the whole walk.
  await page.waitForLoadState("networkidle", { timeout: 20_000 }).catch(() => page.waitForLoadState("load"));
}

test("a member's pages hydrate without a mismatch, a validated key's date included", async ({ newUser }) => {
  // Ten pages, each until the network is idle: more than the default 30 s on a busy machine.
  test.setTimeout(90_000);
  const { page } = await newUser("Hydration Member", FAR_FROM_UTC);
  await saveTestKey(page);
  for (const path of ["/settings", "/settings/api-keys", "/live", "/personas", "/personas/new", "/sessions", "/memory", "/insights", "/no-such-page"]) {
    await visit(page, path);
  }
  // A persona of one's own, opened at its own address (made from the gallery).
  await visit(page, "/personas");
  await page.getByTestId("gallery-use").first().click();
  await page.waitForURL(/\/personas\/[0-9a-f-]{36}/);
  await visit(page, page.url());
  await expect(page.getByTestId("persona-form")).toBeVisible();
  await visit(page, "/settings");
  await expect(page.getByTestId("gemini-key-card")).toContainText("Checked");
});

test("the admin pages hydrate without a mismatch, the Active now time included", async ({ browser, hydrationGuards }) => {
  const context = await browser.newContext({ ...FAR_FROM_UTC, storageState: storageStatePath(ADMIN_ACCOUNT.email) });
  hydrationGuards.push(guardHydration(context));
  const page = await context.newPage();
  for (const path of ["/admin", "/admin/users"]) {
    await visit(page, path);
  }
  // One account's page: its dates (joined, last seen, audit log) are rendered for this zone.
  await page.getByTestId("user-link").first().click();
  await page.waitForURL(/\/admin\/users\/[^/?]+$/);
  await visit(page, page.url());
  await visit(page, "/admin");
  await expect(page.getByTestId("active-sessions")).toContainText("Updated");
  await context.close();
});

test("the pages a visitor sees hydrate without a mismatch", async ({ browser, hydrationGuards }) => {
  // Nine pages, the API reference's large script among them.
  test.setTimeout(90_000);
  const context = await browser.newContext(FAR_FROM_UTC);
  hydrationGuards.push(guardHydration(context));
  const page = await context.newPage();
  for (const path of ["/", "/sign-in", "/sign-up", "/forgot-password", "/reset-password?token=not-a-token", "/reset-password?error=INVALID_TOKEN", "/reset-password", "/docs/api", "/no-such-page"]) {
    await visit(page, path);
  }
  await context.close();
});
