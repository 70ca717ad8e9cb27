import { expect, type Page } from "@playwright/test";
import type { DoubleScript } from "../gemini-double/script";
import { test } from "../fixtures/test";
import { geminiDouble } from "../live/double";
import { saveTestKey } from "../live/gemini-key";
import { LivePage } from "../live/live-page";
import { SessionsPage } from "../pages/sessions-page";

/*
 * Memory end to end, with the fake microphone and the Gemini double (its rule-based extractor
 * and hashed embeddings): what is said in one conversation is on /memory after Stop, links back
 * to its line, and is locked into the next conversation's setup.
 */

test.describe.configure({ mode: "serial" });

const FACTS = "My sister Anna lives in Lisbon and I'm training for the Porto half marathon in April.";

test.beforeEach(async () => {
  await geminiDouble.reset();
});
test.afterEach(async () => {
  await geminiDouble.script({});
});

async function talk(
  page: Page,
  inputTranscript: string,
  options: { dontRemember?: boolean; script?: DoubleScript; whileLive?: (live: LivePage) => Promise<void> } = {},
): Promise<string> {
  await geminiDouble.script({ ...options.script, inputTranscript });
  const live = new LivePage(page);
  await live.goto();
  if (options.dontRemember) await page.getByTestId("live-memory-opt-out").check();
  const sessionId = await live.startConversation();
  await live.waitForCompletedAnswers(1);
  await options.whileLive?.(live);
  await live.stopConversation();
  return sessionId;
}

/** The newest setup the double received: what the app locked into the token. */
async function lastSetupText(): Promise<string> {
  const { connections } = await geminiDouble.received();
  const setup = connections.at(-1)?.setup;
  expect(setup).toBeTruthy();
  return JSON.stringify(setup);
}

/** The memory whose sentence contains `text` (not one whose source title does). */
const memoryItem = (page: Page, text: string) =>
  page.getByTestId("memory-item").filter({ has: page.getByTestId("memory-content").filter({ hasText: text }) });

/** The memory job runs right after Stop; the page shows its result once it is stored. */
async function expectMemory(page: Page, text: string) {
  await expect
    .poll(
      async () => {
        await page.goto("/memory");
        return page.getByTestId("memory-content").filter({ hasText: text }).count();
      },
      { timeout: 30_000, intervals: [500, 1000, 2000] },
    )
    .toBe(1);
}

