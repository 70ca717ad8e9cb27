import { createHash, createHmac, randomBytes } from "node:crypto";
import { z } from "zod";

/*
 * What a webhook is (pure: the DAL and the UI import it). Signing follows Standard Webhooks
 * (standardwebhooks.com): the secret is "whsec_" + base64 of random bytes, and the signature is
 * "v1," + base64(HMAC-SHA256(key, `${id}.${timestamp}.${body}`)).
 */

export const USER_WEBHOOK_EVENTS = ["session.started", "session.ended", "memory.created"] as const;
/** Deployment-wide events, delivered to admins' endpoints only. */
export const ADMIN_WEBHOOK_EVENTS = ["alert.fired", "alert.resolved"] as const;
export const WEBHOOK_EVENTS = [...USER_WEBHOOK_EVENTS, ...ADMIN_WEBHOOK_EVENTS] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENTS)[number];

export const MAX_ENDPOINTS_PER_USER = 10;
export const WEBHOOK_JOB = "webhook.deliver";
export const webhookJobKey = (deliveryId: string) => `${WEBHOOK_JOB}:${deliveryId}`;
/**
 * session.ended, queued in the transaction that ends a conversation (Stop, the stale sweep, a
 * suspension, a Start replacing it), one job per session by its key; the event's id is keyed by
 * the session too, so with the Stop action's own emit it is still one delivery per endpoint.
 */
export const SESSION_ENDED_JOB = "webhook.session-ended";
export const sessionEndedJobKey = (sessionId: string) => `${SESSION_ENDED_JOB}:${sessionId}`;

const SECRET_PREFIX = "whsec_";

export function generateWebhookSecret(): string {
  return `${SECRET_PREFIX}${randomBytes(24).toString("base64")}`;
}

/** The Standard Webhooks headers for one attempt; `timestamp` in seconds. */
export function signWebhook({ secret, id, timestamp, body }: { secret: string; id: string; timestamp: number; body: string }): Record<string, string> {
  const key = Buffer.from(secret.startsWith(SECRET_PREFIX) ? secret.slice(SECRET_PREFIX.length) : secret, "base64");
  const signature = createHmac("sha256", key).update(`${id}.${timestamp}.${body}`).digest("base64");
  return { "webhook-id": id, "webhook-timestamp": String(timestamp), "webhook-signature": `v1,${signature}` };
}

/** A stable message id for an event that has a natural key (a session ending happens once). */
export function webhookEventId(type: string, key?: string): string {
  const seed = key ? `${type}:${key}` : randomBytes(16).toString("hex");
  return `msg_${createHash("sha256").update(seed).digest("base64url").slice(0, 27)}`;
}

const noNul = (value: string) => !value.includes("\u0000");

export const webhookUrl = z
  .string()
  .trim()
  .min(1, "Enter the URL to call.")
  .max(2000, "At most 2,000 characters.")
  .refine(noNul, "Not a valid URL.")
  .refine((value) => {
    try {
      const url = new URL(value);
      return (url.protocol === "https:" || url.protocol === "http:") && !url.username && !url.password;
    } catch {
      return false;
    }
  }, "Enter a full http:// or https:// URL without credentials.");

export const createWebhookInput = z.strictObject({
  url: webhookUrl,
  events: z.array(z.enum(WEBHOOK_EVENTS)).min(1, "Choose at least one event.").max(WEBHOOK_EVENTS.length),
  includeTranscript: z.boolean().default(false),
});
export type CreateWebhookInput = z.input<typeof createWebhookInput>;

export interface WebhookEndpointSummary {
  id: string;
  url: string;
  events: WebhookEventType[];
  includeTranscript: boolean;
  createdAt: Date;
}

export interface WebhookDeliverySummary {
  id: string;
  endpointId: string;
  eventId: string;
  eventType: string;
  status: "pending" | "delivered" | "failed";
  attempts: number;
  responseStatus: number | null;
  durationMs: number | null;
  lastError: string | null;
  lastAttemptAt: Date | null;
  nextAttemptAt: Date | null;
  createdAt: Date;
}
