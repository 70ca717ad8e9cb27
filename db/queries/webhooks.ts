import "server-only";
import { and, arrayContains, count, desc, eq, inArray, sql } from "drizzle-orm";
import { AppError } from "@/lib/errors/app-error";
import { sealSecret } from "@/lib/gemini/crypto";
import {
  generateWebhookSecret,
  MAX_ENDPOINTS_PER_USER,
  SESSION_ENDED_JOB,
  sessionEndedJobKey,
  WEBHOOK_JOB,
  webhookJobKey,
  type WebhookDeliverySummary,
  type WebhookEndpointSummary,
  type WebhookEventType,
} from "@/lib/webhooks/webhook";
import type { Database } from "../index";
import { user, webhookDeliveries, webhookEndpoints } from "../schema";
import { enqueueJob } from "./jobs";
import { openEndpointSecret, sealedSecretValues, secretColumns } from "./webhook-secrets";

/*
 * Webhook endpoints and deliveries. Every read and write names the owner; a delivery is made
 * together with its job row in one transaction, so an event is either fully queued or not at all.
 */

const endpointSummary = {
  id: webhookEndpoints.id,
  url: webhookEndpoints.url,
  events: webhookEndpoints.events,
  includeTranscript: webhookEndpoints.includeTranscript,
  createdAt: webhookEndpoints.createdAt,
};

const deliverySummary = {
  id: webhookDeliveries.id,
  endpointId: webhookDeliveries.endpointId,
  eventId: webhookDeliveries.eventId,
  eventType: webhookDeliveries.eventType,
  status: webhookDeliveries.status,
  attempts: webhookDeliveries.attempts,
  responseStatus: webhookDeliveries.responseStatus,
  durationMs: webhookDeliveries.durationMs,
  lastError: webhookDeliveries.lastError,
  lastAttemptAt: webhookDeliveries.lastAttemptAt,
  nextAttemptAt: webhookDeliveries.nextAttemptAt,
  createdAt: webhookDeliveries.createdAt,
};

type Tx = Parameters<Parameters<Database["transaction"]>[0]>[0];
type Executor = Database | Tx;

const notFound = () => new AppError("not_found:api", "That webhook does not exist.");
const asEndpoint = (row: Omit<WebhookEndpointSummary, "events"> & { events: string[] }) => ({ ...row, events: row.events as WebhookEventType[] });

/** Registers an endpoint; its secret is in the answer and, after that, only stored sealed and used to sign. */
export async function createWebhookEndpoint(
  db: Database,
  { userId, url, events, includeTranscript }: { userId: string; url: string; events: WebhookEventType[]; includeTranscript: boolean },
): Promise<{ secret: string; endpoint: WebhookEndpointSummary }> {
  const [existing] = await db.select({ n: count() }).from(webhookEndpoints).where(eq(webhookEndpoints.userId, userId));
  if ((existing?.n ?? 0) >= MAX_ENDPOINTS_PER_USER) throw new AppError("conflict:api", `At most ${MAX_ENDPOINTS_PER_USER} webhooks: delete one first.`);
  const secret = generateWebhookSecret();
  const [row] = await db
    .insert(webhookEndpoints)
    .values({ userId, url, events: [...new Set(events)], ...sealedSecretValues(sealSecret(secret, { userId })), includeTranscript })
    .returning(endpointSummary);
  return { secret, endpoint: asEndpoint(row!) };
}

export async function listWebhookEndpoints(db: Database, { userId }: { userId: string }): Promise<WebhookEndpointSummary[]> {
  const rows = await db.select(endpointSummary).from(webhookEndpoints).where(eq(webhookEndpoints.userId, userId)).orderBy(desc(webhookEndpoints.createdAt), desc(webhookEndpoints.id));
  return rows.map(asEndpoint);
}

export async function deleteWebhookEndpoint(db: Database, { userId, endpointId }: { userId: string; endpointId: string }): Promise<void> {
  const [row] = await db
    .delete(webhookEndpoints)
    .where(and(eq(webhookEndpoints.id, endpointId), eq(webhookEndpoints.userId, userId)))
    .returning({ id: webhookEndpoints.id });
  if (!row) throw notFound();
}

/** The latest deliveries of the caller's endpoints, newest first. */
export async function listWebhookDeliveries(
  db: Database,
  { userId, endpointIds, perEndpoint = 5 }: { userId: string; endpointIds: string[]; perEndpoint?: number },
): Promise<WebhookDeliverySummary[]> {
  if (endpointIds.length === 0) return [];
  const ranked = db
    .select({ ...deliverySummary, rank: sql<number>`row_number() over (partition by ${webhookDeliveries.endpointId} order by ${webhookDeliveries.createdAt} desc, ${webhookDeliveries.id} desc)`.as("rank") })
    .from(webhookDeliveries)
    .where(and(eq(webhookDeliveries.userId, userId), inArray(webhookDeliveries.endpointId, endpointIds)))
    .as("ranked");
  const rows = await db.select().from(ranked).where(sql`${ranked.rank} <= ${perEndpoint}`).orderBy(desc(ranked.createdAt), desc(ranked.id));
  return rows.map(({ rank: _rank, ...row }) => row);
}

export interface WebhookTarget {
  id: string;
  userId: string;
  includeTranscript: boolean;
}

/**
 * The endpoints an event goes to: the user's own endpoints subscribed to it, or, for a
 * deployment-wide event (`userId` null), the endpoints of admins subscribed to it.
 */
