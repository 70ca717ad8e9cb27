import { request as playwrightRequest } from "@playwright/test";
import { ADMIN_ACCOUNT, uniqueAccount } from "../fixtures/accounts";
import { expect, test } from "../fixtures/test";
import { SignUpPage } from "../pages/sign-up-page";
import { APP_BASE_URL } from "../support/ports";

/* Sign-up refuses guessable passwords and unbounded fields, and does not say who has an account. */

async function signUpApi(data: { name: string; email: string; password: string }) {
  const api = await playwrightRequest.newContext({ baseURL: APP_BASE_URL, extraHTTPHeaders: { origin: APP_BASE_URL } });
  const response = await api.post("/api/auth/sign-up/email", { data });
  const result = { status: response.status(), body: (await response.json().catch(() => null)) as { code?: string; message?: string } | null };
  await api.dispose();
  return result;
}

test("a guessable password is refused on the form with the reason", async ({ page }) => {
  const signUp = new SignUpPage(page);
  await signUp.goto();
  await signUp.signUp({ ...uniqueAccount("Weak"), password: "password" });
  await expect(signUp.password).toHaveAttribute("aria-invalid", "true");
  await expect(signUp.password).toHaveAccessibleDescription(/heavily used password/i);
  await expect(page).toHaveURL(/\/sign-up$/);
});

test("the server refuses weak passwords and unbounded fields whatever the form does", async () => {
  for (const password of ["password", "aaaaaaaa", "        "]) {
    const { status, body } = await signUpApi({ ...uniqueAccount("Weak API"), password });
    expect(status, JSON.stringify(password)).toBe(400);
    expect(body?.code).toBe("WEAK_PASSWORD");
  }
  const longName = await signUpApi({ ...uniqueAccount("Long"), name: "n".repeat(100_000) });
  expect(longName.status).toBe(400);
  expect(longName.body?.code).toBe("NAME_TOO_LONG");
});

test("signing up with a taken email answers as for a new one, and the form does not say the account exists", async ({ page }) => {
  const fresh = await signUpApi(uniqueAccount("Fresh"));
  const taken = await signUpApi({ name: "Copycat", email: ADMIN_ACCOUNT.email, password: "another-password-1" });
  expect(taken.status).toBe(fresh.status);
  expect(taken.status).toBe(200);
  const shape = (body: unknown) => Object.keys((body as { user: object }).user).sort();
  expect(shape(taken.body)).toEqual(shape(fresh.body));
  expect(taken.body).toMatchObject({ token: null, user: { email: ADMIN_ACCOUNT.email, role: "user" } });

  const signUp = new SignUpPage(page);
  await signUp.goto();
  await signUp.signUp({ name: "Copycat", email: ADMIN_ACCOUNT.email, password: "another-password-1" });
  const alert = page.getByRole("alert").filter({ hasText: "We could not create an account with these details" });
  await expect(alert).toBeVisible();
  await expect(signUp.form).not.toContainText(/exist/i);
  await expect(page).toHaveURL(/\/sign-up$/);
});
