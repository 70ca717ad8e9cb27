import { Webhook } from "standardwebhooks";
import { expect, test } from "../fixtures/test";
import { WebhooksPage } from "../pages/webhooks-page";
import { holdLiveConversation, storeConversation } from "../sessions/conversations";
import { startWebhookReceiver, webhookHeaders as headersOf } from "../support/webhook-receiver";

test.describe.configure({ timeout: 120_000 });

test("a webhook from Settings receives signed session.started and session.ended (with the transcript it asked for)", async ({ newUser }) => {
  const receiver = await startWebhookReceiver();
  try {
    const { page } = await newUser("Webhook Owner");
    const hooks = new WebhooksPage(page);
    await hooks.gotoFromSettings();
    const secret = await hooks.add(receiver.url, ["session.started", "session.ended"], { includeTranscript: true });
    await page.reload();
    await expect(page.getByText(secret)).toHaveCount(0);

    // One conversation on the Live page, then one with turns through the same actions.
    const { actions } = await holdLiveConversation(page);
    const sessionId = await storeConversation(page.request, actions, { lines: ["Ring me when the bread is done", "I will let you know"] });

    const find = (type: string) => receiver.received.find((r) => JSON.parse(r.body).type === type && JSON.parse(r.body).data.sessionId === sessionId);
    await expect.poll(() => Boolean(find("session.started") && find("session.ended")), { timeout: 30_000 }).toBe(true);
    const verifier = new Webhook(secret);
    const started = verifier.verify(find("session.started")!.body, headersOf(find("session.started")!)) as { data: { sessionId: string } };
    expect(started.data.sessionId).toBe(sessionId);
    const ended = verifier.verify(find("session.ended")!.body, headersOf(find("session.ended")!)) as { type: string; data: { sessionId: string; status: string; analytics: unknown; transcript: { sender: string; text: string }[] } };
    expect(ended.data).toMatchObject({ sessionId, status: "ENDED" });
    expect(ended.data.analytics).not.toBeNull();
    expect(ended.data.transcript.map((t) => [t.sender, t.text])).toEqual([
      ["user", "Ring me when the bread is done"],
      ["model", "I will let you know"],
    ]);
    // A tampered body fails verification: the signature covers it.
    expect(() => verifier.verify(find("session.ended")!.body.replace(sessionId, "x"), headersOf(find("session.ended")!))).toThrow();

    await test.step("the deliveries are listed with the receiver's answer, and one can be sent again", async () => {
      await hooks.gotoFromSettings();
      const deliveries = hooks.row(receiver.url).getByTestId("webhook-delivery");
      await expect(async () => {
        await page.reload();
        await expect(deliveries).toHaveCount(4);
        await expect(hooks.row(receiver.url).locator('[data-testid="webhook-delivery"][data-status="delivered"]')).toHaveCount(4, { timeout: 1_000 });
      }).toPass({ timeout: 30_000 });
      await expect(deliveries.first().getByTestId("webhook-delivery-code")).toHaveText("204");
      const before = receiver.received.length;
      await deliveries.first().getByTestId("resend-webhook-delivery").click();
      await expect.poll(() => receiver.received.length, { timeout: 30_000 }).toBe(before + 1);
      // Same event, same id: a receiver can tell a resend from a new event.
      expect(receiver.received.at(-1)!.headers["webhook-id"]).toBe(receiver.received.find((r) => r.body === receiver.received.at(-1)!.body)!.headers["webhook-id"]);
    });

    await test.step("deleting the webhook removes it", async () => {
      await hooks.row(receiver.url).getByTestId("delete-webhook").click();
      await hooks.row(receiver.url).getByTestId("confirm-delete-webhook").click();
      await expect(hooks.rows).toHaveCount(0);
    });
  } finally {
    await receiver.close();
  }
});
