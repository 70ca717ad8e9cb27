import { expect, type APIRequestContext, type Page } from "@playwright/test";
import { saveTestKey } from "../live/gemini-key";
import { LivePage } from "../live/live-page";
import { captureServerAction, replayServerAction, type CapturedAction } from "../support/server-action";

/*
 * Conversations for the history specs, made through the app's real doors: one held on the Live
 * page (Start, the Gemini double answers, Stop), whose start and end server actions are captured
 * and then sent again to make more, each with its turns posted to the turns route like the
 * browser's persistence queue does. Action ids are the build's, so any signed-in user can send them.
 */

export interface LiveActions {
  start: CapturedAction;
  end: CapturedAction;
}

export interface HeldConversation {
  sessionId: string;
  actions: LiveActions;
}

/**
 * Saves the double's key, holds one short conversation on the Live page and returns it with the
 * captured actions. With `untilAnswered`, it stops only once the double has heard the microphone
 * (its transcription is SPEECH_SENTENCE), answered, and the turns are stored.
 */
export async function holdLiveConversation(page: Page, { untilAnswered = false } = {}): Promise<HeldConversation> {
  await saveTestKey(page);
  const live = new LivePage(page);
  await live.goto();
  const start = await captureServerAction(page, () => live.start.click());
  await live.expectStatus("live", 20_000);
  const sessionId = await live.sessionId();
  if (untilAnswered) {
    await live.waitForCompletedAnswers(1);
    await live.waitForTurnsStored();
  }
  const end = await captureServerAction(page, () => live.stop.click());
  await live.expectStatus("ended", 20_000);
  return { sessionId, actions: { start, end } };
}

export interface ConversationSpec {
  /** Alternating lines, the user's first. */
  lines: string[];
  status?: "ENDED" | "ERROR";
  voice?: string;
}

/** One stored conversation with these lines, as the signed-in user of `api`. Returns its id. */
export async function storeConversation(api: APIRequestContext, actions: LiveActions, { lines, status = "ENDED", voice = "Puck" }: ConversationSpec): Promise<string> {
  const started = await replayServerAction(api, actions.start, [{ voice, cameraEnabled: false, micEnabled: true, replaceActive: true }]);
  expect(started.result?.ok, started.text).toBe(true);
  const sessionId = started.result?.data?.sessionId as string;
  if (lines.length > 0) {
    const turns = lines.map((text, index) => ({
      sequenceNumber: index,
      sender: index % 2 === 0 ? "user" : "model",
      text,
      startOffsetMs: index * 2500,
      endOffsetMs: index * 2500 + 2000,
      latencyMs: index % 2 === 0 ? null : 420,
      interrupted: false,
      inputTokens: index % 2 === 0 ? null : 20,
      outputTokens: index % 2 === 0 ? null : 30,
    }));
    const stored = await api.post(`/api/live/sessions/${sessionId}/turns`, { data: { turns } });
    expect(stored.status(), await stored.text()).toBe(200);
  }
  const ended = await replayServerAction(api, actions.end, [{ sessionId, status, ...(status === "ERROR" ? { errorMessage: "The connection dropped." } : {}) }]);
  expect(ended.result?.ok, ended.text).toBe(true);
  return sessionId;
}

/** Turns on "Save audio" in Settings, so the Live page records the next conversation. */
export async function enableAudioRecording(page: Page) {
  await page.goto("/settings");
  const toggle = page.getByTestId("toggle-save-audio");
  if ((await toggle.getAttribute("aria-checked")) !== "true") {
    await toggle.click();
    await page.getByTestId("save-recording").click();
    await expect(page.getByTestId("save-recording")).toBeDisabled();
  }
}

/**
 * Memory off for the signed-in user of `page`: nothing is learned, and a conversation keeps its
 * first line as its title instead of getting one from the text model after it ends.
 */
export async function turnMemoryOff(page: Page): Promise<void> {
  await page.goto("/settings");
  await page.getByTestId("toggle-memory").click();
  await expect(page.getByTestId("toggle-memory")).toHaveAttribute("aria-checked", "false");
}
