import { expect, test } from "../fixtures/test";
import { SessionsPage } from "../pages/sessions-page";
import { holdLiveConversation, storeConversation } from "./conversations";

// Holds a real conversation on the Live page first.
test.describe.configure({ timeout: 120_000 });

test("a conversation that failed before anyone spoke has one name, in the list and in its replay", async ({ newUser }) => {
  const { page } = await newUser("Titles");
  const { actions } = await holdLiveConversation(page);
  const failed = await storeConversation(page.request, actions, { lines: [], status: "ERROR" });

  const sessions = new SessionsPage(page);
  await sessions.goto();
  const listed = (await sessions.title(failed).innerText()).trim();
  expect(listed).not.toBe("");

  await expect(sessions.title(failed)).toHaveAttribute("href", `/sessions/${failed}`);
  await page.goto(`/sessions/${failed}`);
  await expect(page.getByTestId("replay-title")).toHaveText(listed);
});
