import { Webhook } from "standardwebhooks";
import { OwnAppServer, signedInContext } from "../live/app-server";
import { expect, test } from "../fixtures/test";
import { WebhooksPage } from "../pages/webhooks-page";
import { holdLiveConversation, storeConversation } from "../sessions/conversations";
import { APP_PORT } from "../support/ports";
import { startWebhookReceiver, webhookHeaders, type WebhookReceiver } from "../support/webhook-receiver";

/*
 * A crash in the middle of a delivery loses nothing and sends nothing twice: the delivery's job
 * row outlives the process, its lease runs out, and the cron route sends it again under the same
 * webhook-id, once.
 */

const CRON_SECRET = "webhook-crash-cron-secret-0123456789";
/** The shortest lease the setting allows, so the spec waits 15 s for the dead run's claim, not 2 minutes. */
const LEASE_SECONDS = 15;

const runCron = async (server: OwnAppServer) => {
  const response = await fetch(`${server.baseUrl}/api/cron/jobs`, { method: "POST", headers: { authorization: `Bearer ${CRON_SECRET}` } });
  expect(response.status, await response.text()).toBe(200);
};

const acknowledged = (receiver: WebhookReceiver, id: string) => receiver.received.filter((r) => r.acknowledged && r.headers["webhook-id"] === id);

test("the app killed (SIGKILL) while a receiver holds a session.ended delivery: after a restart it is delivered exactly once, signed, with analytics and no transcript", async ({ browser }) => {
  // Two starts of a server, and the lease of the killed run to wait out.
  test.setTimeout(300_000);
  // Beside the e2e servers and the other restart specs (APP_PORT + 1 … + 6).
  const server = new OwnAppServer(APP_PORT + 7, { CRON_SECRET, JOBS_LEASE_SECONDS: String(LEASE_SECONDS) });
  const receiver = await startWebhookReceiver({ holdFirst: true });
  try {
    await server.start();
    const context = await signedInContext(browser, server, "Webhook Crash");
    const page = await context.newPage();
    // The Live page's start and end actions, captured before the webhook exists (its own end is no delivery).
    const { actions } = await holdLiveConversation(page);
    const hooks = new WebhooksPage(page);
    await hooks.gotoFromSettings();
    const secret = await hooks.add(receiver.url, ["session.ended"]);

    const sessionId = await storeConversation(page.request, actions, { lines: ["Is the oven still on?", "It is, at two hundred degrees"] });
    const held = await receiver.held;
    const eventId = String(held.headers["webhook-id"]);
    expect(JSON.parse(held.body)).toMatchObject({ type: "session.ended", data: { sessionId } });

    await server.kill();
    expect(acknowledged(receiver, eventId)).toHaveLength(0);
    await server.start();

    // The cron route retries what after() could not finish, once the dead run's lease has lapsed.
    await expect
      .poll(
        async () => {
          await runCron(server);
          return acknowledged(receiver, eventId).length;
        },
        { timeout: 120_000, intervals: [2_000] },
      )
      .toBe(1);
    // Another run finds nothing left to send.
    await runCron(server);
    expect(acknowledged(receiver, eventId)).toHaveLength(1);
    expect(receiver.received.map((r) => r.headers["webhook-id"])).toEqual([eventId, eventId]);

    const delivered = acknowledged(receiver, eventId)[0]!;
    const payload = new Webhook(secret).verify(delivered.body, webhookHeaders(delivered)) as { type: string; data: Record<string, unknown> & { analytics: Record<string, unknown> } };
    expect(payload.type).toBe("session.ended");
    expect(payload.data).toMatchObject({ sessionId, status: "ENDED" });
    expect(payload.data.analytics).toMatchObject({ userMessageCount: 1, modelMessageCount: 1 });
    // The endpoint did not ask for the transcript.
    expect(payload.data).not.toHaveProperty("transcript");

    await hooks.gotoFromSettings();
    const delivery = hooks.row(receiver.url).getByTestId("webhook-delivery");
    await expect(delivery).toHaveCount(1);
    await expect(delivery).toHaveAttribute("data-status", "delivered");
    await expect(delivery.getByTestId("webhook-delivery-code")).toHaveText("204");
    await context.close();
  } finally {
    await receiver.close();
    await server.dispose();
  }
});
