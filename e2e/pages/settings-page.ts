import { expect, type Locator, type Page } from "@playwright/test";

export interface ShownPreferences {
  voice: string;
  camera: boolean;
  mic: boolean;
}

export class SettingsPage {
  readonly form: Locator;
  readonly camera: Locator;
  readonly mic: Locator;
  readonly save: Locator;
  readonly role: Locator;

  constructor(readonly page: Page) {
    this.form = page.getByTestId("preferences-form");
    this.camera = page.getByTestId("toggle-camera");
    this.mic = page.getByTestId("toggle-mic");
    this.save = page.getByTestId("save-preferences");
    this.role = page.getByTestId("account-role");
  }

  async goto() {
    await this.page.goto("/settings");
    await expect(this.form).toBeVisible();
  }

  voice(name: string): Locator {
    return this.page.getByTestId(`voice-${name}`);
  }

  async chooseVoice(name: string) {
    // The radio is visually hidden; its label is what a person clicks.
    await this.page.locator("label", { has: this.voice(name) }).click();
    await expect(this.voice(name)).toBeChecked();
  }

  async setSwitch(which: "camera" | "mic", on: boolean) {
    const toggle = which === "camera" ? this.camera : this.mic;
    if ((await toggle.getAttribute("aria-checked")) !== String(on)) await toggle.click();
    await expect(toggle).toHaveAttribute("aria-checked", String(on));
  }

  async set(prefs: ShownPreferences) {
    await this.chooseVoice(prefs.voice);
    await this.setSwitch("camera", prefs.camera);
    await this.setSwitch("mic", prefs.mic);
  }

  async saveAndConfirm() {
    await this.save.click();
    await expect(this.page.getByText("Settings saved")).toBeVisible();
    await expect(this.save).toBeDisabled();
  }

  async expectShown({ voice, camera, mic }: ShownPreferences) {
    await expect(this.voice(voice)).toBeChecked();
    await expect(this.camera).toHaveAttribute("aria-checked", String(camera));
    await expect(this.mic).toHaveAttribute("aria-checked", String(mic));
  }
}
