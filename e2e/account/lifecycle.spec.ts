import { SignInPage } from "../pages/sign-in-page";
import { expect, test } from "./account-world";

// Passwords strong enough for the estimator (lib/auth/password-strength.ts).
const NEW_PASSWORD = "amber kettle harbour";

test("forgot password → emailed link → new password → signed in with it, and the old one no longer works", async ({ world, browser, track }) => {
  const account = await world.createAccount("Forgetful");
  const page = await track(await browser.newContext({ baseURL: world.server.baseUrl })).newPage();
  const signIn = new SignInPage(page);
  await signIn.goto();
  await page.getByTestId("forgot-password-link").click();
  await expect(page).toHaveURL(/\/forgot-password$/);
  await page.getByLabel("Email").fill(account.email);
  await page.getByTestId("forgot-password-submit").click();
  await expect(page.getByTestId("forgot-password-sent")).toContainText(account.email);

  await page.goto(await world.mailedLink(account.email, "reset-password"));
  await expect(page).toHaveURL(/\/reset-password\?token=/);
  await page.getByLabel("New password").fill(NEW_PASSWORD);
  await page.getByLabel("Repeat it").fill(NEW_PASSWORD);
  await page.getByTestId("reset-password-submit").click();
  await expect(page).toHaveURL(/\/sign-in\?reset=1$/);
  await expect(page.getByTestId("sign-in-notice")).toContainText("password is changed");

  await signIn.signIn(account.email, account.password);
  await expect(page.getByTestId("sign-in-form").getByRole("alert")).toContainText("don't match");
  await signIn.signIn(account.email, NEW_PASSWORD);
  await expect(page).toHaveURL(/\/live$/);
});

test("a spent or forged reset link says so instead of failing later", async ({ world, browser, track }) => {
  const page = await track(await browser.newContext({ baseURL: world.server.baseUrl })).newPage();
  await page.goto("/reset-password?error=INVALID_TOKEN");
  await expect(page.getByTestId("reset-link-invalid")).toBeVisible();
  await page.goto("/reset-password?token=not-a-real-token");
  await page.getByLabel("New password").fill(NEW_PASSWORD);
  await page.getByLabel("Repeat it").fill(NEW_PASSWORD);
  await page.getByTestId("reset-password-submit").click();
  await expect(page.getByTestId("reset-password-form").getByRole("alert")).toContainText("expired or was used");
});

test("change password in Settings signs the other browsers out; the new password signs in", async ({ world, browser, track }) => {
  const account = await world.createAccount("Changer");
  const here = track(await world.signedInContext(browser, account));
  const elsewhere = track(await world.signedInContext(browser, account));
  const page = await here.newPage();
  await page.goto("/settings");
  const form = page.getByTestId("change-password-form");
  await form.getByLabel("Current password").fill("not my password at all");
  await form.getByLabel("New password").fill(NEW_PASSWORD);
  await page.getByTestId("change-password-submit").click();
  await expect(form.getByRole("alert")).toContainText("not right");

  await form.getByLabel("Current password").fill(account.password);
  await form.getByLabel("New password").fill("password");
  await page.getByTestId("change-password-submit").click();
  await expect(form.getByRole("alert")).toBeVisible();

  await form.getByLabel("New password").fill(NEW_PASSWORD);
  await page.getByTestId("change-password-submit").click();
  await expect(page.getByText("Password changed")).toBeVisible();

  const other = await elsewhere.newPage();
  await other.goto("/settings");
  await expect(other).toHaveURL(/\/sign-in\?next=%2Fsettings/);
  await page.reload();
  await expect(page.getByTestId("devices-list").getByTestId("device-row")).toHaveCount(1);

  const api = await world.api();
  expect((await api.post("/api/auth/sign-in/email", { data: { email: account.email, password: account.password } })).status()).toBe(401);
  expect((await api.post("/api/auth/sign-in/email", { data: { email: account.email, password: NEW_PASSWORD } })).status()).toBe(200);
  await api.dispose();
});

