import { OwnAppServer } from "../live/app-server";
import { uniqueAccount } from "../fixtures/accounts";
import { APP_PORT } from "../support/ports";
import { readMessage, startSmtpSink } from "../support/smtp-sink";
import { expect, test } from "./account-world";

/*
 * A deployment with SMTP: an address must be confirmed before its first sign-in, and the sign-up
 * form answers a taken address exactly as a new one. Mail goes over real SMTP (nodemailer) to a
 * stand-in server the spec reads.
 */
test("with SMTP, sign-up answers every address alike, mail confirms it, and only then does sign-in work", async ({ browser, track }) => {
  test.setTimeout(120_000);
  const smtp = await startSmtpSink();
  const server = new OwnAppServer(APP_PORT + 6, { SMTP_URL: `smtp://127.0.0.1:${smtp.port}`, EMAIL_FROM: "LiveMind <hello@livemind.test>" });
  try {
    await server.start();
    const account = uniqueAccount("Confirmer");
    const page = await track(await browser.newContext({ baseURL: server.baseUrl })).newPage();
    const signUp = async (password: string) => {
      await page.goto("/sign-up");
      await page.getByLabel("Name").fill(account.name);
      await page.getByLabel("Email").fill(account.email);
      await page.getByLabel("Password").fill(password);
      await page.getByTestId("sign-up-submit").click();
      return (await page.getByTestId("sign-up-check-inbox").textContent()) ?? "";
    };
    const first = await signUp(account.password);
    const second = await signUp("a different long passphrase");
    expect(second).toBe(first);
    await expect.poll(() => smtp.messages.length).toBe(2);
    const [confirm, attempt] = smtp.messages.map(readMessage);
    expect(confirm).toMatchObject({ to: account.email, subject: "Confirm your email address for LiveMind" });
    expect(attempt).toMatchObject({ to: account.email, subject: "Someone tried to sign up with your email address" });

    await page.goto("/sign-in");
    await page.getByLabel("Email").fill(account.email);
    await page.getByLabel("Password").fill(account.password);
    await page.getByTestId("sign-in-submit").click();
    await expect(page.getByTestId("sign-in-form").getByRole("alert")).toContainText("Confirm your email address first");

    await page.goto(confirm!.link!);
    await expect(page).toHaveURL(/\/sign-in\?verified=1$/);
    await expect(page.getByTestId("sign-in-notice")).toContainText("confirmed");
    await page.getByLabel("Email").fill(account.email);
    await page.getByLabel("Password").fill(account.password);
    await page.getByTestId("sign-in-submit").click();
    await expect(page).toHaveURL(/\/live$/);
  } finally {
    await server.dispose();
    await smtp.close();
  }
});
