import { sql } from "drizzle-orm";
import { bigint, index, integer, jsonb, pgTable, real, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { user } from "./auth";
import { liveSessions, sessionStatus } from "./live-sessions";
import { personas } from "./personas";

/*
 * Per-session aggregates, written when a session ends (or later, see db/queries/analytics-backfill.ts,
 * when they could not be written then: a conversation always ends). This is also the
 * analytics rollup: it carries what the dashboards group by (start time, status, model, voice,
 * persona) and every response time of the session, so no dashboard query reads raw turns and
 * percentiles over any set of sessions stay exact.
 */
export const sessionAnalytics = pgTable(
  "session_analytics",
  {
    sessionId: uuid("session_id")
      .primaryKey()
      .references(() => liveSessions.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    // Copied from live_sessions: a conversation counts on the day (in the viewer's zone) it started.
    startedAt: timestamp("started_at", { withTimezone: true }).notNull(),
    status: sessionStatus("status").notNull(),
    // The message a failed conversation ended with (copied too), for the most frequent errors.
    errorMessage: text("error_message"),
    durationSeconds: integer("duration_seconds").notNull().default(0),
    model: text("model").notNull(),
    voice: text("voice").notNull(),
    personaId: uuid("persona_id").references(() => personas.id, { onDelete: "set null" }),
    userMessageCount: integer("user_message_count").notNull().default(0),
    modelMessageCount: integer("model_message_count").notNull().default(0),
    audioSeconds: real("audio_seconds").notNull().default(0),
    videoFrameCount: integer("video_frame_count").notNull().default(0),
    responseTimeMeanMs: real("response_time_mean_ms"),
    responseTimeP95Ms: real("response_time_p95_ms"),
    // Every model turn's latency, ascending: exact percentiles across sessions without the turns.
    latenciesMs: integer("latencies_ms").array().notNull().default([]),
    latencySumMs: bigint("latency_sum_ms", { mode: "number" }).notNull().default(0),
    interruptionCount: integer("interruption_count").notNull().default(0),
    errorCount: integer("error_count").notNull().default(0),
    // Sums over the session's turns: each turn may report up to an int4's worth of tokens.
    tokensIn: bigint("tokens_in", { mode: "number" }).notNull().default(0),
    tokensOut: bigint("tokens_out", { mode: "number" }).notNull().default(0),
    metadata: jsonb("metadata").$type<Record<string, unknown>>().notNull().default({}),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("session_analytics_user_started_idx").on(t.userId, t.startedAt),
    index("session_analytics_started_idx").on(t.startedAt),
    // The few conversations that failed, for the most frequent error messages.
    index("session_analytics_errors_started_idx").on(t.startedAt, t.errorMessage).where(sql`${t.status} = 'ERROR'`),
  ],
);
