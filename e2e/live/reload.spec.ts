import { expect, test } from "../fixtures/test";
import { SessionsPage } from "../pages/sessions-page";
import { geminiDouble } from "./double";
import { saveTestKey } from "./gemini-key";
import { LivePage } from "./live-page";
import { expectContiguous, storedSession } from "./stored-session";

/*
 * A reload in the middle of a conversation: the page offers to go on with it (same session,
 * the service's resumption handle kept for the tab) or to end it where it stopped.
 */

test.describe.configure({ mode: "serial" });

test.beforeEach(async () => {
  await geminiDouble.reset();
});

async function connections() {
  return (await geminiDouble.received()).connections.filter((c) => c.setup !== null);
}

test("reload mid-conversation → Continue: the same session goes on, resumed with the tab's handle, and its turns keep flowing", async ({ newUser }) => {
  const { page } = await newUser("Live Reload Continue");
  await saveTestKey(page);
  const live = new LivePage(page);
  await live.goto();
  const sessionId = await live.startConversation();
  await live.waitForCompletedAnswers(1);
  await live.waitForTurnsStored();
  const before = (await storedSession(page.request, sessionId)).turns.length;

  await page.reload();
  await expect(live.resumeOffer).toBeVisible();
  await expect(live.resumeOffer).toContainText("Your conversation is still open");
  await live.continueConversation.click();
  await live.expectStatus("live", 20_000);
  await expect(live.resumeOffer).toHaveCount(0);
  expect(await live.sessionId()).toBe(sessionId);

  await live.waitForCompletedAnswers(1);
  await live.muteAndLetAnswersFinish();
  await live.waitForTurnsStored();
  await live.stopConversation();

  const [first, ...later] = await connections();
  const resumed = later.at(-1)!;
  // The service's conversation continues: resumed from a handle the first page was given.
  expect(resumed.resumedFromHandle).toEqual(expect.any(String));
  expect(resumed.conversationId).toBe(first!.conversationId);
  expect(resumed.turnsCompleted).toBeGreaterThanOrEqual(1);

  const stored = await storedSession(page.request, sessionId);
  expect(stored.session.status).toBe("ENDED");
  expect(stored.turns.length).toBeGreaterThan(before);
  expectContiguous(stored.turns);
  // Offsets go on from the first page's clock: the lines stay in time order.
  const starts = stored.turns.map((turn) => turn.startOffsetMs ?? 0);
  expect(starts).toEqual([...starts].sort((a, b) => a - b));
});

test("reload → End it: the conversation ends where it stopped, and Sessions shows it ended with its real length", async ({ newUser }) => {
  const { page } = await newUser("Live Reload End");
  await saveTestKey(page);
  const live = new LivePage(page);
  await live.goto();
  const startedAt = Date.now();
  const sessionId = await live.startConversation();
  await live.waitForCompletedAnswers(1);
  await live.waitForTurnsStored();
  const talkedSeconds = (Date.now() - startedAt) / 1000;

  await page.reload();
  await expect(live.resumeOffer).toBeVisible();
  // Someone comes back to the tab a while later.
  await page.waitForTimeout(8_000);
  await live.endPrevious.click();
  await live.expectStatus("ended", 20_000);
  await expect(live.resumeOffer).toHaveCount(0);

  const stored = await storedSession(page.request, sessionId);
  expect(stored.session.status).toBe("ENDED");
  expect(stored.session.totalDurationSeconds).toBeGreaterThan(0);
  expect(stored.session.totalDurationSeconds).toBeLessThanOrEqual(Math.ceil(talkedSeconds) + 4);

  // Another reload offers nothing: the tab no longer holds it.
  await page.reload();
  await expect(live.start).toBeVisible();
  await expect(live.resumeOffer).toHaveCount(0);

  const sessions = new SessionsPage(page);
  await sessions.goto();
  await expect(sessions.row(sessionId)).toHaveAttribute("data-status", "ENDED");
  await expect(sessions.row(sessionId)).toContainText("Ended");
  await expect(sessions.row(sessionId)).toContainText(`${stored.session.totalDurationSeconds} s`);
});