test("a conversation's facts appear on Memory with their source line and carry into the next setup; edits and deletes change it", async ({ newUser }) => {
  // Three conversations and the Memory page between them.
  test.setTimeout(360_000);
  const { page } = await newUser("Memory Journey");
  await saveTestKey(page);
  const first = await talk(page, FACTS);

  await expectMemory(page, "The user's sister Anna lives in Lisbon");
  await expect(page.getByTestId("memory-group-person")).toContainText("Anna lives in Lisbon");
  await expect(page.getByTestId("memory-group-goal")).toContainText("training for the Porto half marathon in April");
  await expect(page.getByTestId("entity-strip")).toContainText("Lisbon");

  const anna = memoryItem(page, "Anna lives in Lisbon");
  const source = anna.getByTestId("memory-source");
  await expect(source).toHaveAttribute("href", `/sessions/${first}?turn=0`);
  await source.click();
  await expect(page).toHaveURL(new RegExp(`/sessions/${first}\\?turn=0$`));
  await expect(page.getByTestId("replay-title")).toHaveText("Sister Anna lives in Lisbon");
  await expect(page.getByTestId("replay-summary")).toContainText("Anna lives in Lisbon");
  await expect(page.getByText(FACTS).first()).toBeVisible();
  // Search finds the conversation by its AI summary ("The user shared: …"), a word no line has.
  const sessions = new SessionsPage(page);
  await sessions.goto();
  await sessions.searchFor("shared");
  await expect(sessions.hits).toHaveCount(1);
  await expect(sessions.hits.first()).toHaveAttribute("data-match", "summary");
  await expect(sessions.hits.first()).toContainText("Summary");
  await expect(page.getByTestId("history-hits-summary")).toHaveText("1 matching summary, best match first");
  await expect(sessions.hits.first()).toHaveAttribute("href", `/sessions/${first}`);

  // Conversation 2: the setup locked into its token carries what was learned and the summary, and
  // asked "where does my sister live?" the model recalls it mid-talk through the memory tool.
  await geminiDouble.reset();
  const recalled = await talk(page, "Where does my sister live?", {
    script: { toolCall: { phrase: "my sister", name: "recall_memories", args: { query: "where does my sister live" } } },
    whileLive: async (live) => {
      await expect(live.turn("model", { final: true }).last()).toContainText("I remember: The user's sister Anna lives in Lisbon.");
      await expect(page.getByTestId("live-tool-note")).toHaveText("Recalled 1 memory");
    },
  });
  const second = await lastSetupText();
  expect(second).toContain("The user's sister Anna lives in Lisbon");
  expect(second).toContain("The user is training for the Porto half marathon in April");
  expect(second).toContain("Your last conversation");
  expect(second).toContain("recall_memories");
  // The tool use is kept with that conversation and shown in its replay.
  await page.goto(`/sessions/${recalled}`);
  await expect(page.getByTestId("replay-tool-uses")).toHaveText("Memory: Recalled 1 memory");

  // Edit one, delete the other: the next setup follows.
  await page.goto("/memory");
  // By id: while it is edited its sentence is a text box.
  const annaId = await memoryItem(page, "Anna lives in Lisbon").getAttribute("data-memory-id");
  const annaItem = page.locator(`[data-memory-id="${annaId}"]`);
  await annaItem.getByTestId("memory-edit").click();
  await annaItem.getByTestId("memory-edit-input").fill("The user's sister Anna lives in Madrid");
  await annaItem.getByTestId("memory-edit-save").click();
  await expect(page.getByTestId("memory-content").filter({ hasText: "Anna lives in Madrid" })).toBeVisible();
  const marathon = memoryItem(page, "half marathon");
  await marathon.getByTestId("memory-delete").click();
  await marathon.getByTestId("confirm-submit").click();
  await expect(page.getByTestId("memory-content").filter({ hasText: "half marathon" })).toHaveCount(0);

  await geminiDouble.reset();
  await talk(page, "Tell me something nice.");
  const third = await lastSetupText();
  expect(third).toContain("The user's sister Anna lives in Madrid");
  expect(third).not.toContain("Lisbon");
  expect(third).not.toContain("training for the Porto half marathon");

  // Forget everything: nothing is left to show, and the next setup carries no memory line.
  await page.goto("/memory");
  await page.getByTestId("forget-everything").click();
  await page.getByTestId("forget-everything-dialog").getByTestId("confirm-submit").click();
  await expect(page.getByTestId("memory-empty")).toBeVisible();
});

test("memory off and 'Don't remember this conversation' learn nothing", async ({ newUser }) => {
  const { page } = await newUser("Memory Off");
  await saveTestKey(page);
  const skipped = await talk(page, "My brother Tom lives in Rome.", { dontRemember: true });
  await page.goto(`/sessions/${skipped}`);
  await expect(page.getByTestId("replay-memory-opt-out")).toBeVisible();

  await page.goto("/settings");
  await page.getByTestId("toggle-memory").click();
  await expect(page.getByTestId("toggle-memory")).toHaveAttribute("aria-checked", "false");
  await expect(page.getByText("Memory is off")).toBeVisible();
  await talk(page, "My friend Lea lives in Oslo.");

  // A remembered conversation after both proves the job had its chance to run on the others.
  await page.goto("/settings");
  await page.getByTestId("toggle-memory").click();
  await expect(page.getByText("Memory is on")).toBeVisible();
  await talk(page, "I am learning the violin.");
  await expectMemory(page, "The user is learning the violin");
  await expect(page.getByTestId("memory-content")).toHaveCount(1);
});

test("'remember that…' is stored at once through the save tool, visible on Memory before the conversation ends", async ({ newUser }) => {
  const { page, context } = await newUser("Memory Save Tool");
  await saveTestKey(page);
  await talk(page, "Remember that I'm allergic to peanuts.", {
    script: { toolCall: { phrase: "remember that", name: "save_memory", args: { content: "The user is allergic to peanuts" } } },
    whileLive: async (live) => {
      await expect(live.turn("model", { final: true }).last()).toContainText("I'll remember that");
      const other = await context.newPage();
      await other.goto("/memory");
      await expect(other.getByTestId("memory-content").filter({ hasText: "The user is allergic to peanuts" })).toBeVisible();
      await other.close();
    },
  });
  // The extraction after Stop finds the same fact and confirms it instead of adding a second.
  await expectMemory(page, "The user is allergic to peanuts");
});
