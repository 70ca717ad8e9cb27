import { expect, type Page } from "@playwright/test";
import { TEST_GEMINI_KEY } from "../gemini-double/constants";

/** Pastes a key into the Settings card and submits it, as a person would. */
export async function submitGeminiKey(page: Page, apiKey: string) {
  await page.goto("/settings");
  const card = page.getByTestId("gemini-key-card");
  await expect(card).toBeVisible();
  await card.getByTestId("gemini-key-input").fill(apiKey);
  await card.getByTestId("save-gemini-key").click();
}

/** Saves the double's test key and waits until the card shows it as the user's own. */
export async function saveTestKey(page: Page) {
  await submitGeminiKey(page, TEST_GEMINI_KEY);
  await expect(page.getByTestId("gemini-key-last-four")).toHaveText(TEST_GEMINI_KEY.slice(-4));
  await expect(page.getByTestId("gemini-key-card")).toHaveAttribute("data-key-source", "user");
}
