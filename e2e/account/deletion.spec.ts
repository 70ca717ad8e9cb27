import { eq } from "drizzle-orm";
import { adminAuditLog, audioChunks, memories, personas, session, userPreferences } from "@/db/schema";
import { storeConversation } from "@/db/test/history-fixtures";
import { leftovers } from "@/db/test/leftovers";
import { captureServerAction, replayServerAction } from "../support/server-action";
import { expect, test, type AccountWorld } from "./account-world";

/** An account with something in every corner: a conversation with its turns and audio, a memory, a persona, settings. */
async function accountWithData(world: AccountWorld, label: string) {
  const account = await world.createAccount(label);
  const conversation = await storeConversation(world.db, { userId: account.id, startedAt: new Date(), lines: ["something private", "I hear you"] });
  await world.db.insert(audioChunks).values({ sessionId: conversation.id, sequenceNumber: 0, mimeType: "audio/webm", startOffsetMs: 0, byteSize: 4, data: Uint8Array.of(1, 2, 3, 4) });
  await world.db.insert(memories).values({ userId: account.id, sourceSessionId: conversation.id, content: "Has a cat called Miso" });
  await world.db.insert(personas).values({ userId: account.id, name: "Coach" });
  await world.db.insert(userPreferences).values({ userId: account.id, saveAudio: true });
  return { ...account, conversationId: conversation.id };
}

test("delete my account: the password is asked, then everything goes and sign-in fails", async ({ world, browser, track }) => {
  const account = await accountWithData(world, "Leaver");
  const page = await track(await world.signedInContext(browser, account)).newPage();
  await page.goto("/settings");
  expect(await leftovers(world.db, { id: account.id, email: account.email, conversationId: account.conversationId })).not.toEqual([]);

  await page.getByTestId("delete-account-open").click();
  const dialog = page.getByTestId("delete-account-dialog");
  await dialog.getByLabel("Password").fill("not my password at all");
  await dialog.getByTestId("confirm-submit").click();
  await expect(dialog.getByRole("alert")).toContainText("not right");
  expect(await world.userId(account.email)).toBe(account.id);

  await dialog.getByLabel("Password").fill(account.password);
  await dialog.getByTestId("confirm-submit").click();
  await expect(page).toHaveURL(/\/sign-in\?deleted=1$/);
  await expect(page.getByTestId("sign-in-notice")).toContainText("erased");

  expect(await leftovers(world.db, { id: account.id, email: account.email, conversationId: account.conversationId })).toEqual([]);
  const api = await world.api();
  expect((await api.post("/api/auth/sign-in/email", { data: { email: account.email, password: account.password } })).status()).toBe(401);
  await api.dispose();
  await page.goto("/settings");
  await expect(page).toHaveURL(/\/sign-in/);
});

test("an admin erases an account from its page, audited without naming it; only admins can", async ({ world, browser, track }) => {
  const account = await accountWithData(world, "Erased");
  const bystander = await world.createAccount("Bystander");

  const adminPage = await track(await world.signedInContext(browser, world.admin)).newPage();
  await adminPage.goto(`/admin/users/${account.id}`);
  await adminPage.getByTestId("action-delete").click();
  const dialog = adminPage.getByTestId("delete-user-dialog");
  await dialog.getByLabel("Type the account's email to confirm").fill(`wrong-${account.email}`);
  await dialog.getByTestId("confirm-submit").click();
  await expect(dialog.getByRole("alert")).toContainText("exactly");

  const member = track(await world.signedInContext(browser, bystander));
  const memberApi = await world.api(member);
  await dialog.getByLabel("Type the account's email to confirm").fill(account.email);
  const action = await captureServerAction(adminPage, () => dialog.getByTestId("confirm-submit").click());
  await expect(adminPage).toHaveURL(/\/admin\/users$/);
  await expect(adminPage.getByTestId("erasures-log")).toContainText(account.id);

  expect(await leftovers(world.db, { id: account.id, email: account.email, conversationId: account.conversationId })).toEqual(["admin_audit_log.details"]);
  const [entry] = await world.db.select().from(adminAuditLog).where(eq(adminAuditLog.action, "delete_account"));
  expect(entry).toMatchObject({ actorId: world.admin.id, targetUserId: null, details: { erasedUserId: account.id, conversations: 1 } });

  // A member replaying the admin's erase action (here at another member) gets our 404 and erases nothing.
  const replay = await replayServerAction(memberApi, action, [{ userId: bystander.id, confirmEmail: bystander.email }]);
  expect(replay.result).toMatchObject({ ok: false, error: { code: "not_found:admin" } });
  expect(await world.userId(bystander.email)).toBe(bystander.id);
  await memberApi.dispose();
});

test("cross-user: another user's device cannot be signed out, and better-auth's own delete endpoint is closed", async ({ world, browser, track }) => {
  const alice = await world.createAccount("Alice");
  const bob = await world.createAccount("Bob");
  const aliceContext = track(await world.signedInContext(browser, alice));
  const bobContext = track(await world.signedInContext(browser, bob));
  const bobPage = await bobContext.newPage();
  await bobPage.goto("/settings");

  // Alice opens a second browser so she has a device to sign out, and captures that action.
  track(await world.signedInContext(browser, alice, { userAgent: "Mozilla/5.0 (X11; Linux x86_64; rv:125.0) Gecko/20100101 Firefox/125.0" }));
  const alicePage = await aliceContext.newPage();
  await alicePage.goto("/settings");
  const otherRow = alicePage.getByTestId("device-row").filter({ hasText: "Firefox" });
  const action = await captureServerAction(alicePage, () => otherRow.getByTestId("revoke-device").click());
  await expect(alicePage.getByTestId("device-row")).toHaveCount(1);

  const [bobSession] = await world.db.select({ id: session.id }).from(session).where(eq(session.userId, bob.id));
  const aliceApi = await world.api(aliceContext);
  const replay = await replayServerAction(aliceApi, action, [{ sessionId: bobSession!.id }]);
  expect(replay.result).toMatchObject({ ok: false, error: { code: "not_found:device" } });
  await bobPage.reload();
  await expect(bobPage.getByTestId("devices-card")).toBeVisible();

  for (const path of ["/api/auth/delete-user", "/api/auth/delete-user/callback?token=x"]) {
    const response = await aliceApi.post(path, { data: { password: alice.password } });
    expect(response.status(), path).toBe(404);
  }
  expect(await world.userId(alice.email)).toBe(alice.id);
  await aliceApi.dispose();
});
