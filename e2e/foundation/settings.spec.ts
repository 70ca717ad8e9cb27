import { expect, test } from "../fixtures/test";
import { SettingsPage } from "../pages/settings-page";

test("voice, camera and microphone defaults persist across a reload", async ({ newUser }) => {
  const { page } = await newUser("Settings");
  const settings = new SettingsPage(page);
  await settings.goto();
  // A new account starts from the product defaults.
  await settings.expectShown({ voice: "Zephyr", camera: false, mic: true });
  await expect(settings.save).toBeDisabled();

  await settings.set({ voice: "Kore", camera: true, mic: false });
  await expect(page.getByText("Unsaved changes")).toBeVisible();
  await settings.saveAndConfirm();

  await page.reload();
  await settings.expectShown({ voice: "Kore", camera: true, mic: false });

  await settings.set({ voice: "Aoede", camera: false, mic: true });
  await settings.saveAndConfirm();
  await page.reload();
  await settings.expectShown({ voice: "Aoede", camera: false, mic: true });
});
