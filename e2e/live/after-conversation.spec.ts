import { expect, test } from "../fixtures/test";
import { geminiDouble } from "./double";
import { saveTestKey } from "./gemini-key";
import { LivePage } from "./live-page";

test.describe.configure({ mode: "serial" });

test.beforeEach(async () => {
  await geminiDouble.reset();
});

test("an ended conversation links to its replay", async ({ newUser }) => {
  const { page } = await newUser("Live Replay Link");
  await saveTestKey(page);
  const live = new LivePage(page);
  await live.goto();
  await expect(page.getByRole("link", { name: "Open replay" })).toHaveCount(0);

  const sessionId = await live.startConversation();
  await live.stopConversation();
  const link = page.getByRole("link", { name: "Open replay" });
  await expect(link).toHaveAttribute("href", `/sessions/${sessionId}`);
  await link.click();
  await expect(page).toHaveURL(new RegExp(`/sessions/${sessionId}$`));
  await expect(page.getByTestId("replay-header")).toBeVisible();
});

test("the voice picked on Live is the one offered next time", async ({ newUser }) => {
  const { page } = await newUser("Live Voice");
  await saveTestKey(page);
  const live = new LivePage(page);
  await live.goto();
  const voice = page.getByTestId("live-voice");
  await expect(voice).toHaveValue("Zephyr");
  await voice.selectOption("Charon");

  // Kept once the page says so, without starting a conversation.
  await expect(page.getByTestId("live-voice-saved")).toBeVisible();
  await page.reload();
  await expect(voice).toHaveValue("Charon");

  // And it is what Settings offers as the default too: one preference, not two.
  await page.goto("/settings");
  await expect(page.getByTestId("voice-Charon")).toBeChecked();
});

test("on a 390 px phone the conversation is read first, above the controls", async ({ newUser }) => {
  const { page } = await newUser("Live Phone", { viewport: { width: 390, height: 844 } });
  await saveTestKey(page);
  const live = new LivePage(page);
  await live.goto();
  // Before a conversation Start is in reach without scrolling.
  await expect(live.start).toBeInViewport({ ratio: 1 });

  await live.startConversation();
  await expect(live.turn("model", { final: true }).first()).toBeVisible({ timeout: 30_000 });
  const transcript = await live.transcript.boundingBox();
  const controls = await page.getByRole("complementary", { name: "Conversation controls" }).boundingBox();
  expect(transcript && controls).toBeTruthy();
  expect(transcript!.y).toBeLessThan(controls!.y);
  // The conversation fills most of the first screen, wide enough to read.
  await expect(live.transcript).toBeInViewport({ ratio: 0.9 });
  expect(transcript!.height).toBeGreaterThanOrEqual(300);
  await live.stopConversation();
});
