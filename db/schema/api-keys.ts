import { bigserial, index, integer, pgTable, primaryKey, smallint, text, timestamp } from "drizzle-orm/pg-core";
import { user } from "./auth";

/*
 * Keys a user makes for programs calling /api/v1. Only the SHA-256 of the key is kept (the key
 * has 256 random bits, so a fast hash is enough); `prefix` is its first characters, for display.
 * A revoked key keeps its row, so its request records still name it.
 */
export const apiKeys = pgTable(
  "api_keys",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    prefix: text("prefix").notNull(),
    keyHash: text("key_hash").notNull().unique(),
    scopes: text("scopes").array().notNull(),
    rateLimitPerMinute: integer("rate_limit_per_minute").notNull().default(120),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (t) => [index("api_keys_user_created_idx").on(t.userId, t.createdAt.desc())],
);

// One row per API request: which key, which route, the outcome. Never a body or a query string.
export const apiRequests = pgTable(
  "api_requests",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    keyId: text("key_id")
      .notNull()
      .references(() => apiKeys.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    method: text("method").notNull(),
    route: text("route").notNull(),
    status: smallint("status").notNull(),
    durationMs: integer("duration_ms").notNull(),
    errorCode: text("error_code"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  // The second index serves the admin dashboard's range over every key (db/queries/api-usage-admin.ts).
  (t) => [index("api_requests_key_created_idx").on(t.keyId, t.createdAt.desc()), index("api_requests_created_idx").on(t.createdAt)],
);

// The per-key rate limit's counters: one row per key and fixed one-minute window, in the
// database so that every serverless instance counts against the same allowance.
export const apiRateWindows = pgTable(
  "api_rate_windows",
  {
    keyId: text("key_id")
      .notNull()
      .references(() => apiKeys.id, { onDelete: "cascade" }),
    windowStart: timestamp("window_start", { withTimezone: true }).notNull(),
    count: integer("count").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.keyId, t.windowStart] })],
);
