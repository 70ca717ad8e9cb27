import { expect, test } from "../fixtures/test";
import { ReplayPage } from "../pages/replay-page";
import { APP_PORT } from "../support/ports";
import { OwnAppServer, signedInContext } from "./app-server";
import { geminiDouble } from "./double";
import { saveTestKey } from "./gemini-key";
import { LivePage } from "./live-page";
import { setRecording } from "./recording";
import { storedSession } from "./stored-session";

/* A recorded conversation through an app server outage: the recording comes out whole. */

test.beforeEach(async () => {
  await geminiDouble.reset();
});

test("the app server down for ~10 s mid-conversation: every recorded segment is stored and the replay's audio covers the whole talk", async ({ browser }) => {
  // Its own server, started twice, and a conversation of a minute or more.
  test.setTimeout(480_000);
  const server = new OwnAppServer(APP_PORT + 2);
  try {
    await server.start();
    const context = await signedInContext(browser, server, "Recording Outage");
    const page = await context.newPage();
    await saveTestKey(page);
    await setRecording(page, { audio: true, frames: false });
    const live = new LivePage(page);
    await live.goto();
    const sessionId = await live.startConversation();
    await live.waitForCompletedAnswers(1, 120_000);
    await live.waitForTurnsStored(90_000);

    // Down for about ten seconds (plus the restart): three or more 3 s segments are recorded meanwhile.
    await server.kill();
    await page.waitForTimeout(10_000);
    await live.expectStatus("live");
    await server.start();

    await live.waitForTurnsStored(90_000);
    const answered = await live.turn("model", { final: true, interrupted: false }).count();
    await live.waitForCompletedAnswers(answered + 1, 120_000);
    await live.waitForTurnsStored(90_000);
    await live.stopConversation();

    const stored = await storedSession(page.request, sessionId);
    const lastLine = stored.turns.at(-1)!;
    expect(lastLine.startOffsetMs).not.toBeNull();
    const replay = new ReplayPage(page);
    // Segments still waiting when Stop gave up waiting arrive from the queue's next retry.
    await expect
      .poll(
        async () => {
          await replay.goto(sessionId);
          const start = Number(await replay.player.getAttribute("data-session-ms"));
          const duration = Number(await replay.player.getAttribute("data-duration-ms"));
          return start + duration >= lastLine.endOffsetMs! - 3000 && (await replay.gaps.count()) === 0;
        },
        { timeout: 90_000, intervals: [2000] },
      )
      .toBe(true);

    // The last line, said after the outage, is in the recording: opened there, the player is there and plays on.
    await replay.goto(sessionId, { turn: lastLine.sequenceNumber });
    await expect.poll(async () => (await replay.moment()).sessionMs).toBe(lastLine.startOffsetMs!);
    await replay.play.click();
    await expect.poll(async () => (await replay.moment()).sessionMs, { timeout: 15_000 }).toBeGreaterThan(lastLine.startOffsetMs! + 500);

    // HEAD tells the recording's length, as a ranged GET does.
    const ranged = await page.request.get(`/api/sessions/${sessionId}/media/audio`, { headers: { range: "bytes=0-0" } });
    const size = /\/(\d+)$/.exec(ranged.headers()["content-range"] ?? "")?.[1];
    const head = await page.request.head(`/api/sessions/${sessionId}/media/audio`);
    expect(head.status()).toBe(200);
    expect(head.headers()["content-length"]).toBe(size);
    await context.close();
  } finally {
    await server.dispose();
  }
});
