import { expect, type Locator, type Page } from "@playwright/test";
import type { Account } from "../fixtures/accounts";

export class SignUpPage {
  readonly form: Locator;
  readonly name: Locator;
  readonly email: Locator;
  readonly password: Locator;
  readonly submit: Locator;

  constructor(readonly page: Page) {
    this.form = page.getByTestId("sign-up-form");
    this.name = this.form.getByLabel("Name");
    this.email = this.form.getByLabel("Email");
    this.password = this.form.getByLabel("Password");
    this.submit = page.getByTestId("sign-up-submit");
  }

  async goto() {
    await this.page.goto("/sign-up");
    await expect(this.form).toBeVisible();
  }

  async signUp({ name, email, password }: Account) {
    await this.name.fill(name);
    await this.email.fill(email);
    await this.password.fill(password);
    await this.submit.click();
  }
}
