import { type Page } from "@playwright/test";
import { ADMIN_ACCOUNT } from "../fixtures/accounts";
import { expect, test } from "../fixtures/test";
import { APP_PORT } from "../support/ports";
import { OwnAppServer, signedInContext } from "./app-server";
import { geminiDouble } from "./double";
import { saveTestKey } from "./gemini-key";
import { LivePage } from "./live-page";

/*
 * The p95 heard-latency rule against a real conversation: the Gemini double made slow fires it,
 * made fast again resolves it. On a server of its own, so that only this conversation's turns
 * are in the rule's window and the cron route (which needs CRON_SECRET) can evaluate at will.
 *
 * The app measures heard latency from the last input transcription to the first answer audio;
 * the double sends the transcription in 3 parts spread over its response delay, so the latency
 * heard is about a third of `responseDelayMs` plus the socket's own delay (measured: p95 733 ms
 * at 2,100 ms; the default 150 ms leaves it near 50 ms), so 400 ms sits well between the two. The
 * slow delay leaves the answer (300 ms of audio) done before the fake microphone's next loop
 * speaks (3.5 s of quiet after each sentence).
 */

const CRON_SECRET = "alert-latency-cron-secret-0123456789";
const SLOW = { responseDelayMs: 2_100, replyAudioMs: 300 };
const FAST = { responseDelayMs: 150, replyAudioMs: 300 };
const THRESHOLD_MS = 400;

test.beforeEach(async () => {
  await geminiDouble.reset();
});

/** One cron run (jobs, then every alert rule), then the admin's alerts page as it is now. */
async function evaluateAndLook(server: OwnAppServer, admin: Page) {
  const response = await fetch(`${server.baseUrl}/api/cron/jobs`, { method: "POST", headers: { authorization: `Bearer ${CRON_SECRET}` } });
  expect(response.status, await response.text()).toBe(200);
  await admin.goto("/admin/alerts");
}

test("a p95 heard-latency rule fires while the Gemini double is slow and resolves once it is fast again", async ({ browser }) => {
  // A conversation of a few minutes: slow turns, then a window's worth (1 minute) of fast ones.
  test.setTimeout(480_000);
  const server = new OwnAppServer(APP_PORT + 8, { CRON_SECRET });
  try {
    await server.start();
    await geminiDouble.script(SLOW);
    const adminContext = await signedInContext(browser, server, "Alert Admin", ADMIN_ACCOUNT);
    const admin = await adminContext.newPage();
    const bell = admin.getByTestId("admin-alerts-count");
    const openAlerts = admin.getByTestId("alerts-open-item");
    const history = admin.getByTestId("alerts-history-item");

    await test.step("the admin creates an enabled rule: p95 heard latency above 400 ms over 1 minute, 3 samples at least", async () => {
      await admin.goto("/admin/alerts");
      const form = admin.getByTestId("alert-rule-new");
      await form.getByTestId("alert-rule-new-name").fill("Heard latency");
      await form.getByTestId("alert-rule-new-metric").selectOption("heard_latency_p95");
      await form.getByTestId("alert-rule-new-threshold").fill(String(THRESHOLD_MS));
      await form.getByTestId("alert-rule-new-window").fill("1");
      await form.getByTestId("alert-rule-new-min-samples").fill("3");
      await form.getByTestId("alert-rule-new-enabled").setChecked(true);
      await form.getByTestId("alert-rule-new-save").click();
      await expect(admin.locator('form[data-testid^="alert-rule-"]:not([data-testid="alert-rule-new"])')).toHaveCount(1);
      await expect(bell).toHaveText("0");
    });

    const userContext = await signedInContext(browser, server, "Alert Talker");
    const page = await userContext.newPage();
    await saveTestKey(page);
    const live = new LivePage(page);
    await live.goto();
    await live.startConversation();

    await test.step("slow answers: the rule fires, the bell rings and the history has it open", async () => {
      await live.waitForCompletedAnswers(3, 120_000);
      await expect(async () => {
        await evaluateAndLook(server, admin);
        await expect(openAlerts).toHaveCount(1, { timeout: 1_000 });
      }).toPass({ timeout: 120_000, intervals: [3_000] });
      await expect(bell).toHaveText("1");
      await expect(openAlerts).toContainText("Heard latency");
      await expect(history).toHaveCount(1);
      await expect(history).toContainText("Open");
      test.info().annotations.push({ type: "fired", description: (await history.textContent()) ?? "" });
    });

    await test.step("fast answers for a window: the rule resolves and the bell is quiet", async () => {
      await geminiDouble.script(FAST);
      const answered = await live.turn("model", { final: true, interrupted: false }).count();
      await live.waitForCompletedAnswers(answered + 3, 120_000);
      // The slow turns leave the 1-minute window while fast ones keep coming.
      await expect(async () => {
        await evaluateAndLook(server, admin);
        await expect(admin.getByTestId("alerts-open-empty")).toBeVisible({ timeout: 1_000 });
      }).toPass({ timeout: 240_000, intervals: [5_000] });
      await expect(bell).toHaveText("0");
      await expect(history).toHaveCount(1);
      await expect(history).toContainText("Resolved");
    });

    await live.stopConversation();
    await userContext.close();
    await adminContext.close();
  } finally {
    await server.dispose();
  }
});
