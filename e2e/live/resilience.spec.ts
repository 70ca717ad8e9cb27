import { expect, test } from "../fixtures/test";
import { APP_PORT } from "../support/ports";
import { OwnAppServer, signedInContext } from "./app-server";
import { geminiDouble } from "./double";
import { saveTestKey } from "./gemini-key";
import { LivePage } from "./live-page";
import { expectContiguous, expectMatchesDouble, storedSession } from "./stored-session";

/* Conversations that outlive a connection, the app server, or the page: no turn is lost. */

test.describe.configure({ mode: "serial" });

test.beforeEach(async () => {
  await geminiDouble.reset();
});

/** What the double did over all the connections of this test. */
async function doubleTotals() {
  const { connections } = await geminiDouble.received();
  return {
    connections,
    userTurns: connections.reduce((sum, c) => sum + c.userTurns, 0),
    turnsCompleted: connections.reduce((sum, c) => sum + c.turnsCompleted, 0),
  };
}

/** Waits for the next answer to finish: the quiet moment in the WAV's loop to stop or reload in. */
async function nextCompletedAnswer(live: LivePage, timeout = 30_000) {
  const done = await live.turn("model", { final: true, interrupted: false }).count();
  await live.waitForCompletedAnswers(done + 1, timeout);
}

test("goAway: the client resumes with the handle and the conversation goes on with no turn lost", async ({ newUser }) => {
  await geminiDouble.script({ goAwayAfterTurns: 1 });
  const { page } = await newUser("Live GoAway");
  await saveTestKey(page);
  const live = new LivePage(page);
  await live.goto();
  const sessionId = await live.startConversation();

  await live.waitForCompletedAnswers(2);
  await expect.poll(async () => (await live.counters()).resumptions).toBeGreaterThanOrEqual(1);
  await live.expectStatus("live");
  await live.waitForTurnsStored();
  await live.stopConversation();

  const totals = await doubleTotals();
  const [first, second] = totals.connections;
  expect(first!.goAwaysSent).toBe(1);
  expect(second!.resumedFromHandle).toEqual(expect.any(String));
  expect(second!.conversationId).toBe(first!.conversationId);
  // The answer after the resume came on the resumed connection.
  expect(second!.turnsCompleted).toBeGreaterThanOrEqual(1);

  const stored = await storedSession(page.request, sessionId);
  expect(stored.session.status).toBe("ENDED");
  expectContiguous(stored.turns);
  expectMatchesDouble(stored.turns, totals);
  expect(stored.analytics?.metadata.resumptions).toBeGreaterThanOrEqual(1);
});

test("the app server killed and restarted mid-conversation: the turn finished meanwhile is stored once", async ({ browser }) => {
  test.setTimeout(180_000);
  const server = new OwnAppServer(APP_PORT + 1);
  try {
    await server.start();
    const context = await signedInContext(browser, server, "Live Restart");
    const page = await context.newPage();
    await saveTestKey(page);
    const live = new LivePage(page);
    await live.goto();
    const sessionId = await live.startConversation();
    await live.waitForCompletedAnswers(1);
    await live.waitForTurnsStored();
    const storedBefore = (await live.counters()).turnsAcknowledged;

    await server.kill();
    // The conversation goes on against the live service; its turns cannot be stored now.
    await nextCompletedAnswer(live);
    await expect.poll(async () => (await live.counters()).turnsPending).toBeGreaterThan(0);
    await live.expectStatus("live");

    await server.start();
    // The queue's retry delivers what waited, once.
    await live.waitForTurnsStored(45_000);
    expect((await live.counters()).turnsAcknowledged).toBeGreaterThan(storedBefore);
    await nextCompletedAnswer(live);
    await live.waitForTurnsStored();
    await live.stopConversation();

    const stored = await storedSession(page.request, sessionId);
    expect(stored.session.status).toBe("ENDED");
    expectContiguous(stored.turns);
    expectMatchesDouble(stored.turns, await doubleTotals());
    await context.close();
  } finally {
    await server.dispose();
  }
});

test("a reload mid-conversation: turns the page could not deliver are sent from IndexedDB afterwards", async ({ newUser }) => {
  const { page, context } = await newUser("Live Reload");
  await saveTestKey(page);
  const live = new LivePage(page);
  await live.goto();
  const sessionId = await live.startConversation();
  await live.waitForCompletedAnswers(1);
  await live.waitForTurnsStored();
  const acknowledged = (await live.counters()).turnsAcknowledged;

  // The turns endpoint is unreachable for a while: the next turns wait in IndexedDB.
  const turnsRoute = "**/api/live/sessions/*/turns";
  await context.route(turnsRoute, (route) => route.abort("connectionrefused"));
  await nextCompletedAnswer(live);
  await expect.poll(async () => (await live.counters()).turnsPending).toBeGreaterThan(0);
  const shown = await live.turns.count();

  // Reloaded while still unreachable (the pagehide beacon, if intercepted, and the first recovery fail too)…
  await page.reload();
  await expect(live.start).toBeVisible();
  expect((await storedSession(page.request, sessionId)).turns.length).toBeGreaterThanOrEqual(acknowledged);
  // …then reachable again: the next page load sends what the first page left behind.
  await context.unroute(turnsRoute);
  await page.reload();
  await expect.poll(async () => (await storedSession(page.request, sessionId)).turns.length, { timeout: 20_000 }).toBe(shown);

  const stored = await storedSession(page.request, sessionId);
  expectContiguous(stored.turns);
  expectMatchesDouble(stored.turns, await doubleTotals());
});
