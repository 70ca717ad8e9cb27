import { request } from "@playwright/test";
import { DEFAULT_INPUT_TRANSCRIPT, DEFAULT_REPLY_TEXT } from "../gemini-double/constants";
import type { CreatedAccount } from "../fixtures/accounts";
import { expect, test, type SignedInUser } from "../fixtures/test";
import { ReplayPage, type ReplayLine, type ReplayMoment } from "../pages/replay-page";
import { APP_BASE_URL } from "../support/ports";
import { geminiDouble } from "./double";
import { saveTestKey } from "./gemini-key";
import { LivePage } from "./live-page";
import { setRecording } from "./recording";
import { storedSession } from "./stored-session";
import { turnMemoryOff } from "../sessions/conversations";

/*
 * Replay of conversations held in Chromium with the Gemini Live test double: one recorded
 * (microphone and companion mixed, camera frames) and one transcript only.
 */

test.describe.configure({ mode: "serial" });

// The recorded conversation of the first test, for the cross-user test after it.
let recorded: { owner: CreatedAccount; sessionId: string } | undefined;

test.beforeEach(async () => {
  await geminiDouble.reset();
});

/** Holds a conversation until the companion has answered `answers` times, then stops it. */
async function holdConversation(page: SignedInUser["page"], { camera, answers }: { camera: boolean; answers: number }): Promise<string> {
  const live = new LivePage(page);
  await live.goto();
  await live.setCamera(camera);
  const sessionId = await live.startConversation();
  await live.waitForCompletedAnswers(answers);
  await live.waitForTurnsStored();
  await live.stopConversation();
  return sessionId;
}

/** The line the clock points at: the last that has started. */
function lineAt(lines: ReplayLine[], sessionMs: number): number {
  let found = -1;
  for (const line of lines) {
    if (line.offsetMs === null) continue;
    if (line.offsetMs <= sessionMs) found = line.index;
    else break;
  }
  return found;
}

