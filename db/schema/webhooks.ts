import { sql } from "drizzle-orm";
import { boolean, check, index, integer, jsonb, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { user } from "./auth";

/*
 * Webhooks (issue 14): endpoints a user registers for events, and one delivery row per
 * (endpoint, event). The delivery row is the durable record of the attempt: the job table
 * carries the retry schedule, this row carries what the user sees (code, time, error).
 */
export const webhookEndpoints = pgTable(
  "webhook_endpoints",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: text("user_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    url: text("url").notNull(),
    events: text("events").array().notNull(),
    // The Standard Webhooks signing secret ("whsec_" + base64), shown to the user once, never
    // logged, never sent to the browser after creation. At rest it is sealed like a Gemini key
    // (AES-256-GCM, owner's user id as associated data, key version: lib/gemini/crypto.ts).
    // `secret` is the plaintext of rows made before sealing: sealed (and emptied) on next use
    // or by `npm run credentials:rotate`. A row holds one form, never both.
    secret: text("secret"),
    secretCiphertext: text("secret_ciphertext"),
    secretIv: text("secret_iv"),
    secretAuthTag: text("secret_auth_tag"),
    secretKeyVersion: integer("secret_key_version"),
    // session.ended carries the transcript only when the endpoint asked for it.
    includeTranscript: boolean("include_transcript").notNull().default(false),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("webhook_endpoints_user_idx").on(t.userId, t.createdAt.desc()),
    check(
      "webhook_endpoints_secret_plain_or_sealed",
      sql`(${t.secret} is not null and ${t.secretCiphertext} is null and ${t.secretIv} is null and ${t.secretAuthTag} is null and ${t.secretKeyVersion} is null) or (${t.secret} is null and ${t.secretCiphertext} is not null and ${t.secretIv} is not null and ${t.secretAuthTag} is not null and ${t.secretKeyVersion} is not null)`,
    ),
  ],
);

export const webhookDeliveryStatus = pgEnum("webhook_delivery_status", ["pending", "delivered", "failed"]);

export const webhookDeliveries = pgTable(
  "webhook_deliveries",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    endpointId: uuid("endpoint_id")
      .notNull()
      .references(() => webhookEndpoints.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    // The Standard Webhooks message id (webhook-id): the same event keeps it across retries.
    eventId: text("event_id").notNull(),
    eventType: text("event_type").notNull(),
    payload: jsonb("payload").$type<Record<string, unknown>>().notNull(),
    status: webhookDeliveryStatus("status").notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }),
    responseStatus: integer("response_status"),
    durationMs: integer("duration_ms"),
    lastError: text("last_error"),
    lastAttemptAt: timestamp("last_attempt_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("webhook_deliveries_endpoint_event_idx").on(t.endpointId, t.eventId),
    index("webhook_deliveries_endpoint_created_idx").on(t.endpointId, t.createdAt.desc()),
  ],
);
