import { DEFAULT_INPUT_TRANSCRIPT, DEFAULT_REPLY_TEXT } from "../gemini-double/constants";
import { expect, test } from "../fixtures/test";
import { geminiDouble } from "./double";
import { saveTestKey } from "./gemini-key";
import { LivePage } from "./live-page";
import { expectContiguous, expectMatchesDouble, storedSession } from "./stored-session";

/*
 * A conversation in Chromium with the fake microphone (a WAV that says DEFAULT_INPUT_TRANSCRIPT
 * on a 7.4 s loop) and the fake camera, against the Gemini Live test double.
 */

test.describe.configure({ mode: "serial" });

test.beforeEach(async () => {
  await geminiDouble.reset();
});

test("a spoken conversation with the camera on is heard, answered, played and stored in order", async ({ newUser }) => {
  const { page } = await newUser("Live Happy");
  await saveTestKey(page);
  const live = new LivePage(page);
  await live.goto();
  await live.expectStatus("idle");
  await live.setCamera(true);

  const sessionId = await live.startConversation();
  await expect(page.getByTestId("live-preview")).toBeVisible();

  // What the user said, as the service transcribed it, then the companion's answer.
  await expect(live.turn("user", { final: true }).first()).toContainText(DEFAULT_INPUT_TRANSCRIPT, { timeout: 30_000 });
  await expect(live.turn("model", { final: true }).first()).toContainText(DEFAULT_REPLY_TEXT, { timeout: 20_000 });
  await live.waitForCompletedAnswers(2);

  const counters = await live.counters();
  expect(counters.audioChunksSent).toBeGreaterThan(0);
  expect(counters.audioChunksReceived).toBeGreaterThan(0);
  expect(counters.playedMs).toBeGreaterThan(0);
  expect(counters.videoFramesSent).toBeGreaterThan(0);

  await live.muteAndLetAnswersFinish();
  await live.waitForTurnsStored();
  await live.stopConversation();

  const received = await geminiDouble.received();
  expect(received.connections).toHaveLength(1);
  const [connection] = received.connections;
  expect(connection).toMatchObject({ auth: "token", apiVersion: "v1alpha", closedBy: "client" });
  expect(connection!.audioMimeTypes).toEqual(["audio/pcm;rate=16000"]);
  // The camera's frames reached the service.
  expect(connection!.videoFrames).toBeGreaterThan(0);
  expect(connection!.videoMimeTypes).toEqual(["image/jpeg"]);

  const stored = await storedSession(page.request, sessionId);
  expect(stored.session).toMatchObject({ id: sessionId, status: "ENDED", cameraEnabled: true, lastErrorMessage: null });
  expect(stored.session.endedAt).not.toBeNull();
  expectContiguous(stored.turns);
  expect(stored.turns.map((turn) => turn.sender)).toEqual(stored.turns.map((_, index) => (index % 2 === 0 ? "user" : "model")));
  expectMatchesDouble(stored.turns, { userTurns: connection!.userTurns, turnsCompleted: connection!.turnsCompleted });
  for (const turn of stored.turns) {
    if (turn.sender === "user") {
      expect(turn).toMatchObject({ text: DEFAULT_INPUT_TRANSCRIPT, transcriptionType: "input", latencyMs: null });
    } else {
      expect(turn).toMatchObject({ text: DEFAULT_REPLY_TEXT, transcriptionType: "output", interrupted: false });
      expect(turn.latencyMs).toBeGreaterThan(0);
      expect(turn.outputTokens).toBeGreaterThan(0);
    }
  }

  const modelTurns = stored.turns.filter((turn) => turn.sender === "model");
  expect(stored.analytics).toMatchObject({
    userMessageCount: stored.turns.length - modelTurns.length,
    modelMessageCount: modelTurns.length,
    interruptionCount: 0,
    errorCount: 0,
    tokensOut: modelTurns.reduce((sum, turn) => sum + (turn.outputTokens ?? 0), 0),
  });
  // The browser's count of frames sent, stored at Stop, is what the service received.
  expect(stored.analytics!.videoFrameCount).toBe(connection!.videoFrames);
  expect(stored.analytics!.responseTimeMeanMs).toBeGreaterThan(0);
  expect(stored.analytics!.audioSeconds).toBeGreaterThan(0);
});

test("speaking over a long answer interrupts it: marked on screen, stored with what was heard", async ({ newUser }) => {
  // The first answer lasts 6 s, so the WAV's next loop of speech (7.4 s later) talks over it.
  const LONG_REPLY_MS = 6000;
  await geminiDouble.script({ turns: [{ replyAudioMs: LONG_REPLY_MS }] });
  const { page } = await newUser("Live Interrupt");
  await saveTestKey(page);
  const live = new LivePage(page);
  await live.goto();
  const sessionId = await live.startConversation();

  await expect(live.turn("model", { final: true, interrupted: true })).toHaveCount(1, { timeout: 40_000 });
  await expect(live.turn("model", { final: true, interrupted: true }).getByText("Interrupted")).toBeVisible();
  // The next answer is a short one and completes.
  await live.waitForCompletedAnswers(1);
  const counters = await live.counters();
  expect(counters.playedMs).toBeLessThan(counters.scheduledMs + 1);
  await live.waitForTurnsStored();
  await live.stopConversation();

  const [connection] = (await geminiDouble.received()).connections;
  expect(connection!.interruptions).toBe(1);

  const stored = await storedSession(page.request, sessionId);
  expectContiguous(stored.turns);
  expectMatchesDouble(stored.turns, connection!);
  expect(stored.turns.map((turn) => [turn.sender, turn.interrupted])).toEqual([
    ["user", false],
    ["model", true],
    ["user", false],
    ["model", false],
  ]);
  const interrupted = stored.turns[1]!;
  expect(interrupted.heardMs).toBeGreaterThan(0);
  expect(interrupted.heardMs).toBeLessThan(LONG_REPLY_MS);
  expect(interrupted.text.length).toBeGreaterThan(0);
  expect(stored.analytics).toMatchObject({ interruptionCount: 1, userMessageCount: 2, modelMessageCount: 2 });
});

test("the last words of the user's transcription arriving after the answer began stay on the user's line", async ({ newUser }) => {
  await geminiDouble.script({ lateInputFragments: 1 });
  const { page } = await newUser("Live Late Words");
  await saveTestKey(page);
  const live = new LivePage(page);
  await live.goto();
  const sessionId = await live.startConversation();

  await live.waitForCompletedAnswers(2);
  await expect(live.turn("user", { final: true }).first()).toContainText(DEFAULT_INPUT_TRANSCRIPT);
  await live.muteAndLetAnswersFinish();
  await live.waitForTurnsStored();
  await live.stopConversation();

  const [connection] = (await geminiDouble.received()).connections;
  const stored = await storedSession(page.request, sessionId);
  expectContiguous(stored.turns);
  expectMatchesDouble(stored.turns, connection!);
  expect(stored.turns.map((turn) => turn.sender)).toEqual(stored.turns.map((_, index) => (index % 2 === 0 ? "user" : "model")));
  for (const turn of stored.turns.filter((t) => t.sender === "user")) expect(turn.text).toBe(DEFAULT_INPUT_TRANSCRIPT);
});
