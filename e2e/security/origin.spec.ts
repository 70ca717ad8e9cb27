import { expect, test } from "../fixtures/test";
import { SettingsPage } from "../pages/settings-page";
import { captureServerAction } from "../support/server-action";
import { APP_BASE_URL, APP_PORT } from "../support/ports";

/*
 * A state-changing request must come from our own pages. Another port on localhost is the same
 * *site* (cookies go along) but not the same *origin*: it is refused with a clear 403, for route
 * handlers and server actions alike. The browser-driven case (a page on another port posting a
 * turn into an open conversation) is in e2e/live/foreign-origin.spec.ts, where conversations run.
 */

const foreignOrigin = `http://localhost:${APP_PORT + 1}`;

test("a route handler refuses a write from another origin or site, before reading it", async ({ newUser }) => {
  const { page } = await newUser("Origin route");
  const path = `/api/live/sessions/${crypto.randomUUID()}/turns`;
  const body = JSON.stringify({ turns: [] });

  const foreign = await page.request.post(path, { headers: { origin: foreignOrigin, "content-type": "text/plain" }, data: body });
  expect(foreign.status()).toBe(403);
  expect(await foreign.json()).toEqual({ code: "forbidden:origin", message: expect.stringMatching(/another site/i) });

  const crossSite = await page.request.post(path, { headers: { "sec-fetch-site": "same-site", "content-type": "text/plain" }, data: body });
  expect(crossSite.status()).toBe(403);

  // Our own origin gets past the check to the handler's own answer (an unknown conversation).
  const own = await page.request.post(path, { headers: { origin: APP_BASE_URL, "sec-fetch-site": "same-origin" }, data: JSON.stringify({ turns: [{ sequenceNumber: 0, sender: "user", text: "hi", startOffsetMs: 0, endOffsetMs: 1, latencyMs: null, interrupted: false, inputTokens: null, outputTokens: null }] }) });
  expect(own.status()).toBe(404);
});

test("a server action from another origin answers a clear 403, not a framework 500", async ({ newUser }) => {
  const { page } = await newUser("Origin action");
  const settings = new SettingsPage(page);
  await settings.goto();
  await settings.set({ voice: "Kore", camera: true, mic: true });
  const action = await captureServerAction(page, () => settings.save.click());
  await expect(page.getByText("Settings saved")).toBeVisible();

  const replay = await page.request.post(action.url, {
    headers: { "next-action": action.actionId, "content-type": action.headers["content-type"] ?? "text/plain;charset=UTF-8", accept: "text/x-component", origin: foreignOrigin },
    data: action.body,
    maxRedirects: 0,
  });
  expect(replay.status()).toBe(403);
  expect(await replay.json()).toMatchObject({ code: "forbidden:origin" });
});
