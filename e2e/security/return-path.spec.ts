import { APP_HOME } from "../../lib/routes";
import { expect, test } from "../fixtures/test";
import { SignInPage } from "../pages/sign-in-page";
import { APP_BASE_URL } from "../support/ports";

/*
 * Browsers strip tab, CR and LF from a URL, so `/<TAB>/evil.example` is `//evil.example`: a
 * return address after sign-in that leaves for another site. Only a path that stays on our
 * origin may be followed, by the server's redirect and by the form's alike.
 */

const hostile = ["/%09/evil.example", "/%09%5Cevil.example", "/%0d/evil.example", "/%0a/x"];

test.beforeEach(async ({ context }) => {
  // Should anything leave for the attacker's host, it fails here instead of hitting DNS.
  // Matched on the host: our own URLs carry "evil.example" in their query.
  await context.route((url) => url.hostname.endsWith("evil.example"), (route) => route.abort());
});

for (const next of hostile) {
  test(`a signed-in visitor of /sign-in?next=${next} is sent to the app, never elsewhere and never a 500`, async ({ newUser }) => {
    const { page } = await newUser("Return path");
    const response = await page.request.get(`/sign-in?next=${next}`, { maxRedirects: 0 });
    expect(response.status()).toBe(307);
    expect(new URL(response.headers().location ?? "", APP_BASE_URL).href).toBe(`${APP_BASE_URL}${APP_HOME}`);

    await page.goto(`/sign-in?next=${next}`);
    await expect(page).toHaveURL(`${APP_BASE_URL}${APP_HOME}`);
  });
}

test("the sign-in form returns only to a path on this origin", async ({ page, newUser }) => {
  // Three sign-ins (scrypt on purpose) and their page loads: about 30 s on a 2-core machine.
  test.setTimeout(90_000);
  const { account, context } = await newUser("Return form");
  await context.close();
  for (const next of hostile.slice(0, 2)) {
    await page.context().clearCookies();
    await page.goto(`/sign-in?next=${next}`);
    await new SignInPage(page).signIn(account.email, account.password);
    await expect(page).toHaveURL(`${APP_BASE_URL}${APP_HOME}`);
  }
  // A good path still comes back where it was asked for.
  await page.context().clearCookies();
  await page.goto(`/sign-in?next=${encodeURIComponent("/settings?tab=key")}`);
  await new SignInPage(page).signIn(account.email, account.password);
  await expect(page).toHaveURL(`${APP_BASE_URL}/settings?tab=key`);
});
