import { expect, it } from "vitest";
import { createWebhookEndpoint, listWebhookDeliveries } from "@/db/queries/webhooks";
import { describeEachDriver } from "@/db/test/drivers";
import { createTestUser } from "@/db/test/fixtures";
import { deliverAlertChange } from "./deliver";
import type { AlertChange } from "./messages";

describeEachDriver("an alert's fire and resolve reach admins' webhooks", ({ db }) => {
  it("queues alert.fired once per event however often it is delivered, then alert.resolved, with metadata only", async () => {
    const admin = await createTestUser(db(), { role: "admin" });
    const member = await createTestUser(db());
    const { endpoint } = await createWebhookEndpoint(db(), { userId: admin.id, url: "https://ops.example.com/hook", events: ["alert.fired", "alert.resolved"], includeTranscript: false });
    const memberHook = await createWebhookEndpoint(db(), { userId: member.id, url: "https://member.example.com/hook", events: ["alert.fired"], includeTranscript: false });
    const fired: AlertChange = {
      kind: "fired",
      eventId: crypto.randomUUID(),
      rule: { id: crypto.randomUUID(), name: "Heard latency", metric: "heard_latency_p95", threshold: 800, windowMinutes: 60 },
      value: 1250,
      sampleCount: 12,
      at: new Date("2026-12-02T12:00:00Z"),
    };
    await deliverAlertChange(db(), fired);
    await deliverAlertChange(db(), fired);
    await deliverAlertChange(db(), { ...fired, kind: "resolved", value: 600, at: new Date("2026-12-02T12:30:00Z") });

    const deliveries = await listWebhookDeliveries(db(), { userId: admin.id, endpointIds: [endpoint.id] });
    expect(deliveries.map((d) => d.eventType).sort()).toEqual(["alert.fired", "alert.resolved"]);
    expect(await listWebhookDeliveries(db(), { userId: member.id, endpointIds: [memberHook.endpoint.id] })).toEqual([]);
  });
});
