import type { Page } from "@playwright/test";
import { TEST_GEMINI_KEY } from "../gemini-double/constants";
import { expect, test } from "../fixtures/test";
import { geminiDouble } from "./double";
import { saveTestKey, submitGeminiKey } from "./gemini-key";
import { LivePage } from "./live-page";

test.describe.configure({ mode: "serial" });

test.beforeEach(async () => {
  await geminiDouble.reset();
});

/** Shaped like a key, but the double does not know it. */
const WRONG_KEY = "AIzaSyWrong-Key-Nobody-Issued-Ever-4242";

/** Everything the browser sees from the server and from the live service, as text. */
function recordWhatTheBrowserSees(page: Page) {
  const bodies: Promise<string>[] = [];
  const sockets: string[] = [];
  page.on("response", (response) => {
    bodies.push(
      response.body().then(
        (body) => `${response.url()}\n${JSON.stringify(response.headers())}\n${body.toString("utf8")}`,
        // Redirects and aborted requests have no body.
        () => response.url(),
      ),
    );
  });
  page.on("websocket", (socket) => {
    sockets.push(socket.url());
    socket.on("framesent", ({ payload }) => sockets.push(payload.toString()));
    socket.on("framereceived", ({ payload }) => sockets.push(payload.toString()));
  });
  return {
    all: async () => ({ bodies: await Promise.all(bodies), sockets }),
  };
}

test("a wrong key is refused and not kept; the test key is kept showing only its last 4 and never reaches the browser", async ({ newUser }) => {
  const { page } = await newUser("Live Key");
  const seen = recordWhatTheBrowserSees(page);
  const card = page.getByTestId("gemini-key-card");

  await submitGeminiKey(page, WRONG_KEY);
  await expect(card.getByText("That key was rejected by Gemini.", { exact: false })).toBeVisible();
  await expect(page.getByTestId("gemini-key-status")).toHaveText("No key");
  await expect(page.getByTestId("gemini-key-last-four")).toHaveCount(0);
  // Nothing was stored: a fresh page still has no key.
  await page.reload();
  await expect(card).toHaveAttribute("data-key-source", "none");
  await expect(page.getByTestId("gemini-key-last-four")).toHaveCount(0);

  await saveTestKey(page);
  await expect(page.getByTestId("gemini-key-input")).toHaveValue("");
  await page.reload();
  await expect(page.getByTestId("gemini-key-last-four")).toHaveText(TEST_GEMINI_KEY.slice(-4));
  await expect(page.getByTestId("gemini-key-status")).toHaveText("Your key");
  const settingsHtml = await page.content();

  // A whole conversation on that key.
  const live = new LivePage(page);
  await live.goto();
  const liveHtml = await page.content();
  await live.startConversation();
  await live.waitForCompletedAnswers(1);
  await live.stopConversation();

  const { bodies, sockets } = await seen.all();
  expect(bodies.length).toBeGreaterThan(10);
  expect(sockets.length, "the live socket and its frames were seen").toBeGreaterThan(10);
  expect(sockets[0]).toMatch(/BidiGenerateContentConstrained\?access_token=auth_tokens%2F|access_token=auth_tokens\//);
  const everything = [settingsHtml, liveHtml, ...bodies, ...sockets];
  for (const secret of [TEST_GEMINI_KEY, TEST_GEMINI_KEY.slice(0, -4), WRONG_KEY]) {
    const leaks = everything.filter((text) => text.includes(secret)).map((text) => text.slice(0, 120));
    expect(leaks, `the key ${secret.slice(0, 8)}… reached the browser`).toEqual([]);
  }
});
