import type { Page } from "@playwright/test";
import { enableAudioRecording, holdLiveConversation, storeConversation, type ConversationSpec } from "./conversations";

/* A history worth photographing: a recorded conversation from the Live page and a few stored ones. */

const CONVERSATIONS: (ConversationSpec & { title?: string })[] = [
  {
    lines: [
      "My sourdough starter smells like nail polish, is it ruined?",
      "Not at all: that sharp smell means it is hungry. Feed it twice a day for a couple of days and it will calm down.",
      "How much flour and water for each feed?",
      "Equal weights work well: keep 50 grams of starter and add 50 grams each of flour and water.",
    ],
    voice: "Kore",
  },
  {
    lines: ["Help me plan a three day walking route in the Lake District", "Start in Keswick, cross to Buttermere on day two, and finish over the fells to Grasmere."],
    voice: "Puck",
  },
  { lines: ["Can you quiz me on Spanish verbs?"], status: "ERROR", voice: "Zephyr" },
  {
    title: "Interview practice",
    lines: ["Pretend you are interviewing me for a product design role", "Happy to. Tell me about a design decision you changed your mind on, and why."],
    voice: "Charon",
  },
  {
    lines: ["What's a good name for a grey cat?", "Smokey is a classic, or Pebble if you like something softer."],
    voice: "Leda",
  },
];

/** Makes the history once per account; later calls find it and return. */
export async function fillHistory(page: Page): Promise<void> {
  const existing = (await (await page.request.get("/api/sessions")).json()) as { items: { firstLine: string | null }[] };
  if (existing.items.some((item) => item.firstLine === CONVERSATIONS[0]!.lines[0])) return;
  await enableAudioRecording(page);
  const { actions } = await holdLiveConversation(page);
  for (const conversation of [...CONVERSATIONS].reverse()) {
    const id = await storeConversation(page.request, actions, conversation);
    if (conversation.title) {
      // Renamed the way a person does it, inline in the list.
      await page.goto("/sessions");
      await page.locator(`[data-session-id="${id}"] [data-testid="history-rename"]`).click();
      const input = page.getByTestId("history-rename-input");
      await input.fill(conversation.title);
      await input.press("Enter");
      await input.waitFor({ state: "detached" });
    }
  }
}
