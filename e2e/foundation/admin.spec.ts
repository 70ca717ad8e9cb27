import { ADMIN_ACCOUNT } from "../fixtures/accounts";
import { expect, test } from "../fixtures/test";
import { AdminPage } from "../pages/admin-page";
import { AppShell } from "../pages/app-shell";
import { SettingsPage } from "../pages/settings-page";

test("the first account is the admin: Admin in the navigation, and the user list", async ({ admin, newUser }) => {
  const member = await newUser("Listed");
  const { page } = admin;
  const settings = new SettingsPage(page);
  await settings.goto();
  await expect(settings.role).toHaveText("Admin");

  await new AppShell(page).navLink("Admin").click();
  const adminPage = new AdminPage(page);
  await expect(page).toHaveURL(/\/admin$/);
  await adminPage.subNav.getByRole("link", { name: "Users" }).click();
  await expect(adminPage.heading).toBeVisible();
  await expect(adminPage.subNav.getByRole("link", { name: "Users" })).toHaveAttribute("aria-current", "page");
  await expect(adminPage.row(ADMIN_ACCOUNT.email)).toContainText("(you)");
  await expect(adminPage.row(ADMIN_ACCOUNT.email)).toContainText("Admin");
  await expect(adminPage.row(member.account.email)).toContainText(member.account.name);
  await expect(adminPage.row(member.account.email)).toContainText("Member");

  await adminPage.searchFor(member.account.email);
  await expect(adminPage.rows).toHaveCount(1);
  await expect(adminPage.rows.first()).toContainText(member.account.email);
});

test("a member gets 404 on /admin and has no Admin navigation", async ({ newUser }) => {
  const { page } = await newUser("Member");
  const response = await page.goto("/admin");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  await expect(page.getByTestId("users-table")).toHaveCount(0);

  await new SettingsPage(page).goto();
  await expect(new AppShell(page).nav).toBeVisible();
  await expect(new AppShell(page).navLink("Settings")).toBeVisible();
  await expect(new AppShell(page).navLink("Admin")).toHaveCount(0);
});
