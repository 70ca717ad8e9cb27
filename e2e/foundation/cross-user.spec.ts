import { request } from "@playwright/test";
import { expect, test } from "../fixtures/test";
import { SettingsPage, type ShownPreferences } from "../pages/settings-page";
import { APP_BASE_URL } from "../support/ports";
import { captureServerAction, replayServerAction, type ActionReply } from "../support/server-action";

/*
 * The data access layer is the security boundary: whatever B sends to the save-settings
 * action, it acts on B's own row or is refused. B's real request is captured from B's browser
 * and replayed with changes, as someone with devtools would.
 */

const A_PREFS: ShownPreferences = { voice: "Charon", camera: true, mic: false };

function expectRefused(reply: ActionReply, code: string) {
  expect(reply.status, reply.text).toBeLessThan(500);
  expect(reply.result, `no action result in: ${reply.text}`).toBeDefined();
  expect(reply.result?.ok).toBe(false);
  expect(reply.result?.error?.code).toBe(code);
  expect(reply.result?.error?.message).toBeTruthy();
}

test("user B cannot read or change user A's preferences through the settings action", async ({ newUser }) => {
  const a = await newUser("Alice");
  const b = await newUser("Bob");

  const aSettings = new SettingsPage(a.page);
  await aSettings.goto();
  await aSettings.set(A_PREFS);
  await aSettings.saveAndConfirm();

  // B sees B's own defaults, nothing of A's.
  const bSettings = new SettingsPage(b.page);
  await bSettings.goto();
  await bSettings.expectShown({ voice: "Zephyr", camera: false, mic: true });

  await bSettings.chooseVoice("Leda");
  const action = await captureServerAction(b.page, () => bSettings.saveAndConfirm());
  expect(JSON.parse(action.body)).toEqual([{ defaultVoice: "Leda", cameraEnabled: false, micEnabled: true }]);

  const bApi = await request.newContext({ baseURL: APP_BASE_URL, storageState: b.account.storageState });
  const valid = { defaultVoice: "Fenrir", cameraEnabled: true, micEnabled: true };

  const tampered: [string, unknown][] = [
    ["A's user id added", [{ ...valid, userId: a.account.id }]],
    ["A's id as the row owner", [{ ...valid, user_id: a.account.id, id: a.account.id }]],
    ["values wrapped with A's id", [{ userId: a.account.id, values: valid }]],
    ["fields the form does not offer", [{ ...valid, saveAudio: true, memoryEnabled: false }]],
    ["an unknown voice", [{ ...valid, defaultVoice: "HAL-9000" }]],
    ["wrong types", [{ defaultVoice: 7, cameraEnabled: "yes", micEnabled: null }]],
    ["no arguments", []],
    ["a bare string", ["userId=" + a.account.id]],
  ];
  for (const [what, body] of tampered) {
    await test.step(`refused: ${what}`, async () => {
      const reply = await replayServerAction(bApi, action, body);
      expectRefused(reply, "bad_request:input");
      expect(reply.text).not.toContain(a.account.email);
    });
  }
  const unknownVoice = await replayServerAction(bApi, action, [{ ...valid, defaultVoice: "HAL-9000" }]);
  expect(unknownVoice.result?.error?.fieldErrors?.defaultVoice).toEqual(["Pick one of the listed voices."]);
  const withUserId = await replayServerAction(bApi, action, [{ ...valid, userId: a.account.id }]);
  expect(JSON.stringify(withUserId.result?.error?.fieldErrors)).toContain("userId");

  await test.step("a valid replay changes only B's own preferences", async () => {
    const reply = await replayServerAction(bApi, action, [valid]);
    expect(reply.result?.ok, reply.text).toBe(true);
    expect(reply.result?.data).toMatchObject(valid);
    await b.page.reload();
    await bSettings.expectShown({ voice: "Fenrir", camera: true, mic: true });
  });

  await test.step("A's stored preferences are unchanged", async () => {
    await a.page.reload();
    await aSettings.expectShown(A_PREFS);
  });

  await test.step("without a session the action is refused", async () => {
    const anonymous = await request.newContext({ baseURL: APP_BASE_URL });
    const reply = await replayServerAction(anonymous, action, [valid]);
    await anonymous.dispose();
    // The proxy sends a visitor without a session cookie to sign in before the action runs.
    expect(reply.status).toBe(307);
    expect(reply.result).toBeUndefined();
  });

  await test.step("with a signed-out session cookie the action itself refuses", async () => {
    const signOut = await bApi.post("/api/auth/sign-out", { headers: { origin: APP_BASE_URL }, data: {} });
    expect(signOut.ok(), await signOut.text()).toBe(true);
    // B's old cookie passes the proxy's presence check; the action's own session check stops it.
    const stale = await request.newContext({ baseURL: APP_BASE_URL, storageState: b.account.storageState });
    const reply = await replayServerAction(stale, action, [{ ...valid, defaultVoice: "Orus" }]);
    await stale.dispose();
    expectRefused(reply, "unauthorized:auth");
    expect(reply.result?.error?.message).toBe("Please sign in to continue.");
  });
  await bApi.dispose();

  await a.page.reload();
  await aSettings.expectShown(A_PREFS);
});
