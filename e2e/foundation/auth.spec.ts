import { request } from "@playwright/test";
import { uniqueAccount } from "../fixtures/accounts";
import { expect, test } from "../fixtures/test";
import { AppShell } from "../pages/app-shell";
import { LandingPage } from "../pages/landing-page";
import { SettingsPage } from "../pages/settings-page";
import { SignInPage } from "../pages/sign-in-page";
import { SignUpPage } from "../pages/sign-up-page";
import { APP_HOME } from "../../lib/routes";
import { APP_BASE_URL } from "../support/ports";

test("a visitor signs up from the landing page, signs out and signs back in", async ({ page }) => {
  const account = uniqueAccount("Journey");
  const landing = new LandingPage(page);
  await landing.goto();
  await landing.getStarted.click();
  await expect(page).toHaveURL(/\/sign-up$/);

  await new SignUpPage(page).signUp(account);
  await expect(page).toHaveURL(new RegExp(`${APP_HOME}$`));
  const shell = new AppShell(page);
  await shell.expectSignedInAs(account.name);
  // Only the first account on the database is an admin; this one is a member.
  await new SettingsPage(page).goto();
  await expect(new SettingsPage(page).role).toHaveText("Member");
  await expect(shell.navLink("Admin")).toHaveCount(0);

  await shell.signOut();
  await page.goto("/settings");
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fsettings$/);

  await new SignInPage(page).signIn(account.email, account.password);
  await expect(page).toHaveURL(/\/settings$/);
  await shell.expectSignedInAs(account.name);
});

test("a wrong password is refused with an inline message on the password field", async ({ page, newUser }) => {
  const { account } = await newUser("Wrong password");
  const signIn = new SignInPage(page);
  await signIn.goto();
  await signIn.signIn(account.email, `${account.password}-not`);
  await expect(signIn.password).toHaveAttribute("aria-invalid", "true");
  await expect(signIn.password).toHaveAccessibleDescription(/email and password don.t match/);
  await expect(page).toHaveURL(/\/sign-in/);
});

test("a too-short password is refused inline, and by the server too", async ({ page }) => {
  const account = { ...uniqueAccount("Short"), password: "short" };
  const signUp = new SignUpPage(page);
  await signUp.goto();
  await signUp.signUp(account);
  await expect(signUp.password).toHaveAccessibleDescription("Password is too short: use at least 8 characters.");
  await expect(page).toHaveURL(/\/sign-up$/);

  const api = await request.newContext({ baseURL: APP_BASE_URL, extraHTTPHeaders: { origin: APP_BASE_URL } });
  const response = await api.post("/api/auth/sign-up/email", { data: account });
  expect(response.status()).toBe(400);
  expect(((await response.json()) as { code?: string }).code).toBe("PASSWORD_TOO_SHORT");
  await api.dispose();
});
