import { expect, type Page } from "@playwright/test";

/** Turns recording on or off in Settings, as a person would, and waits until it is saved. */
export async function setRecording(page: Page, { audio, frames }: { audio: boolean; frames: boolean }) {
  await page.goto("/settings");
  const form = page.getByTestId("recording-form");
  await expect(form).toBeVisible();
  for (const [toggle, on] of [
    [form.getByTestId("toggle-save-audio"), audio],
    [form.getByTestId("toggle-save-frames"), frames],
  ] as const) {
    if ((await toggle.getAttribute("aria-checked")) !== String(on)) await toggle.click();
    await expect(toggle).toHaveAttribute("aria-checked", String(on));
  }
  const save = form.getByTestId("save-recording");
  if (await save.isEnabled()) {
    await save.click();
    await expect(page.getByText("Recording settings saved")).toBeVisible();
  }
  await expect(save).toBeDisabled();
}
