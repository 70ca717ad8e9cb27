import { chromiumExecutablePath } from "../support/ensure-browser";
import { expect, test } from "../fixtures/test";
import { ReplayPage } from "../pages/replay-page";
import { SessionsPage } from "../pages/sessions-page";
import { ensureSpeechWav, SPEECH_SENTENCE } from "../support/speech-wav";
import { holdLiveConversation } from "./conversations";

// This file's browser has the spoken sentence as its microphone, like the live suite's.
test.use({
  launchOptions: {
    executablePath: chromiumExecutablePath(),
    args: ["--no-sandbox", "--disable-gpu", "--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream", `--use-file-for-fake-audio-capture=${ensureSpeechWav()}`],
  },
});
test.describe.configure({ timeout: 120_000 });

test("a word spoken on the Live page is found by search, and the result opens the replay at that line", async ({ newUser }) => {
  const { page } = await newUser("History Spoken");
  const { sessionId } = await holdLiveConversation(page, { untilAnswered: true });
  const sessions = new SessionsPage(page);
  await sessions.goto();
  await sessions.searchFor("camera");
  const hit = page.locator(`[data-testid="history-hit"][data-session-id="${sessionId}"][data-turn="0"]`);
  await expect(hit).toContainText(/You · \d+:\d{2}/);
  await expect(hit).toContainText(SPEECH_SENTENCE);
  await expect(hit.getByTestId("history-hit-match")).toHaveText(["camera"]);
  await hit.click();
  await expect(page).toHaveURL(`/sessions/${sessionId}?turn=0`);
  // The replay opens at that line: it is the one lit.
  const replay = new ReplayPage(page);
  await expect(replay.header).toBeVisible();
  await expect(replay.line(0)).toHaveAttribute("data-active", "true");
  await expect(replay.line(0)).toContainText(SPEECH_SENTENCE);
});
