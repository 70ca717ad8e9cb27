import type { Metadata } from "next";
import { getDb } from "@/db";
import { listWebhookDeliveries, listWebhookEndpoints } from "@/db/queries/webhooks";
import { PageHeader } from "@/components/shell/page-header";
import { CreateWebhookForm } from "@/components/webhooks/create-webhook-form";
import { WebhookList } from "@/components/webhooks/webhook-list";
import { requirePageUser } from "@/lib/auth/session";
import { createWebhookAction, deleteWebhookAction, resendWebhookDeliveryAction } from "./actions";

export const metadata: Metadata = { title: "Webhooks" };

export default async function WebhooksPage() {
  const user = await requirePageUser("/settings/webhooks");
  const db = await getDb();
  const endpoints = await listWebhookEndpoints(db, { userId: user.id });
  const deliveries = await listWebhookDeliveries(db, { userId: user.id, endpointIds: endpoints.map((e) => e.id) });
  const rows = endpoints.map((endpoint) => ({
    id: endpoint.id,
    url: endpoint.url,
    events: endpoint.events,
    includeTranscript: endpoint.includeTranscript,
    createdAt: endpoint.createdAt.toISOString(),
    deliveries: deliveries
      .filter((d) => d.endpointId === endpoint.id)
      .map((d) => ({
        id: d.id,
        eventType: d.eventType,
        status: d.status,
        attempts: d.attempts,
        responseStatus: d.responseStatus,
        durationMs: d.durationMs,
        lastError: d.lastError,
        lastAttemptAt: d.lastAttemptAt?.toISOString() ?? null,
        createdAt: d.createdAt.toISOString(),
      })),
  }));
  return (
    <>
      <PageHeader title="Webhooks" description="Let your own server hear about your conversations and memories as they happen." />
      <div className="flex flex-col gap-6">
        <p className="text-sm text-fg-muted">
          Each request carries <code className="font-mono">webhook-id</code>, <code className="font-mono">webhook-timestamp</code> and{" "}
          <code className="font-mono">webhook-signature</code> headers (Standard Webhooks): verify them with your signing secret. Failed deliveries are retried with growing delays.
        </p>
        <CreateWebhookForm isAdmin={user.role === "admin"} create={createWebhookAction} />
        <WebhookList endpoints={rows} remove={deleteWebhookAction} resend={resendWebhookDeliveryAction} />
      </div>
    </>
  );
}