export async function findWebhookTargets(db: Executor, { userId, type }: { userId: string | null; type: WebhookEventType }): Promise<WebhookTarget[]> {
  const subscribed = arrayContains(webhookEndpoints.events, [type]);
  const target = { id: webhookEndpoints.id, userId: webhookEndpoints.userId, includeTranscript: webhookEndpoints.includeTranscript };
  if (userId) return db.select(target).from(webhookEndpoints).where(and(eq(webhookEndpoints.userId, userId), subscribed));
  return db
    .select(target)
    .from(webhookEndpoints)
    .innerJoin(user, eq(user.id, webhookEndpoints.userId))
    .where(and(eq(user.role, "admin"), subscribed));
}

/**
 * In the transaction that ends a conversation (whoever ends it): the job that emits its
 * session.ended, when the owner has an endpoint for it. One job per session (its dedupe key).
 */
export async function queueSessionEndedWebhook(tx: Tx, { userId, sessionId, now }: { userId: string; sessionId: string; now: Date }): Promise<void> {
  if ((await findWebhookTargets(tx, { userId, type: "session.ended" })).length === 0) return;
  await enqueueJob(tx, { kind: SESSION_ENDED_JOB, userId, payload: { sessionId }, dedupeKey: sessionEndedJobKey(sessionId), runAt: now });
}

/**
 * Queues one delivery per target with its job, idempotently: the same event id for the same
 * endpoint is one delivery however often it is emitted. Returns the ids of new deliveries.
 */
export async function queueWebhookDeliveries(
  db: Database,
  { eventId, type, deliveries, now = new Date() }: { eventId: string; type: WebhookEventType; deliveries: { endpointId: string; userId: string; payload: Record<string, unknown> }[]; now?: Date },
): Promise<string[]> {
  if (deliveries.length === 0) return [];
  return db.transaction(async (tx) => {
    const rows = await tx
      .insert(webhookDeliveries)
      .values(deliveries.map((d) => ({ endpointId: d.endpointId, userId: d.userId, eventId, eventType: type, payload: d.payload, nextAttemptAt: now, createdAt: now })))
      .onConflictDoNothing({ target: [webhookDeliveries.endpointId, webhookDeliveries.eventId] })
      .returning({ id: webhookDeliveries.id, userId: webhookDeliveries.userId });
    for (const row of rows) {
      await enqueueJob(tx, { kind: WEBHOOK_JOB, userId: row.userId, payload: { deliveryId: row.id }, dedupeKey: webhookJobKey(row.id), runAt: now, maxAttempts: 8 });
    }
    return rows.map((row) => row.id);
  });
}

/** Sends one of the caller's deliveries again, from a fresh set of attempts. */
export async function resendWebhookDelivery(db: Database, { userId, deliveryId, now = new Date() }: { userId: string; deliveryId: string; now?: Date }): Promise<void> {
  await db.transaction(async (tx) => {
    const [row] = await tx
      .update(webhookDeliveries)
      .set({ status: "pending", nextAttemptAt: now })
      .where(and(eq(webhookDeliveries.id, deliveryId), eq(webhookDeliveries.userId, userId)))
      .returning({ id: webhookDeliveries.id });
    if (!row) throw new AppError("not_found:api", "That delivery does not exist.");
    await enqueueJob(tx, { kind: WEBHOOK_JOB, userId, payload: { deliveryId }, dedupeKey: webhookJobKey(deliveryId), runAt: now, maxAttempts: 8, requeue: true });
  });
}

export interface DeliveryToSend {
  id: string;
  eventId: string;
  payload: Record<string, unknown>;
  url: string;
  secret: string;
}

/** What the delivery job needs to send (the job row names the owner), the secret opened to sign with. */
export async function getDeliveryToSend(db: Database, { userId, deliveryId }: { userId: string; deliveryId: string }): Promise<DeliveryToSend | null> {
  const [row] = await db
    .select({
      id: webhookDeliveries.id,
      eventId: webhookDeliveries.eventId,
      payload: webhookDeliveries.payload,
      url: webhookEndpoints.url,
      endpointId: webhookEndpoints.id,
      userId: webhookEndpoints.userId,
      ...secretColumns,
    })
    .from(webhookDeliveries)
    .innerJoin(webhookEndpoints, eq(webhookEndpoints.id, webhookDeliveries.endpointId))
    .where(and(eq(webhookDeliveries.id, deliveryId), eq(webhookDeliveries.userId, userId)));
  if (!row) return null;
  return { id: row.id, eventId: row.eventId, payload: row.payload, url: row.url, secret: (await openEndpointSecret(db, row)).plaintext };
}

/** Records one attempt's outcome: `retryAt` null means no further attempt. */
export async function recordDeliveryAttempt(
  db: Database,
  {
    userId,
    deliveryId,
    ok,
    responseStatus,
    durationMs,
    error,
    retryAt,
    now = new Date(),
  }: { userId: string; deliveryId: string; ok: boolean; responseStatus: number | null; durationMs: number; error: string | null; retryAt: Date | null; now?: Date },
): Promise<void> {
  await db
    .update(webhookDeliveries)
    .set({
      status: ok ? "delivered" : retryAt ? "pending" : "failed",
      attempts: sql`${webhookDeliveries.attempts} + 1`,
      responseStatus,
      durationMs: Math.max(0, Math.round(durationMs)),
      lastError: error?.slice(0, 300) ?? null,
      lastAttemptAt: now,
      nextAttemptAt: ok ? null : retryAt,
    })
    .where(and(eq(webhookDeliveries.id, deliveryId), eq(webhookDeliveries.userId, userId)));
}
