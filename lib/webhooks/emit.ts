import "server-only";
import type { Database } from "@/db";
import { findWebhookTargets, queueWebhookDeliveries } from "@/db/queries/webhooks";
import { logError } from "@/lib/errors/log";
import { webhookEventId, type WebhookEventType } from "./webhook";

export interface WebhookEvent {
  /** The user whose endpoints hear it; null for a deployment-wide event (admins' endpoints). */
  userId: string | null;
  type: WebhookEventType;
  /** The event's data; a function is called only when some endpoint will receive it. */
  data: Record<string, unknown> | (() => Promise<Record<string, unknown>>);
  /** A natural key (e.g. the session id): emitting the same event twice delivers it once. */
  key?: string;
  /** session.ended: the transcript, read only if some endpoint asked for it. */
  transcript?: () => Promise<unknown>;
  now?: Date;
}

/**
 * Queues the event for every subscribed endpoint (durable rows; the job runner sends them).
 * Throws on failure: for a job, which is then retried.
 */
export async function queueWebhookEvent(db: Database, event: WebhookEvent): Promise<{ queued: number }> {
  const targets = await findWebhookTargets(db, { userId: event.userId, type: event.type });
  if (targets.length === 0) return { queued: 0 };
  const now = event.now ?? new Date();
  const eventId = webhookEventId(event.type, event.key);
  const data = typeof event.data === "function" ? await event.data() : event.data;
  const base = { type: event.type, timestamp: now.toISOString(), data };
  const transcript = event.transcript && targets.some((t) => t.includeTranscript) ? await event.transcript() : undefined;
  const deliveries = targets.map((target) => ({
    endpointId: target.id,
    userId: target.userId,
    payload: target.includeTranscript && transcript !== undefined ? { ...base, data: { ...data, transcript } } : base,
  }));
  const ids = await queueWebhookDeliveries(db, { eventId, type: event.type, deliveries, now });
  return { queued: ids.length };
}

/**
 * queueWebhookEvent on a user's request. Never throws: a webhook problem must not fail the
 * user's action, so it is logged instead.
 */
export async function emitWebhookEvent(db: Database, event: WebhookEvent): Promise<{ queued: number }> {
  try {
    return await queueWebhookEvent(db, event);
  } catch (error) {
    logError(`webhooks:emit:${event.type}`, error);
    return { queued: 0 };
  }
}
