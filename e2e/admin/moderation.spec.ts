import { ADMIN_ACCOUNT } from "../fixtures/accounts";
import { expect, test } from "../fixtures/test";
import { AdminPage } from "../pages/admin-page";
import { AdminUserPage } from "../pages/admin-user-page";
import { AppShell } from "../pages/app-shell";
import { SettingsPage } from "../pages/settings-page";
import { SignInPage } from "../pages/sign-in-page";
import { sessionEmail } from "./session-check";

const SUSPENDED = "This account has been suspended. Contact the administrator.";

test("a ban signs the user out at once and blocks sign-in; an unban lets them back in", async ({ admin, newUser }) => {
  // A long journey across two browsers and three sign-ins.
  test.slow();
  const member = await newUser("Banned");
  const memberSettings = new SettingsPage(member.page);
  await memberSettings.goto();

  const list = new AdminPage(admin.page);
  await list.goto();
  await list.open(member.account.email);
  const drill = new AdminUserPage(admin.page);
  await expect(drill.heading(member.account.name)).toBeVisible();
  await expect(drill.status).toHaveText("Active");
  await expect(drill.authSessions).toHaveText("1 active session");

  await test.step("cancelling the dialog changes nothing", async () => {
    const dialog = await drill.fillBan({ reason: "Second thoughts" });
    await dialog.getByTestId("confirm-cancel").click();
    await expect(dialog).toBeHidden();
    await expect(drill.banNotice).toHaveCount(0);
    expect(await sessionEmail(member.account.storageState)).toBe(member.account.email);
  });

  await test.step("a blank reason is refused by the server with a field message", async () => {
    const dialog = await drill.fillBan({ reason: "   " });
    await drill.confirmButton(dialog).click();
    await expect(dialog.getByRole("alert")).toHaveText("Say why this account is suspended.");
    await dialog.getByTestId("confirm-cancel").click();
    await expect(drill.banNotice).toHaveCount(0);
  });

  await test.step("the admin bans the member, for 7 days", async () => {
    await drill.ban("Abusive language in shared sessions", "7 days");
    await expect(admin.page.getByText(`${member.account.name} is banned and signed out`)).toBeVisible();
    await expect(drill.banReason).toHaveText("Abusive language in shared sessions");
    await expect(drill.banNotice).toContainText("Banned until");
    await expect(drill.status).toHaveText("Banned");
    await expect(drill.authSessions).toHaveText("0 active sessions");
    await expect(drill.unbanButton).toBeVisible();
    await expect(drill.banButton).toHaveCount(0);
    const entry = drill.auditEntry("ban");
    await expect(entry).toHaveCount(1);
    await expect(entry.getByTestId("audit-actor")).toHaveText(ADMIN_ACCOUNT.email);
    await expect(entry).toContainText("banned this account");
    await expect(entry).toContainText("Reason: Abusive language in shared sessions");
    await expect(entry).toContainText("Ended 1 session");
  });

  await test.step("the banned member's open page is signed out on the next navigation", async () => {
    expect(await sessionEmail(member.account.storageState)).toBeNull();
    await new AppShell(member.page).navLink("Live").click();
    await expect(member.page).toHaveURL(/\/sign-in\?next=%2Flive$/);
  });

  await test.step("sign-in shows the suspended message", async () => {
    const signIn = new SignInPage(member.page);
    await signIn.signIn(member.account.email, member.account.password);
    await expect(signIn.form.getByRole("alert")).toHaveText(SUSPENDED);
    await expect(member.page).toHaveURL(/\/sign-in/);
  });

  await test.step("the list shows the ban, and the Banned filter finds it", async () => {
    await list.goto();
    await admin.page.getByTestId("user-filter-banned").click();
    await expect(admin.page).toHaveURL(/status=banned/);
    await expect(list.row(member.account.email)).toContainText("Banned");
    await expect(list.row(ADMIN_ACCOUNT.email)).toHaveCount(0);
    await list.row(member.account.email).getByTestId("user-link").click();
    await expect(drill.heading(member.account.name)).toBeVisible();
  });

  await test.step("the admin unbans, and sign-in works again", async () => {
    await drill.unban();
    await expect(drill.status).toHaveText("Active");
    const entry = drill.auditEntry("unban");
    await expect(entry.getByTestId("audit-actor")).toHaveText(ADMIN_ACCOUNT.email);
    await expect(entry).toContainText("lifted the ban");
    // Newest first: the unban above the ban.
    await expect(drill.auditEntries.first()).toHaveAttribute("data-action", "unban");
    await expect(drill.auditEntries.nth(1)).toHaveAttribute("data-action", "ban");

    const signIn = new SignInPage(member.page);
    await signIn.goto();
    await signIn.signIn(member.account.email, member.account.password);
    await expect(member.page).toHaveURL(/\/live$/);
    await new AppShell(member.page).expectSignedInAs(member.account.name);
  });
});

test("revoking sessions signs the user out everywhere, and they can sign straight back in", async ({ admin, browser, newUser }) => {
  test.slow();
  const member = await newUser("Revoked");
  // A second device: a sign-in of its own, beside the sign-up session.
  const phone = await browser.newContext();
  const phonePage = await phone.newPage();
  const phoneSignIn = new SignInPage(phonePage);
  await phoneSignIn.goto();
  await phoneSignIn.signIn(member.account.email, member.account.password);
  await expect(phonePage).toHaveURL(/\/live$/);
  await member.page.goto("/settings");

  const drill = new AdminUserPage(admin.page);
  await drill.goto(member.account.id);
  await expect(drill.authSessions).toHaveText("2 active sessions");
  await drill.revoke();
  await expect(admin.page.getByText(`Ended 2 sessions for ${member.account.name}`)).toBeVisible();
  await expect(drill.authSessions).toHaveText("0 active sessions");
  await expect(drill.status).toHaveText("Active");
  const entry = drill.auditEntry("revoke_sessions");
  await expect(entry.getByTestId("audit-actor")).toHaveText(ADMIN_ACCOUNT.email);
  await expect(entry).toContainText("signed this account out everywhere");
  await expect(entry).toContainText("Ended 2 sessions");

  expect(await sessionEmail(member.account.storageState)).toBeNull();
  await new AppShell(member.page).navLink("Live").click();
  await expect(member.page).toHaveURL(/\/sign-in\?next=%2Flive$/);
  await phonePage.goto("/settings");
  // With a stale cookie the proxy lets the request through and the app layout sends it to sign
  // in, to come back to the page it asked for.
  await expect(phonePage).toHaveURL(/\/sign-in\?next=%2Fsettings$/);

  const signIn = new SignInPage(member.page);
  await signIn.signIn(member.account.email, member.account.password);
  await expect(member.page).toHaveURL(/\/live$/);
  await phone.close();
});

test("an admin's own drill-down offers no actions, and an unknown account is a 404", async ({ admin }) => {
  const list = new AdminPage(admin.page);
  await list.goto();
  await list.row(ADMIN_ACCOUNT.email).getByTestId("user-link").click();
  const drill = new AdminUserPage(admin.page);
  await expect(drill.heading(ADMIN_ACCOUNT.name)).toBeVisible();
  await expect(drill.actions).toHaveCount(0);
  await expect(admin.page.getByText("This is your account")).toBeVisible();
  await expect(admin.page.getByTestId("audit-empty")).toBeVisible();

  const response = await admin.page.goto("/admin/users/no-such-account");
  expect(response?.status()).toBe(404);
  await expect(admin.page.getByRole("heading", { name: "Page not found" })).toBeVisible();
});
