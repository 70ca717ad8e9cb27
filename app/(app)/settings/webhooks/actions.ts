"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { createWebhookEndpoint, deleteWebhookEndpoint, resendWebhookDelivery } from "@/db/queries/webhooks";
import { authedAction } from "@/lib/actions/safe-action";
import { AppError } from "@/lib/errors/app-error";
import { runJobsAfterResponse } from "@/lib/jobs/schedule";
import { ADMIN_WEBHOOK_EVENTS, createWebhookInput } from "@/lib/webhooks/webhook";

const adminOnly = new Set<string>(ADMIN_WEBHOOK_EVENTS);

export const createWebhookAction = authedAction(createWebhookInput, async (input, { user, db }) => {
  if (user.role !== "admin" && input.events.some((event) => adminOnly.has(event))) {
    throw new AppError("forbidden:api", "Alert events are for administrators.");
  }
  const { secret, endpoint } = await createWebhookEndpoint(db, { userId: user.id, url: input.url, events: input.events, includeTranscript: input.includeTranscript });
  revalidatePath("/settings/webhooks");
  // The one time the signing secret leaves the server.
  return { id: endpoint.id, secret };
});

export const deleteWebhookAction = authedAction(z.strictObject({ endpointId: z.uuid() }), async ({ endpointId }, { user, db }) => {
  await deleteWebhookEndpoint(db, { userId: user.id, endpointId });
  revalidatePath("/settings/webhooks");
  return { endpointId };
});

export const resendWebhookDeliveryAction = authedAction(z.strictObject({ deliveryId: z.uuid() }), async ({ deliveryId }, { user, db }) => {
  await resendWebhookDelivery(db, { userId: user.id, deliveryId });
  runJobsAfterResponse({ userId: user.id });
  revalidatePath("/settings/webhooks");
  return { deliveryId };
});
