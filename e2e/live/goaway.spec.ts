import { expect, test } from "../fixtures/test";
import { geminiDouble } from "./double";
import { saveTestKey } from "./gemini-key";
import { LivePage } from "./live-page";
import { expectContiguous, storedSession } from "./stored-session";

/*
 * The service ends every connection after a while (about ten minutes) and says so with goAway,
 * often while the model is still answering. The answer must not suffer for it.
 */

test.describe.configure({ mode: "serial" });

test.beforeEach(async () => {
  await geminiDouble.reset();
});

// Long enough to be mid-sentence at the goAway, short enough to end before the WAV speaks again.
const LONG_ANSWER = "This answer goes on for a while, and every word of it must reach you although the connection is going away.";
const LONG_ANSWER_MS = 2500;

async function connections() {
  return (await geminiDouble.received()).connections.filter((c) => c.setup !== null);
}

test("goAway in the middle of an answer: the answer plays and is stored whole, then the talk goes on on a resumed connection", async ({ newUser }) => {
  await geminiDouble.script({
    turns: [{}, { replyText: LONG_ANSWER, replyAudioMs: LONG_ANSWER_MS }],
    goAwayDuringAnswer: { turn: 1, afterMs: 800 },
    goAwayTimeLeft: "20s",
  });
  const { page } = await newUser("Live GoAway Mid");
  await saveTestKey(page);
  const live = new LivePage(page);
  await live.goto();
  const sessionId = await live.startConversation();

  await expect(live.turn("model", { final: true, interrupted: false }).filter({ hasText: LONG_ANSWER })).toHaveCount(1, { timeout: 40_000 });
  await expect.poll(async () => (await live.counters()).resumptions, { timeout: 20_000 }).toBe(1);
  // The next answer comes over the resumed connection.
  await live.waitForCompletedAnswers(3);
  await live.muteAndLetAnswersFinish();
  await expect(live.transcript.getByText("Speaking…")).toHaveCount(0);
  await live.waitForTurnsStored();
  await live.stopConversation();

  const [first, second] = await connections();
  expect(first).toMatchObject({ goAwaysSent: 1, turnsCompleted: 2, closedBy: "client" });
  // Resumed from the state after the long answer, not from before it.
  expect(second!.resumedFromHandle).toBe(first!.lastResumableHandle);
  expect(second!.conversationId).toBe(first!.conversationId);
  expect(second!.turnsCompleted).toBeGreaterThanOrEqual(1);

  const stored = await storedSession(page.request, sessionId);
  expectContiguous(stored.turns);
  const answers = stored.turns.filter((turn) => turn.sender === "model");
  expect(answers[1]).toMatchObject({ text: LONG_ANSWER, interrupted: false });
  expect(answers.every((turn) => !turn.interrupted)).toBe(true);
  expect(stored.analytics?.metadata.resumptions).toBe(1);
});

test("goAway whose timeLeft runs out mid-answer: the cut line is final, marked interrupted and stored so", async ({ newUser }) => {
  await geminiDouble.script({
    turns: [{}, { replyText: LONG_ANSWER, replyAudioMs: LONG_ANSWER_MS }],
    goAwayDuringAnswer: { turn: 1, afterMs: 300 },
    goAwayTimeLeft: "1s",
  });
  const { page } = await newUser("Live GoAway Cut");
  await saveTestKey(page);
  const live = new LivePage(page);
  await live.goto();
  const sessionId = await live.startConversation();

  await expect(live.turn("model", { final: true, interrupted: true })).toHaveCount(1, { timeout: 40_000 });
  await expect.poll(async () => (await live.counters()).resumptions, { timeout: 20_000 }).toBe(1);
  await live.waitForCompletedAnswers(2);
  await live.muteAndLetAnswersFinish();
  await expect(live.transcript.getByText("Speaking…")).toHaveCount(0);
  await live.waitForTurnsStored();
  await live.stopConversation();

  const stored = await storedSession(page.request, sessionId);
  expectContiguous(stored.turns);
  const answers = stored.turns.filter((turn) => turn.sender === "model");
  expect(answers.map((turn) => turn.interrupted)).toEqual([false, true, ...answers.slice(2).map(() => false)]);
  expect(answers[1]!.text.length).toBeGreaterThan(0);
  expect(LONG_ANSWER.startsWith(answers[1]!.text)).toBe(true);
  expect(answers[1]!.text.length).toBeLessThan(LONG_ANSWER.length);
});
