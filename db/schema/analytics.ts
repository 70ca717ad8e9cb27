import { integer, jsonb, pgTable, real, text, timestamp, uuid, index } from "drizzle-orm/pg-core";
import { user } from "./auth";
import { liveSessions } from "./live-sessions";

// Per-session aggregates, written in the same transaction that ends a session.
export const sessionAnalytics = pgTable(
  "session_analytics",
  {
    sessionId: uuid("session_id")
      .primaryKey()
      .references(() => liveSessions.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    userMessageCount: integer("user_message_count").notNull().default(0),
    modelMessageCount: integer("model_message_count").notNull().default(0),
    audioSeconds: real("audio_seconds").notNull().default(0),
    videoFrameCount: integer("video_frame_count").notNull().default(0),
    responseTimeMeanMs: real("response_time_mean_ms"),
    responseTimeP95Ms: real("response_time_p95_ms"),
    interruptionCount: integer("interruption_count").notNull().default(0),
    errorCount: integer("error_count").notNull().default(0),
    tokensIn: integer("tokens_in").notNull().default(0),
    tokensOut: integer("tokens_out").notNull().default(0),
    metadata: jsonb("metadata").$type<Record<string, unknown>>().notNull().default({}),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("session_analytics_user_created_idx").on(t.userId, t.createdAt)],
);