test("a recorded conversation replays: audio plays, the lit line follows it, lines seek, speed and frames work", async ({ newUser }) => {
  const owner = await newUser("Replay Owner");
  const { page } = owner;
  await saveTestKey(page);
  // The title asserted below is the first line: with memory on, the job retitles the conversation.
  await turnMemoryOff(page);
  await setRecording(page, { audio: true, frames: true });
  const sessionId = await holdConversation(page, { camera: true, answers: 2 });
  recorded = { owner: owner.account, sessionId };
  const stored = await storedSession(page.request, sessionId);

  const replay = new ReplayPage(page);
  await replay.goto(sessionId);
  await expect(replay.title).toHaveText(DEFAULT_INPUT_TRANSCRIPT);
  await expect(page.getByTestId("replay-turn-count")).toHaveText(String(stored.turns.length));
  await expect(page.getByTestId("replay-status")).toHaveText("Ended");
  await expect(replay.lines).toHaveCount(stored.turns.length);
  await expect(replay.lines.filter({ hasText: DEFAULT_INPUT_TRANSCRIPT }).first()).toBeVisible();
  await expect(replay.lines.filter({ hasText: DEFAULT_REPLY_TEXT }).first()).toBeVisible();
  await expect(page.locator('[data-testid="replay-turn"][data-sender="model"]').first().getByTestId("replay-latency")).toBeVisible();
  const lines = await replay.readLines();
  expect(lines.map((line) => line.sequence)).toEqual(stored.turns.map((turn) => turn.sequenceNumber));
  expect(lines.every((line) => line.offsetMs !== null)).toBe(true);

  // The audio route streams the whole recording with byte ranges.
  const first = await page.request.get(`/api/sessions/${sessionId}/media/audio`, { headers: { range: "bytes=0-3" } });
  expect(first.status()).toBe(206);
  expect(first.headers()["content-type"]).toMatch(/^audio\/webm/);
  expect(first.headers()["accept-ranges"]).toBe("bytes");
  // Only the first segment opens the WebM container: the whole is one stream.
  expect([...(await first.body())]).toEqual([0x1a, 0x45, 0xdf, 0xa3]);
  const size = Number(/\/(\d+)$/.exec(first.headers()["content-range"] ?? "")?.[1]);
  expect(size).toBeGreaterThan(1000);
  const tail = await page.request.get(`/api/sessions/${sessionId}/media/audio`, { headers: { range: "bytes=100-" } });
  expect(tail.status()).toBe(206);
  expect(tail.headers()["content-range"]).toBe(`bytes 100-${size - 1}/${size}`);
  expect((await tail.body()).byteLength).toBe(size - 100);

  // A camera frame of the conversation is on screen, loaded.
  await expect(replay.frame).toBeVisible();
  await expect.poll(() => replay.frame.evaluate((image) => (image as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);

  // Playing advances the player's clock.
  await replay.play.click();
  await replay.expectPlaying(true);
  await expect.poll(async () => (await replay.moment()).recordingMs, { timeout: 15_000 }).toBeGreaterThan(1500);

  // Paused at a line's start (by the seek bar), that line is lit.
  await replay.play.click();
  await replay.expectPlaying(false);
  const start = await replay.moment();
  const recordingStartMs = start.sessionMs - start.recordingMs;
  // A line inside the recording whose next line starts well after it (an answer, then the next question).
  const target = lines.find((line) => {
    const after = lines[line.index + 1];
    return line.offsetMs! >= recordingStartMs + 500 && after !== undefined && after.offsetMs! - line.offsetMs! >= 2000;
  })!;
  expect(target, `a line with a gap after it in ${JSON.stringify(lines)}`).toBeDefined();
  const next = lines[target.index + 1]!;
  await replay.seekTo(target.offsetMs! - recordingStartMs + 50);
  await expect.poll(async () => (await replay.moment()).activeIndex).toBe(target.index);

  // Played from just before the next line, the light moves on once the clock passes its start
  // (to it, or to a line that starts right after it).
  await replay.seekTo(next.offsetMs! - recordingStartMs - 1500);
  await expect.poll(async () => (await replay.moment()).activeIndex).toBe(target.index);
  await replay.play.click();
  const samples: ReplayMoment[] = [];
  await expect
    .poll(
      async () => {
        const moment = await replay.moment();
        samples.push(moment);
        return moment.activeIndex;
      },
      { timeout: 15_000, intervals: [200] },
    )
    .toBeGreaterThanOrEqual(next.index);
  // Every moment sampled while playing lit the line the clock pointed at: the target line until
  // the next one's start, then the next.
  for (const moment of samples) expect(moment.activeIndex, JSON.stringify(moment)).toBe(lineAt(lines, moment.sessionMs));
  expect(samples.some((moment) => moment.activeIndex === target.index && moment.playing)).toBe(true);
  expect(samples.at(-1)!.sessionMs).toBeGreaterThanOrEqual(next.offsetMs!);

  // Space pauses and plays.
  await page.keyboard.press("Space");
  await replay.expectPlaying(false);
  await page.keyboard.press("Space");
  await replay.expectPlaying(true);
  await page.keyboard.press("Space");
  await replay.expectPlaying(false);

  // Clicking a line seeks there and lights it.
  const clicked = lines[1]!;
  await replay.line(clicked.index).click();
  await expect(replay.line(clicked.index)).toHaveAttribute("data-active", "true");
  await expect.poll(async () => (await replay.moment()).sessionMs).toBe(Math.max(clicked.offsetMs!, recordingStartMs));

  // ArrowDown / ArrowUp step between lines, seeking with them.
  await page.keyboard.press("ArrowDown");
  await expect(replay.line(clicked.index + 1)).toHaveAttribute("data-active", "true");
  await expect.poll(async () => (await replay.moment()).sessionMs).toBe(lines[clicked.index + 1]!.offsetMs!);
  await page.keyboard.press("ArrowUp");
  await expect(replay.line(clicked.index)).toHaveAttribute("data-active", "true");

  // Speed changes the element's playback rate.
  await replay.speed(1.5).click();
  expect(await replay.playbackRate()).toBe(1.5);
  await expect(replay.speed(1.5)).toHaveAttribute("aria-pressed", "true");
  await replay.speed(2).click();
  expect(await replay.playbackRate()).toBe(2);
  await replay.speed(1).click();
  expect(await replay.playbackRate()).toBe(1);

  // ?turn= opens at that line, lit, in view, with the player there.
  const opened = lines.at(-1)!;
  await replay.goto(sessionId, { turn: opened.sequence });
  await expect(replay.line(opened.index)).toHaveAttribute("data-active", "true");
  await expect(replay.line(opened.index)).toBeInViewport();
  await expect.poll(async () => (await replay.moment()).sessionMs).toBe(opened.offsetMs!);
  await replay.play.click();
  await expect.poll(async () => (await replay.moment()).sessionMs, { timeout: 15_000 }).toBeGreaterThan(opened.offsetMs! + 500);

  // ?t= opens at that moment.
  const t = next.offsetMs! + 100;
  await replay.goto(sessionId, { t });
  await expect(replay.line(lineAt(lines, t))).toHaveAttribute("data-active", "true");
  await expect.poll(async () => (await replay.moment()).sessionMs).toBe(t);
});

test("user B gets a 404 for A's replay page, audio and frames, and cannot add to them", async ({ browser, newUser }) => {
  test.skip(!recorded, "needs the recorded conversation of the test before");
  const { sessionId } = recorded!;
  const ownerContext = await browser.newContext({ storageState: recorded!.owner.storageState });
  const owner = { page: await ownerContext.newPage() };
  const replay = new ReplayPage(owner.page);
  await replay.goto(sessionId);
  const frameId = await replay.frame.getAttribute("data-frame-id");
  expect(frameId).toMatch(/^[0-9a-f-]{36}$/);
  const urls = { page: `/sessions/${sessionId}`, audio: `/api/sessions/${sessionId}/media/audio`, frame: `/api/sessions/${sessionId}/media/frames/${frameId}` };
  expect((await owner.page.request.get(urls.frame)).status()).toBe(200);
  const audioSize = async () => (await owner.page.request.get(urls.audio, { headers: { range: "bytes=0-0" } })).headers()["content-range"];
  const audioBytes = await audioSize();

  const b = await newUser("Replay Intruder");
  await setRecording(b.page, { audio: true, frames: true });
  const response = await b.page.goto(urls.page);
  expect(response?.status()).toBe(404);
  await expect(new ReplayPage(b.page).notFound).toBeVisible();
  await expect(b.page.getByText(DEFAULT_INPUT_TRANSCRIPT)).toHaveCount(0);

  const api = await request.newContext({ baseURL: APP_BASE_URL, storageState: b.account.storageState });
  try {
    for (const [what, call] of [
      ["audio", () => api.get(urls.audio)],
      ["audio, a range", () => api.get(urls.audio, { headers: { range: "bytes=0-99" } })],
      ["audio, HEAD", () => api.head(urls.audio)],
      ["a frame", () => api.get(urls.frame)],
      ["a segment upload", () => api.post(`/api/live/sessions/${sessionId}/media/audio`, { headers: { "content-type": "audio/webm", "x-sequence-number": "999", "x-start-offset-ms": "0" }, data: Buffer.from([1, 2, 3]) })],
      ["a frame upload", () => api.post(`/api/live/sessions/${sessionId}/media/frames`, { headers: { "content-type": "image/jpeg", "x-offset-ms": "0" }, data: Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0]) })],
    ] as const) {
      await test.step(what, async () => {
        const reply = await call();
        expect(reply.status(), await reply.text()).toBe(404);
        expect(reply.headers()["content-type"]).toMatch(/application\/json/);
      });
    }
  } finally {
    await api.dispose();
  }
  // Nothing B tried reached A's recording.
  expect((await owner.page.request.get(urls.frame)).status()).toBe(200);
  expect(await audioSize()).toBe(audioBytes);
  await ownerContext.close();
});

test("a conversation held with recording off replays as a transcript: lines light up on click, no player", async ({ newUser }) => {
  const { page } = await newUser("Replay Transcript");
  await saveTestKey(page);
  const sessionId = await holdConversation(page, { camera: false, answers: 1 });
  const stored = await storedSession(page.request, sessionId);

  const replay = new ReplayPage(page);
  await replay.goto(sessionId);
  await expect(replay.lines).toHaveCount(stored.turns.length);
  await expect(replay.noAudio).toBeVisible();
  await expect(replay.player).toHaveCount(0);
  await expect(replay.frame).toHaveCount(0);
  expect((await page.request.get(`/api/sessions/${sessionId}/media/audio`)).status()).toBe(404);

  await replay.line(1).click();
  await expect(replay.line(1)).toHaveAttribute("data-active", "true");
  await expect(replay.line(0)).toHaveAttribute("data-active", "false");
  await page.keyboard.press("ArrowUp");
  await expect(replay.line(0)).toHaveAttribute("data-active", "true");

  await replay.goto(sessionId, { turn: 1 });
  await expect(replay.line(1)).toHaveAttribute("data-active", "true");
});
