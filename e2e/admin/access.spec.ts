import { request } from "@playwright/test";
import { ADMIN_ACCOUNT, storageStatePath } from "../fixtures/accounts";
import { expect, test } from "../fixtures/test";
import { AdminUserPage } from "../pages/admin-user-page";
import { APP_BASE_URL } from "../support/ports";
import { captureServerAction, replayServerAction, type ActionReply, type CapturedAction } from "../support/server-action";
import { sessionEmail } from "./session-check";

/*
 * Admin surfaces answer a member exactly as a page that does not exist would. The actions are
 * captured from the admin's real browser and replayed with the member's session cookie, as a
 * member with devtools and a leaked action id could.
 */

function expectHidden(reply: ActionReply, ...secrets: string[]) {
  expect(reply.status, reply.text).toBeLessThan(500);
  expect(reply.result, `no action result in: ${reply.text}`).toBeDefined();
  expect(reply.result?.ok).toBe(false);
  expect(reply.result?.error?.code).toBe("not_found:admin");
  expect(reply.result?.error?.message).toBe("Not found.");
  for (const secret of secrets) expect(reply.text).not.toContain(secret);
}

test("a member gets 404 on the user list and on every drill-down", async ({ newUser }) => {
  const member = await newUser("Curious");
  const other = await newUser("Neighbour");
  for (const path of ["/admin/users", "/admin/users?q=a", `/admin/users/${other.account.id}`, `/admin/users/${member.account.id}`, "/admin/users/no-such-account"]) {
    await test.step(path, async () => {
      const response = await member.page.goto(path);
      expect(response?.status()).toBe(404);
      await expect(member.page.getByRole("heading", { name: "Page not found" })).toBeVisible();
      await expect(member.page.getByTestId("users-table")).toHaveCount(0);
      await expect(member.page.getByTestId("user-facts")).toHaveCount(0);
      await expect(member.page.getByText(other.account.email)).toHaveCount(0);
    });
  }
});

test("every admin action called directly with a member's session is refused as not found", async ({ admin, newUser }) => {
  test.slow();
  const member = await newUser("Intruder");
  const banned = await newUser("Victim");
  const untouched = await newUser("Bystander");

  // The admin's real requests, one per action (they run: the victim ends up banned).
  const drill = new AdminUserPage(admin.page);
  await drill.goto(banned.account.id);
  const revoke = await captureServerAction(admin.page, () => drill.revoke());
  const dialog = await drill.fillBan({ reason: "Captured for the test" });
  const ban = await captureServerAction(admin.page, () => drill.confirmButton(dialog).click());
  await expect(drill.banNotice).toBeVisible();
  await drill.unbanButton.click();
  const unbanDialog = drill.dialog(/^Unban /);
  await expect(unbanDialog).toBeVisible();
  // Ban the victim again afterwards, so a refused unban can be told from an accepted one.
  const unban = await captureServerAction(admin.page, () => drill.confirmButton(unbanDialog).click());
  await expect(drill.banNotice).toBeHidden();
  await drill.ban("Banned again");

  const memberApi = await request.newContext({ baseURL: APP_BASE_URL, storageState: member.account.storageState });
  const attempts: [string, CapturedAction, unknown[]][] = [
    ["ban a bystander", ban, [{ userId: untouched.account.id, reason: "Taken over", expiresInDays: null }]],
    ["ban themselves", ban, [{ userId: member.account.id, reason: "Probe", expiresInDays: null }]],
    ["ban with a malformed body", ban, [{ userId: 7 }]],
    ["unban the victim", unban, [{ userId: banned.account.id }]],
    ["revoke a bystander's sessions", revoke, [{ userId: untouched.account.id }]],
    ["revoke an unknown account's sessions", revoke, [{ userId: "no-such-account" }]],
  ];
  for (const [what, action, body] of attempts) {
    await test.step(`refused: ${what}`, async () => {
      expectHidden(await replayServerAction(memberApi, action, body), untouched.account.email, banned.account.email);
    });
  }
  await memberApi.dispose();

  await test.step("nothing changed: the bystander is signed in, the victim still banned", async () => {
    expect(await sessionEmail(untouched.account.storageState)).toBe(untouched.account.email);
    expect(await sessionEmail(member.account.storageState)).toBe(member.account.email);
    await drill.goto(untouched.account.id);
    await expect(drill.status).toHaveText("Active");
    await expect(drill.auditEntries).toHaveCount(0);
    await drill.goto(banned.account.id);
    await expect(drill.banReason).toHaveText("Banned again");
    await expect(drill.auditEntries).toHaveCount(4);
  });

  await test.step("the admin's own replays are checked too: no self-ban, no unknown account", async () => {
    const adminApi = await request.newContext({ baseURL: APP_BASE_URL, storageState: storageStatePath(ADMIN_ACCOUNT.email) });
    const self = await replayServerAction(adminApi, ban, [{ userId: await adminId(adminApi), reason: "Oops", expiresInDays: null }]);
    expect(self.result?.ok, self.text).toBe(false);
    expect(self.result?.error).toMatchObject({ code: "forbidden:admin", message: "You cannot ban your own account." });
    const unknown = await replayServerAction(adminApi, revoke, [{ userId: "no-such-account" }]);
    expect(unknown.result?.error).toMatchObject({ code: "not_found:user", message: "That user does not exist." });
    const badDuration = await replayServerAction(adminApi, ban, [{ userId: untouched.account.id, reason: "Too long", expiresInDays: 4000 }]);
    expect(badDuration.result?.error?.code).toBe("bad_request:input");
    expect(badDuration.result?.error?.fieldErrors?.expiresInDays).toEqual(["Pick one of the listed durations."]);
    await adminApi.dispose();
    expect(await sessionEmail(untouched.account.storageState)).toBe(untouched.account.email);
  });

  await test.step("without a session the proxy sends the caller to sign in", async () => {
    const anonymous = await request.newContext({ baseURL: APP_BASE_URL });
    const reply = await replayServerAction(anonymous, ban, [{ userId: untouched.account.id, reason: "Anon", expiresInDays: null }]);
    await anonymous.dispose();
    expect(reply.status).toBe(307);
    expect(reply.result).toBeUndefined();
  });
});

async function adminId(api: Awaited<ReturnType<typeof request.newContext>>): Promise<string> {
  const body = (await (await api.get("/api/auth/get-session")).json()) as { user: { id: string } };
  return body.user.id;
}
