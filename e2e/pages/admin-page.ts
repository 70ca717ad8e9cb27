import { expect, type Locator, type Page } from "@playwright/test";

/** /admin/users: every account, searchable; a row opens the account's drill-down. */
export class AdminPage {
  readonly heading: Locator;
  readonly subNav: Locator;
  readonly usersTable: Locator;
  readonly rows: Locator;
  readonly search: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole("heading", { level: 1, name: "Users" });
    this.subNav = page.getByRole("navigation", { name: "Admin" });
    this.usersTable = page.getByTestId("users-table");
    this.rows = page.getByTestId("user-row");
    this.search = page.getByRole("searchbox", { name: "Search users" });
  }

  async goto() {
    const response = await this.page.goto("/admin/users");
    await expect(this.heading).toBeVisible();
    return response;
  }

  row(email: string): Locator {
    return this.rows.filter({ hasText: email });
  }

  async searchFor(text: string) {
    await this.search.fill(text);
    await this.search.press("Enter");
    await expect(this.page).toHaveURL(/\/admin\/users\?q=/);
  }

  /** Finds the account by its email and opens its drill-down. */
  async open(email: string) {
    await this.searchFor(email);
    await this.row(email).getByTestId("user-link").click();
    await expect(this.page).toHaveURL(/\/admin\/users\/[^/?]+$/);
  }
}
