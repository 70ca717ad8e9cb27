import { expect, test } from "../fixtures/test";
import { SessionsPage } from "../pages/sessions-page";
import { enableAudioRecording, holdLiveConversation, storeConversation, turnMemoryOff } from "./conversations";

// Each test first holds a real conversation on the Live page (about 5 s, more on a busy machine).
test.describe.configure({ timeout: 120_000 });

test("with no conversation yet, Sessions invites the user to the Live page", async ({ newUser }) => {
  const { page } = await newUser("History Empty");
  const sessions = new SessionsPage(page);
  await sessions.goto();
  await expect(sessions.empty).toContainText("No conversations yet");
  await page.getByTestId("history-start-live").click();
  await expect(page).toHaveURL(/\/live$/);
});

test("a recorded conversation held on the Live page is listed with its facts, and more load on scroll", async ({ newUser }) => {
  const { page } = await newUser("History List");
  // The rows' titles asserted below are first lines; with memory on, the job retitles them.
  await turnMemoryOff(page);
  await enableAudioRecording(page);
  const held = await holdLiveConversation(page);
  const sessions = new SessionsPage(page);
  await sessions.goto();
  const row = sessions.row(held.sessionId);
  await expect(row).toBeVisible();
  await expect(row).toHaveAttribute("data-status", "ENDED");
  await expect(row).toContainText("Ended");
  await expect(row).toContainText("Zephyr");
  await expect(row).toContainText(/\d+\sturns?/);
  await expect(sessions.title(held.sessionId)).toHaveAttribute("href", `/sessions/${held.sessionId}`);
  await expect(row.getByTestId("history-row-audio")).toBeVisible();

  // 22 more, newer: the first page shows 20, the rest arrive as the end of the list scrolls into view.
  const made: string[] = [];
  for (let i = 0; i < 22; i++) {
    made.push(await storeConversation(page.request, held.actions, { lines: [`Question number ${i} about tides`, `Answer ${i}.`] }));
  }
  await sessions.goto();
  await expect(sessions.rows).toHaveCount(20);
  await expect(sessions.rows.first()).toHaveAttribute("data-session-id", made.at(-1)!);
  await expect(sessions.title(made.at(-1)!)).toHaveText("Question number 21 about tides");
  await expect(sessions.row(made.at(-1)!)).toContainText("2 turns");
  await expect(sessions.row(made.at(-1)!).getByTestId("history-row-audio")).toHaveCount(0);
  await sessions.page.getByTestId("history-more").scrollIntoViewIfNeeded();
  await expect(sessions.rows).toHaveCount(23);
  const shown = await sessions.rows.evaluateAll((rows) => rows.map((row) => row.getAttribute("data-session-id")));
  expect(shown).toEqual([...made].reverse().concat(held.sessionId));
  await expect(page.getByTestId("history-more")).toHaveCount(0);
});

test("search finds a stored word, highlights it, understands -exclusions, and opens the replay at that line", async ({ newUser }) => {
  const { page } = await newUser("History Search");
  await turnMemoryOff(page);
  const { actions } = await holdLiveConversation(page);
  const trip = await storeConversation(page.request, actions, { lines: ["Plan a trip to see the aurora in Tromsø", "Go in February for the aurora.", "What should I pack?", "Warm layers and a thermos."] });
  const other = await storeConversation(page.request, actions, { lines: ["Is the aurora visible from Scotland?", "Sometimes, on clear nights up north."] });

  const sessions = new SessionsPage(page);
  await sessions.goto();
  await sessions.searchFor("aurora");
  await expect(sessions.hits).toHaveCount(3);
  await expect(page.getByTestId("history-hits-summary")).toHaveText("3 matching lines, best match first");
  const matches = await page.getByTestId("history-hit-match").allTextContents();
  expect(matches.length).toBeGreaterThanOrEqual(3);
  expect(matches.every((word) => word.toLowerCase() === "aurora")).toBe(true);

  await sessions.searchFor("aurora -scotland");
  await expect(sessions.hits).toHaveCount(2);
  await expect(page.locator(`[data-testid="history-hit"][data-session-id="${other}"]`)).toHaveCount(0);

  await sessions.searchFor('"warm layers"');
  await expect(sessions.hits).toHaveCount(1);
  const hit = sessions.hits.first();
  await expect(hit).toHaveAttribute("data-turn", "3");
  await expect(hit).toContainText("Companion · 0:07");

  // A reload keeps the search (it lives in the URL) and renders the results on the server.
  await page.reload();
  await expect(sessions.search).toHaveValue('"warm layers"');
  await expect(sessions.hits).toHaveCount(1);
  await sessions.hits.first().click();
  await expect(page).toHaveURL(`/sessions/${trip}?turn=3`);

  await sessions.goto("?q=kangaroo");
  await expect(sessions.noResults).toContainText("Nothing said matches “kangaroo”");
});

