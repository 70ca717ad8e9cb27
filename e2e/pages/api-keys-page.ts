import { expect, type Locator, type Page } from "@playwright/test";

/** Settings → API keys: create (shown once), list, per-key requests, revoke. */
export class ApiKeysPage {
  readonly form: Locator;
  readonly rows: Locator;

  constructor(readonly page: Page) {
    this.form = page.getByTestId("create-api-key-form");
    this.rows = page.getByTestId("api-key-row");
  }

  /** Arrives the way a person does: Settings, then "Manage API keys". */
  async gotoFromSettings() {
    await this.page.goto("/settings");
    await this.page.getByTestId("manage-api-keys").click();
    await expect(this.form).toBeVisible();
  }

  /** Creates a key and returns it as shown, once. */
  async create(name: string, scopes: readonly string[], { expiresInDays }: { expiresInDays?: number } = {}): Promise<string> {
    await this.page.getByTestId("api-key-name").fill(name);
    for (const box of await this.form.locator('input[type="checkbox"]').all()) {
      const scope = (await box.getAttribute("data-testid"))!.replace("api-key-scope-", "");
      await box.setChecked(scopes.includes(scope));
    }
    await this.page.getByTestId("api-key-days").fill(expiresInDays ? String(expiresInDays) : "");
    const before = await this.rows.count();
    await this.page.getByTestId("create-api-key").click();
    // A new row first: until then the key shown may still be the previous one.
    await expect(this.rows).toHaveCount(before + 1);
    const value = this.page.getByTestId("new-api-key-value");
    await expect(value).toHaveText(/^lm_[A-Za-z0-9_-]{43}$/);
    const key = (await value.textContent())!;
    await expect(this.row(key)).toBeVisible();
    return key;
  }

  row(key: string): Locator {
    return this.page.locator(`[data-testid="api-key-row"][data-key-prefix="${key.slice(0, 11)}"]`);
  }

  async revoke(key: string) {
    const row = this.row(key);
    await row.getByTestId("revoke-api-key").click();
    await row.getByTestId("confirm-revoke-api-key").click();
    await expect(row).toHaveAttribute("data-state", "revoked");
  }

  async openRequests(key: string): Promise<Locator> {
    await this.row(key).getByTestId("api-key-requests-link").click();
    const log = this.page.getByTestId("api-request-log");
    await expect(log).toBeVisible();
    return log.getByTestId("api-request-row");
  }
}
