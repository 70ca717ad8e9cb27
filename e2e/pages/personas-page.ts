import { expect, type Locator, type Page } from "@playwright/test";

/** The Personas page and the persona editor, as a person uses them. */
export class PersonasPage {
  readonly cards: Locator;

  constructor(readonly page: Page) {
    this.cards = page.getByTestId("persona-card");
  }

  async goto() {
    await this.page.goto("/personas");
    await expect(this.page.getByRole("heading", { name: "Personas", level: 1 })).toBeVisible();
  }

  /** "Use this one" on a ready-made persona: lands in its editor; returns the new persona's id. */
  async useFromGallery(key: string): Promise<string> {
    await this.page.getByTestId(`gallery-${key}`).getByTestId("gallery-use").click();
    await this.page.waitForURL(/\/personas\/[0-9a-f-]{36}$/);
    await expect(this.page.getByTestId("persona-form")).toBeVisible();
    return this.page.url().split("/").at(-1)!;
  }

  /** Plays a voice's sample in the editor and waits until it is heard (playing, or played). */
  async hearSample(voice: string) {
    const button = this.page.getByTestId(`voice-sample-${voice}`);
    await button.click();
    await expect(button).toHaveAttribute("data-state", /playing|heard/, { timeout: 20_000 });
  }

  async pickVoice(voice: string) {
    await this.page.getByTestId(`persona-voice-${voice}`).check({ force: true });
    await expect(this.page.getByTestId(`persona-voice-${voice}`)).toBeChecked();
  }

  async save() {
    await this.page.getByTestId("persona-save").click();
    await this.page.waitForURL(/\/personas$/);
  }

  card(id: string): Locator {
    return this.page.locator(`[data-testid="persona-card"][data-persona-id="${id}"]`);
  }
}

/** A real PNG drawn by the browser: a coloured disc with a letter, so cards and screenshots show a picture. */
export async function drawnPng(page: Page, colour: string): Promise<Buffer> {
  const base64 = await page.evaluate((fill) => {
    const canvas = document.createElement("canvas");
    canvas.width = canvas.height = 96;
    const context = canvas.getContext("2d")!;
    const gradient = context.createLinearGradient(0, 0, 96, 96);
    gradient.addColorStop(0, fill);
    gradient.addColorStop(1, "#111827");
    context.fillStyle = gradient;
    context.fillRect(0, 0, 96, 96);
    context.fillStyle = "#fff";
    context.font = "bold 48px sans-serif";
    context.fillText("☺", 24, 64);
    return canvas.toDataURL("image/png").split(",")[1]!;
  }, colour);
  return Buffer.from(base64, "base64");
}

