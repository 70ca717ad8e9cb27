import { expect, type Locator, type Page } from "@playwright/test";

/** The signed-in frame around every app page: navigation and the user menu. */
export class AppShell {
  readonly nav: Locator;
  readonly userMenuButton: Locator;
  readonly signOutItem: Locator;

  constructor(readonly page: Page) {
    // Wide screens show the sidebar, narrow ones the top bar; only one is visible at a time.
    this.nav = page.getByRole("navigation", { name: "Main" }).filter({ visible: true });
    this.userMenuButton = page.getByTestId("user-menu-button").filter({ visible: true });
    this.signOutItem = page.getByTestId("sign-out");
  }

  navLink(label: "Live" | "Settings" | "Admin"): Locator {
    return this.nav.getByRole("link", { name: label });
  }

  async expectSignedInAs(name: string) {
    await expect(this.nav).toBeVisible();
    await this.userMenuButton.click();
    await expect(this.page.getByRole("menu")).toContainText(name);
    await this.page.keyboard.press("Escape");
  }

  async signOut() {
    await this.userMenuButton.click();
    await this.signOutItem.click();
    await this.page.waitForURL(/\/sign-in/);
  }
}
