import { expect, test } from "../fixtures/test";
import { SessionsPage } from "../pages/sessions-page";
import { saveTestKey } from "../live/gemini-key";
import { captureServerAction, replayServerAction } from "../support/server-action";
import { holdLiveConversation, storeConversation, turnMemoryOff } from "./conversations";

// Each test first holds a real conversation on the Live page (about 5 s, more on a busy machine).
test.describe.configure({ timeout: 120_000 });

/*
 * Another user's conversation is invisible: its exports answer 404 and the rename and delete
 * actions, captured from B's own browser and sent again with A's id, answer not_found and
 * change nothing.
 */

test("user B can neither export, rename, delete nor find user A's conversation", async ({ newUser }) => {
  const alice = await newUser("History Owner");
  const bob = await newUser("History Intruder");
  // A's title is asserted as its first line: with memory on, the job would retitle it.
  await turnMemoryOff(alice.page);
  await turnMemoryOff(bob.page);
  const { actions } = await holdLiveConversation(alice.page);
  const aliceId = await storeConversation(alice.page.request, actions, { lines: ["My private diary about zeppelins"] });
  await saveTestKey(bob.page);
  const bobId = await storeConversation(bob.page.request, actions, { lines: ["Bob's own question"] });

  await test.step("exports of A's conversation are 404 for B", async () => {
    for (const path of [`/api/sessions/${aliceId}/export?format=json`, `/api/sessions/${aliceId}/export?format=md`]) {
      const response = await bob.page.request.get(path);
      expect(response.status(), path).toBe(404);
      expect(await response.json()).toEqual({ code: "not_found:session", message: "That conversation does not exist." });
    }
    const all = await (await bob.page.request.get("/api/sessions/export")).text();
    expect(all).not.toContain(aliceId);
    expect(all).not.toContain("zeppelins");
    expect((await bob.page.request.get("/api/sessions/not-a-uuid/export?format=json")).status()).toBe(404);
    expect((await alice.page.request.get(`/api/sessions/${aliceId}/export?format=pdf`)).status()).toBe(400);
  });

  await test.step("A's conversation is not in B's list or search", async () => {
    const list = await (await bob.page.request.get("/api/sessions")).json();
    expect(JSON.stringify(list)).not.toContain(aliceId);
    const search = await (await bob.page.request.get("/api/sessions/search?q=zeppelins")).json();
    expect(search).toEqual({ items: [], nextCursor: null });
  });

  const bobSessions = new SessionsPage(bob.page);
  await bobSessions.goto();
  const rename = await captureServerAction(bob.page, () => bobSessions.rename(bobId, "Mine"));
  expect(JSON.parse(rename.body)).toEqual([{ sessionId: bobId, title: "Mine" }]);
  await bobSessions.askToDelete(bobId);
  const remove = await captureServerAction(bob.page, () => bobSessions.confirm());
  expect(JSON.parse(remove.body)).toEqual([{ sessionIds: [bobId], forgetMemories: true }]);

  await test.step("B's rename and delete actions sent with A's id answer not_found", async () => {
    const renamed = await replayServerAction(bob.page.request, rename, [{ sessionId: aliceId, title: "Stolen" }]);
    expect(renamed.result).toMatchObject({ ok: false, error: { code: "not_found:session" } });
    const deleted = await replayServerAction(bob.page.request, remove, [{ sessionIds: [aliceId], forgetMemories: true }]);
    expect(deleted.result).toMatchObject({ ok: false, error: { code: "not_found:session" } });
    const tampered = await replayServerAction(bob.page.request, rename, [{ sessionId: aliceId, title: "x", userId: alice.account.id }]);
    expect(tampered.result).toMatchObject({ ok: false, error: { code: "bad_request:input" } });
  });

  await test.step("A's conversation is unchanged", async () => {
    const aliceSessions = new SessionsPage(alice.page);
    await aliceSessions.goto();
    await expect(aliceSessions.title(aliceId)).toHaveText("My private diary about zeppelins");
    const stored = await alice.page.request.get(`/api/live/sessions/${aliceId}`);
    expect(stored.status()).toBe(200);
  });
});
