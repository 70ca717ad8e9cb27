import { expect, type Locator, type Page } from "@playwright/test";

export class LandingPage {
  readonly heading: Locator;
  readonly getStarted: Locator;
  readonly signIn: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole("heading", { level: 1 });
    this.getStarted = page.getByTestId("landing-get-started");
    this.signIn = page.getByRole("banner").getByRole("link", { name: "Sign in" });
  }

  async goto() {
    await this.page.goto("/");
    await expect(this.heading).toBeVisible();
  }
}