test("filters narrow by status and date, from the URL", async ({ newUser }) => {
  const { page } = await newUser("History Filters");
  await turnMemoryOff(page);
  const { actions, sessionId: held } = await holdLiveConversation(page);
  const failed = await storeConversation(page.request, actions, { lines: ["This one broke"], status: "ERROR" });
  const sessions = new SessionsPage(page);
  await sessions.goto();
  await sessions.status.selectOption("error");
  await expect(page).toHaveURL(/status=error/);
  await expect(sessions.rows).toHaveCount(1);
  await expect(sessions.row(failed)).toContainText("Error");

  await page.reload();
  await expect(sessions.status).toHaveValue("error");
  await expect(sessions.rows).toHaveCount(1);

  await sessions.goto("?to=2000-01-01");
  await expect(sessions.noResults).toContainText("No conversations match");
  await page.getByTestId("history-no-results-clear").click();
  await expect(sessions.rows).toHaveCount(2);
  await expect(sessions.row(held)).toBeVisible();
});

test("rename inline, delete after confirming, and delete several at once", async ({ newUser }) => {
  const { page } = await newUser("History Manage");
  await turnMemoryOff(page);
  const { actions } = await holdLiveConversation(page);
  const [a, b, c, d] = [
    await storeConversation(page.request, actions, { lines: ["First question"] }),
    await storeConversation(page.request, actions, { lines: ["Second question"] }),
    await storeConversation(page.request, actions, { lines: ["Third question"] }),
    await storeConversation(page.request, actions, { lines: ["Fourth question"] }),
  ];
  const sessions = new SessionsPage(page);
  await sessions.goto();

  await sessions.rename(a, "Groceries for the week");
  await expect(sessions.title(a)).toHaveText("Groceries for the week");
  await page.reload();
  await expect(sessions.title(a)).toHaveText("Groceries for the week");
  // An empty title goes back to the first line.
  await sessions.rename(a, "");
  await expect(sessions.title(a)).toHaveText("First question");

  await sessions.askToDelete(b);
  await expect(sessions.dialog).toContainText("Delete “Second question”?");
  await sessions.dialog.getByTestId("confirm-cancel").click();
  await expect(sessions.row(b)).toBeVisible();
  await sessions.askToDelete(b);
  await sessions.confirm();
  await expect(sessions.row(b)).toHaveCount(0);
  expect((await page.request.get(`/api/live/sessions/${b}`)).status()).toBe(404);

  await sessions.select(c);
  await sessions.select(d);
  await expect(page.getByTestId("history-selected-count")).toHaveText("2 selected");
  await sessions.bulkDelete.click();
  await expect(sessions.dialog).toContainText("Delete 2 conversations?");
  await sessions.confirm();
  await expect(sessions.row(c)).toHaveCount(0);
  await expect(sessions.row(d)).toHaveCount(0);
  await expect(sessions.row(a)).toBeVisible();
  for (const id of [c, d]) expect((await page.request.get(`/api/live/sessions/${id}`)).status()).toBe(404);
});
