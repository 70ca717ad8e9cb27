import { expect, test } from "../fixtures/test";
import { saveTestKey } from "../live/gemini-key";
import { LivePage } from "../live/live-page";
import { AdminUserPage } from "../pages/admin-user-page";

/*
 * Quotas an admin sets, as both sides see them: the admin on the user's page (audited), the user
 * on Live (a plain message at the limit, against the Gemini double) and in Settings (the usage).
 */

async function setMinutes(drill: AdminUserPage, value: string) {
  const form = drill.page.getByTestId("quota-form");
  await form.getByTestId("quota-minutes").fill(value);
  await form.getByTestId("quota-save").click();
  await expect(drill.page.getByText("Quotas saved")).toBeVisible();
}

test("at a monthly allowance of zero Live refuses with a plain message, Settings shows the usage, and lifting it lets the user talk", async ({ newUser, admin }) => {
  const user = await newUser("Quota Limited");
  await saveTestKey(user.page);

  // The admin gives this account no minutes this month.
  const drill = new AdminUserPage(admin.page);
  await drill.goto(user.account.id);
  const quotas = admin.page.getByTestId("user-quotas");
  await expect(quotas.getByTestId("usage-minutes")).toContainText("0 of 600 minutes");
  await expect(quotas.getByTestId("quota-minutes")).toHaveAttribute("placeholder", "Default (600)");
  await setMinutes(drill, "0");
  await admin.page.reload();
  await expect(quotas.getByTestId("quota-minutes")).toHaveValue("0");
  await expect(drill.auditEntries.first()).toContainText("changed the quotas");
  await expect(drill.auditEntries.first()).toContainText("Minutes a month: default → 0");

  // The user presses Start: the limit is said plainly, with where to see the usage.
  const live = new LivePage(user.page);
  await live.goto();
  await live.start.click();
  await live.expectStatus("error", 20_000);
  await expect(live.error).toContainText("Limit reached");
  await expect(live.error).toContainText("Your account has no conversation minutes this month.");
  await user.page.getByTestId("live-usage-link").click();
  await expect(user.page).toHaveURL(/\/settings#usage$/);
  const usage = user.page.getByTestId("usage-card");
  await expect(usage.getByTestId("usage-minutes")).toContainText("0 of 0 minutes");
  await expect(usage.getByTestId("usage-minutes")).toContainText("Used up.");
  await expect(usage.getByTestId("usage-concurrent")).toContainText("Up to 1");
  await expect(usage).toContainText("count toward a limit of 100 every 10 minutes");

  // Back to the deployment's default: the same Start works, and the minutes count.
  await setMinutes(drill, "");
  await live.goto();
  await live.startConversation();
  await live.waitForCompletedAnswers(1);
  await live.stopConversation();
  await user.page.goto("/settings");
  await expect(usage.getByTestId("usage-minutes")).toContainText(/[01] of 600 minutes/);
  await expect(usage.getByTestId("usage-concurrent")).toContainText("None running now");
});

test("a non-admin cannot reach the quota form of another account", async ({ newUser }) => {
  const owner = await newUser("Quota Owner");
  const other = await newUser("Quota Snoop");
  const response = await other.page.goto(`/admin/users/${owner.account.id}`);
  expect(response?.status()).toBe(404);
  await expect(other.page.getByTestId("quota-form")).toHaveCount(0);
});
