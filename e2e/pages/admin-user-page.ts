import { expect, type Locator, type Page } from "@playwright/test";

export type AuditAction = "ban" | "unban" | "revoke_sessions" | "set_quota";

/** /admin/users/<id>: one account's facts, the moderation actions and the audit log. */
export class AdminUserPage {
  readonly facts: Locator;
  readonly banNotice: Locator;
  readonly banReason: Locator;
  readonly authSessions: Locator;
  readonly status: Locator;
  readonly actions: Locator;
  readonly banButton: Locator;
  readonly unbanButton: Locator;
  readonly revokeButton: Locator;
  readonly auditEntries: Locator;

  constructor(readonly page: Page) {
    this.facts = page.getByTestId("user-facts");
    this.banNotice = page.getByTestId("ban-notice");
    this.banReason = page.getByTestId("ban-reason");
    this.authSessions = page.getByTestId("fact-auth-sessions");
    this.status = this.facts.getByTestId("user-status");
    this.actions = page.getByTestId("user-actions");
    this.banButton = page.getByTestId("action-ban");
    this.unbanButton = page.getByTestId("action-unban");
    this.revokeButton = page.getByTestId("action-revoke");
    this.auditEntries = page.getByTestId("audit-entry");
  }

  async goto(userId: string) {
    const response = await this.page.goto(`/admin/users/${userId}`);
    await expect(this.facts).toBeVisible();
    return response;
  }

  heading(name: string): Locator {
    return this.page.getByRole("heading", { level: 1, name });
  }

  dialog(name: RegExp | string): Locator {
    return this.page.getByRole("dialog", { name });
  }

  /** Opens the ban dialog and fills it in; `confirm` clicks the dialog's ban button. */
  async fillBan({ reason, duration }: { reason: string; duration?: string }) {
    await this.banButton.click();
    const dialog = this.dialog(/^Ban /);
    await expect(dialog).toBeVisible();
    await dialog.getByLabel("Reason").fill(reason);
    if (duration) await dialog.getByLabel("Duration").selectOption({ label: duration });
    return dialog;
  }

  confirmButton(dialog: Locator): Locator {
    return dialog.getByTestId("confirm-submit");
  }

  async ban(reason: string, duration?: string) {
    const dialog = await this.fillBan({ reason, duration });
    await this.confirmButton(dialog).click();
    await expect(dialog).toBeHidden();
    await expect(this.banNotice).toBeVisible();
  }

  async unban() {
    await this.unbanButton.click();
    const dialog = this.dialog(/^Unban /);
    await this.confirmButton(dialog).click();
    await expect(dialog).toBeHidden();
    await expect(this.banNotice).toBeHidden();
  }

  async revoke() {
    await this.revokeButton.click();
    const dialog = this.dialog(/ out everywhere\?$/);
    await this.confirmButton(dialog).click();
    await expect(dialog).toBeHidden();
  }

  auditEntry(action: AuditAction): Locator {
    return this.auditEntries.and(this.page.locator(`[data-action="${action}"]`));
  }
}
