import { expect, type Locator, type Page } from "@playwright/test";

/** Settings → Webhooks: add (secret shown once), list with the latest deliveries, resend, delete. */
export class WebhooksPage {
  readonly form: Locator;
  readonly rows: Locator;

  constructor(readonly page: Page) {
    this.form = page.getByTestId("create-webhook-form");
    this.rows = page.getByTestId("webhook-row");
  }

  async gotoFromSettings() {
    await this.page.goto("/settings");
    await this.page.getByTestId("manage-webhooks").click();
    await expect(this.form).toBeVisible();
  }

  /** Adds an endpoint and returns its signing secret as shown, once. */
  async add(url: string, events: readonly string[], { includeTranscript = false } = {}): Promise<string> {
    await this.page.getByTestId("webhook-url").fill(url);
    for (const box of await this.form.locator('input[data-testid^="webhook-event-"]').all()) {
      const event = (await box.getAttribute("data-testid"))!.replace("webhook-event-", "");
      await box.setChecked(events.includes(event));
    }
    await this.page.getByTestId("webhook-include-transcript").setChecked(includeTranscript);
    const before = await this.rows.count();
    await this.page.getByTestId("create-webhook").click();
    await expect(this.rows).toHaveCount(before + 1);
    const value = this.page.getByTestId("new-webhook-secret-value");
    await expect(value).toHaveText(/^whsec_[A-Za-z0-9+/]+=*$/);
    return (await value.textContent())!;
  }

  row(url: string): Locator {
    return this.rows.filter({ has: this.page.getByTestId("webhook-row-url").getByText(url, { exact: true }) });
  }
}
