import { expect, test } from "../fixtures/test";
import { readDownload, SessionsPage } from "../pages/sessions-page";
import { holdLiveConversation, storeConversation } from "./conversations";

// Each test first holds a real conversation on the Live page (about 5 s, more on a busy machine).
test.describe.configure({ timeout: 120_000 });

interface ExportFile {
  format: string;
  version: number;
  user: { id: string; email: string };
  sessions: { session: Record<string, unknown>; turns: Record<string, unknown>[]; analytics: Record<string, unknown> | null }[];
}

test("a conversation downloads as readable Markdown and as JSON with every stored field", async ({ newUser }) => {
  const { page, account } = await newUser("History Export");
  const { actions } = await holdLiveConversation(page);
  const id = await storeConversation(page.request, actions, { lines: ["How far away is the Moon?", "About 384,400 kilometres, on average."], voice: "Kore" });
  const sessions = new SessionsPage(page);
  await sessions.goto();
  await sessions.rename(id, "Moon facts");

  const markdown = await sessions.export(id, "md");
  expect(markdown.name).toMatch(/^livemind-moon-facts-\d{4}-\d{2}-\d{2}\.md$/);
  expect(markdown.text).toContain("# Moon facts");
  expect(markdown.text).toContain("**Voice:** Kore");
  expect(markdown.text).toContain("**You** · 0:00\n\nHow far away is the Moon?");
  expect(markdown.text).toContain("**Companion** · 0:02 · answered in 420 ms\n\nAbout 384,400 kilometres, on average.");

  const json = await sessions.export(id, "json");
  expect(json.name).toMatch(/^livemind-moon-facts-.*\.json$/);
  const file = JSON.parse(json.text) as ExportFile;
  expect(file).toMatchObject({ format: "livemind-export", version: 1, user: { id: account.id, email: account.email } });
  const [exported] = file.sessions;
  expect(exported?.session).toMatchObject({ id, user_id: account.id, title: "Moon facts", status: "ENDED", voice: "Kore", camera_enabled: false, mic_enabled: true });
  expect(exported?.turns.map((turn) => [turn.sequence_number, turn.sender, turn.text, turn.latency_ms, turn.output_tokens])).toEqual([
    [0, "user", "How far away is the Moon?", null, null],
    [1, "model", "About 384,400 kilometres, on average.", 420, 30],
  ]);
  expect(exported?.analytics).toMatchObject({ user_message_count: 1, model_message_count: 1, tokens_out: 30 });

  // What the app itself says it stored, field by field.
  const stored = (await (await page.request.get(`/api/live/sessions/${id}`)).json()) as { session: Record<string, unknown>; turns: Record<string, unknown>[] };
  expect(exported?.session.system_instruction).toBe(stored.session.systemInstruction);
  expect(Date.parse(exported?.session.started_at as string)).toBe(Date.parse(stored.session.startedAt as string));
  expect(exported?.turns.map((turn) => turn.id)).toEqual(stored.turns.map((turn) => turn.id));
});

test("Settings exports the whole history in one JSON download", async ({ newUser }) => {
  const { page } = await newUser("History Export All");
  const { actions, sessionId: held } = await holdLiveConversation(page);
  const ids = [held];
  for (const line of ["One", "Two", "Three"]) ids.push(await storeConversation(page.request, actions, { lines: [line] }));

  await page.goto("/settings");
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("export-everything").click()]);
  const { name, text } = await readDownload(download);
  expect(name).toMatch(/^livemind-export-\d{4}-\d{2}-\d{2}\.json$/);
  const file = JSON.parse(text) as ExportFile;
  expect(file.sessions.map((entry) => entry.session.id)).toEqual([...ids].reverse());
  expect(file.sessions.slice(0, 3).map((entry) => entry.turns[0]?.text)).toEqual(["Three", "Two", "One"]);
});
