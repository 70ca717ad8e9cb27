import { expect } from "@playwright/test";
import { test } from "../fixtures/test";
import { PersonasPage } from "../pages/personas-page";
import { geminiDouble } from "./double";
import { saveTestKey } from "./gemini-key";
import { LivePage } from "./live-page";
import { menuPdf } from "./menu-pdf";

/*
 * Knowledge end to end: a Markdown file and a PDF (made here with pdf-lib) uploaded to a persona
 * are processed by the job; in a conversation the double calls search_knowledge, the answer is a
 * passage from the PDF, and its source is shown live and in the replay.
 */

test.beforeEach(async () => {
  await geminiDouble.reset();
});
test.afterEach(async () => {
  await geminiDouble.script({});
});

test("documents uploaded to a persona are searched mid-conversation, with their source shown live and in the replay", async ({ newUser }) => {
  const { page } = await newUser("Knowledge Chef");
  await saveTestKey(page);
  const personas = new PersonasPage(page);
  await personas.goto();
  const id = await personas.useFromGallery("spanish-tutor");
  await page.goto(`/personas/${id}`);
  const upload = page.getByLabel("Upload documents");
  await upload.setInputFiles({ name: "notes.md", mimeType: "text/markdown", buffer: Buffer.from("# Notes\nWe open at nine.") });
  await upload.setInputFiles({ name: "Menu.pdf", mimeType: "application/pdf", buffer: await menuPdf() });
  await upload.setInputFiles({ name: "empty.txt", mimeType: "text/plain", buffer: Buffer.alloc(0) });
  await expect(page.getByTestId("knowledge").getByRole("alert")).toContainText("empty.txt: That file is empty.");
  const documents = page.getByTestId("knowledge-document");
  await expect(documents).toHaveCount(2);
  await expect(documents.filter({ hasText: "Menu.pdf" })).toContainText("Ready", { timeout: 30_000 });
  await expect(documents.filter({ hasText: "notes.md" })).toContainText("Ready", { timeout: 30_000 });

  await geminiDouble.script({ inputTranscript: "When is the lemon tart baked?", toolCall: { phrase: "lemon tart", name: "search_knowledge", args: { query: "lemon tart baked" } } });
  await page.goto(`/live?persona=${id}`);
  const live = new LivePage(page);
  const sessionId = await live.startConversation();
  await expect(live.turn("model", { final: true }).last()).toContainText("According to Menu.pdf, page 3: The lemon tart is baked every Friday.", { timeout: 30_000 });
  await expect(page.getByTestId("live-tool-note")).toContainText("from Menu.pdf, page 3");
  // Clicking the source shows the passage it came from, in a dialog that Escape closes.
  await page.getByTestId("live-tool-note").getByRole("button", { name: "Menu.pdf, page 3" }).click();
  const dialog = page.getByRole("dialog", { name: "Menu.pdf" });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByTestId("knowledge-passage-text")).toContainText("The lemon tart is baked every Friday.");
  await expect(dialog).toContainText("Page 3");
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await live.muteAndLetAnswersFinish();
  await live.stopConversation();
  expect(JSON.stringify((await geminiDouble.received()).connections.at(-1)?.setup)).toContain("search_knowledge");

  await page.goto(`/sessions/${sessionId}`);
  await expect(page.getByTestId("replay-knowledge-sources")).toContainText("from Menu.pdf, page 3");
  await page.getByTestId("replay-knowledge-sources").getByRole("button", { name: "Menu.pdf, page 3" }).click();
  const replayDialog = page.getByRole("dialog", { name: "Menu.pdf" });
  await expect(replayDialog.getByTestId("knowledge-passage-text")).toContainText("The lemon tart is baked every Friday.");
  await replayDialog.getByRole("button", { name: "Close" }).click();
  await expect(replayDialog).toBeHidden();

  // The passage route is the owner's only: another user gets 404 for the same id.
  const passageUrl = await page.evaluate(async () => {
    const entries = performance.getEntriesByType("resource").map((entry) => entry.name);
    return entries.find((name) => name.includes("/api/knowledge/passages/")) ?? null;
  });
  expect(passageUrl).not.toBeNull();
  expect((await page.request.get(passageUrl!)).status()).toBe(200);
  const { page: snoop } = await newUser("Knowledge Snoop");
  expect((await snoop.request.get(passageUrl!)).status()).toBe(404);
});
