import { expect, test } from "../fixtures/test";
import { captureServerAction, replayServerAction } from "../support/server-action";
import { geminiDouble } from "./double";
import { saveTestKey } from "./gemini-key";
import { LivePage } from "./live-page";
import { expectContiguous, storedSession } from "./stored-session";

test.describe.configure({ mode: "serial" });

test.beforeEach(async () => {
  await geminiDouble.reset();
});

test("the service closing with 1011 shows a plain message and Retry; stored as ERROR; Retry starts a new conversation that works", async ({ newUser }) => {
  await geminiDouble.script({ closeWith: { code: 1011, reason: "Internal error encountered.", afterTurns: 1 } });
  const { page } = await newUser("Live Error");
  await saveTestKey(page);
  const live = new LivePage(page);
  await live.goto();
  const failedId = await live.startConversation();

  await live.expectStatus("error", 30_000);
  await expect(live.error).toContainText("The live service had an internal problem and ended the conversation.");
  await expect(live.retry).toBeVisible();
  // The one answer before the close is kept.
  await expect(live.turn("model", { final: true })).toHaveCount(1);

  await expect.poll(async () => (await storedSession(page.request, failedId)).session.status).toBe("ERROR");
  const failed = await storedSession(page.request, failedId);
  expect(failed.session.lastErrorMessage).toContain("internal problem");
  expect(failed.session.endedAt).not.toBeNull();
  expectContiguous(failed.turns);
  expect(failed.turns.map((turn) => turn.sender)).toEqual(["user", "model"]);
  expect(failed.analytics).toMatchObject({ errorCount: 1, userMessageCount: 1, modelMessageCount: 1 });

  // The service is well again.
  await geminiDouble.script({});
  await live.retry.click();
  await live.expectStatus("live", 20_000);
  await expect(live.error).toHaveCount(0);
  const retriedId = await live.sessionId();
  expect(retriedId).not.toBe(failedId);
  await live.waitForCompletedAnswers(2);
  await live.waitForTurnsStored();
  await live.stopConversation();

  const retried = await storedSession(page.request, retriedId);
  expect(retried.session).toMatchObject({ status: "ENDED", lastErrorMessage: null });
  expectContiguous(retried.turns);
  expect(retried.turns.filter((turn) => turn.sender === "model").length).toBeGreaterThanOrEqual(1);
  expect(retried.analytics?.errorCount).toBe(0);
});

test("another user can neither read, append to nor end someone's conversation", async ({ newUser }) => {
  const alice = await newUser("Live Owner");
  const bob = await newUser("Live Intruder");
  await saveTestKey(alice.page);
  await saveTestKey(bob.page);
  const aliceLive = new LivePage(alice.page);
  await aliceLive.goto();
  const aliceSession = await aliceLive.startConversation();

  // Bob's own Stop, captured, is the end action he will aim at Alice's conversation.
  const bobLive = new LivePage(bob.page);
  await bobLive.goto();
  await bobLive.startConversation();
  const endAction = await captureServerAction(bob.page, () => bobLive.stop.click());
  await bobLive.expectStatus("ended", 20_000);

  const read = await bob.page.request.get(`/api/live/sessions/${aliceSession}`);
  expect(read.status()).toBe(404);
  expect(await read.json()).toEqual({ code: "not_found:session", message: "That conversation does not exist." });

  const turn = { sequenceNumber: 999, sender: "user", text: "not mine", startOffsetMs: 0, endOffsetMs: 10, latencyMs: null, interrupted: false, inputTokens: null, outputTokens: null };
  const append = await bob.page.request.post(`/api/live/sessions/${aliceSession}/turns`, { data: { turns: [turn] } });
  expect(append.status()).toBe(404);
  expect((await append.json()).code).toBe("not_found:session");

  const [args] = JSON.parse(endAction.body) as [Record<string, unknown>];
  const ended = await replayServerAction(bob.page.request, endAction, [{ ...args, sessionId: aliceSession }]);
  expect(ended.result).toMatchObject({ ok: false, error: { code: "not_found:session" } });

  // Alice's conversation is untouched and still running.
  await aliceLive.expectStatus("live");
  const stored = await storedSession(alice.page.request, aliceSession);
  expect(stored.session.status).toBe("ACTIVE");
  expect(stored.turns.map((t) => t.text)).not.toContain("not mine");
  await aliceLive.stopConversation();
  expect((await storedSession(alice.page.request, aliceSession)).session.status).toBe("ENDED");
});
