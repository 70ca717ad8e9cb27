import { expect, type Locator, type Page } from "@playwright/test";

export class AdminPage {
  readonly heading: Locator;
  readonly usersTable: Locator;
  readonly rows: Locator;
  readonly search: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole("heading", { level: 1, name: "Admin" });
    this.usersTable = page.getByTestId("users-table");
    this.rows = page.getByTestId("user-row");
    this.search = page.getByRole("searchbox", { name: "Search users" });
  }

  async goto() {
    const response = await this.page.goto("/admin");
    await expect(this.heading).toBeVisible();
    return response;
  }

  row(email: string): Locator {
    return this.rows.filter({ hasText: email });
  }
}