test("confirm the address, then change it: the old address approves, the new one confirms, then it is the sign-in", async ({ world, browser, track }) => {
  const account = await world.createAccount("Mover");
  const page = await track(await world.signedInContext(browser, account)).newPage();
  await page.goto("/settings");
  const card = page.getByTestId("sign-in-card");
  await expect(card.getByTestId("email-verified")).toHaveText("Not confirmed");

  // The sign-up mail's link confirms the address.
  await page.goto(await world.mailedLink(account.email, "verify-email"));
  await page.goto("/settings");
  await expect(card.getByTestId("email-verified")).toHaveText("Confirmed");

  const newEmail = `moved-${account.email}`;
  await card.getByLabel("New email address").fill(newEmail);
  await page.getByTestId("change-email-submit").click();
  await expect(page.getByTestId("change-email-notice")).toContainText(account.email);
  expect(await world.userId(newEmail)).toBeNull();

  await page.goto(await world.mailedLink(account.email, "change-email-confirmation"));
  await page.goto(await world.mailedLink(newEmail, "verify-email"));
  await expect(page).toHaveURL(/\/settings\?email=changed$/);
  await expect(card.getByTestId("current-email")).toHaveText(newEmail);
  expect(await world.userId(newEmail)).toBe(account.id);
  expect(await world.userId(account.email)).toBeNull();

  const api = await world.api();
  expect((await api.post("/api/auth/sign-in/email", { data: { email: newEmail, password: account.password } })).status()).toBe(200);
  await api.dispose();
});

test("sign-up with a taken address answers as for a new one, and the owner is told by mail", async ({ world, browser, track }) => {
  const account = await world.createAccount("Taken");
  const page = await track(await browser.newContext({ baseURL: world.server.baseUrl })).newPage();
  await page.goto("/sign-up");
  await page.getByLabel("Name").fill("Someone Else");
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill("a different long passphrase");
  await page.getByTestId("sign-up-submit").click();
  await expect(page.getByTestId("sign-up-form").getByRole("alert")).toContainText("If you already have an account, sign in instead");
  await expect.poll(() => world.mailCount(account.email, "existing-account-sign-up")).toBe(1);
});

test("Your devices lists each browser, signs one out, then all others", async ({ world, browser, track }) => {
  const account = await world.createAccount("Devices");
  const firefox = "Mozilla/5.0 (X11; Linux x86_64; rv:125.0) Gecko/20100101 Firefox/125.0";
  const safari = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1";
  const here = track(await world.signedInContext(browser, account));
  const phone = track(await world.signedInContext(browser, account, { userAgent: safari }));
  const laptop = track(await world.signedInContext(browser, account, { userAgent: firefox }));
  const page = await here.newPage();
  await page.goto("/settings");
  const rows = page.getByTestId("device-row");
  await expect(rows).toHaveCount(3);
  await expect(page.getByTestId("devices-list")).toContainText("Safari 17 on iOS");
  await expect(page.getByTestId("devices-list")).toContainText("Firefox 125 on Linux");
  await expect(rows.filter({ has: page.getByText("This browser") })).toHaveCount(1);

  await rows.filter({ hasText: "Safari 17 on iOS" }).getByTestId("revoke-device").click();
  await expect(rows).toHaveCount(2);
  const phonePage = await phone.newPage();
  await phonePage.goto("/settings");
  await expect(phonePage).toHaveURL(/\/sign-in/);
  const laptopPage = await laptop.newPage();
  await laptopPage.goto("/settings");
  await expect(laptopPage.getByTestId("devices-card")).toBeVisible();

  await page.getByTestId("revoke-other-devices").click();
  await expect(rows).toHaveCount(1);
  await laptopPage.reload();
  await expect(laptopPage).toHaveURL(/\/sign-in/);
  await page.reload();
  await expect(page.getByTestId("devices-card")).toBeVisible();
});
