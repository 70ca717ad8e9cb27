import { sql } from "drizzle-orm";
import {
  boolean,
  customType,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { user } from "./auth";
import { personas } from "./personas";

export const sessionStatus = pgEnum("session_status", ["IDLE", "CONNECTING", "ACTIVE", "ENDED", "ERROR"]);
export const senderType = pgEnum("sender_type", ["user", "model"]);
export const transcriptionType = pgEnum("transcription_type", ["input", "output"]);

/** The browser's counters at the end of a session (`stats` of endLiveSessionInput in lib/live/contract.ts). */
export interface ClientStatsReport {
  audioSeconds: number;
  videoFrameCount: number;
  errorCount: number;
  resumptions: number;
}

const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });

export const liveSessions = pgTable(
  "live_sessions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: text("user_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    status: sessionStatus("status").notNull().default("IDLE"),
    model: text("model").notNull(),
    voice: text("voice").notNull(),
    personaId: uuid("persona_id").references(() => personas.id, { onDelete: "set null" }),
    // The persona's name when the conversation started: the user keeps seeing it after a rename or delete.
    personaName: text("persona_name"),
    cameraEnabled: boolean("camera_enabled").notNull().default(false),
    micEnabled: boolean("mic_enabled").notNull().default(true),
    systemInstruction: text("system_instruction"),
    title: text("title"),
    // Written by the memory job after the conversation: a short AI summary (searchable).
    summary: text("summary"),
    // "Don't remember this conversation": nothing is extracted from it.
    memoryOptOut: boolean("memory_opt_out").notNull().default(false),
    // When the memory job finished with this conversation (extracted, or skipped by a setting).
    memoryProcessedAt: timestamp("memory_processed_at", { withTimezone: true }),
    // The last line (sequence number) the memory job has read: a line uploaded later (an offline
    // batch) is past it, and the conversation is extracted again from there.
    memoryExtractedThrough: integer("memory_extracted_through"),
    // When consolidation folded this old conversation's memories into its summary (once each).
    memoryFoldedAt: timestamp("memory_folded_at", { withTimezone: true }),
    startedAt: timestamp("started_at", { withTimezone: true }).notNull().defaultNow(),
    endedAt: timestamp("ended_at", { withTimezone: true }),
    lastActivityAt: timestamp("last_activity_at", { withTimezone: true }).notNull().defaultNow(),
    lastErrorMessage: text("last_error_message"),
    totalDurationSeconds: integer("total_duration_seconds"),
    // The counters only the browser knows, as it reported them when the session ended: kept here so
    // its analytics row can be written again (or later) from stored rows alone.
    clientStats: jsonb("client_stats").$type<ClientStatsReport>(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    // Title and AI summary, found by search like the lines (db/queries/history.ts): stemmed, and as typed.
    summarySearchVector: tsvector("summary_search_vector").generatedAlwaysAs(sql`to_tsvector('english', coalesce(title, '') || ' ' || coalesce(summary, ''))`),
    summarySearchVectorSimple: tsvector("summary_search_vector_simple").generatedAlwaysAs(sql`to_tsvector('simple', coalesce(title, '') || ' ' || coalesce(summary, ''))`),
  },
  (t) => [
    index("live_sessions_user_summary_search_idx").using("gin", t.userId, t.summarySearchVector),
    index("live_sessions_user_summary_search_simple_idx").using("gin", t.userId, t.summarySearchVectorSimple),
    index("live_sessions_user_started_idx").on(t.userId, t.startedAt.desc(), t.id.desc()),
    index("live_sessions_status_idx").on(t.status, t.lastActivityAt),
    // The user's open conversations, counted under a lock by every Start against their
    // concurrent-sessions quota (db/queries/live-sessions.ts createLiveSession).
    index("live_sessions_open_by_user_idx")
      .on(t.userId, t.startedAt)
      .where(sql`${t.status} in ('CONNECTING', 'ACTIVE')`),
  ],
);

export const transcriptions = pgTable(
  "transcriptions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    sessionId: uuid("session_id")
      .notNull()
      .references(() => liveSessions.id, { onDelete: "cascade" }),
    // The session's owner again, so that search can ask the index for one user's lines only
    // (GIN over (user_id, search_vector) with btree_gin) instead of every user's matches.
    userId: text("user_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    sender: senderType("sender").notNull(),
    text: text("text").notNull(),
    transcriptionType: transcriptionType("transcription_type").notNull(),
    sequenceNumber: integer("sequence_number").notNull(),
    timestamp: timestamp("timestamp", { withTimezone: true }).notNull().defaultNow(),
    startOffsetMs: integer("start_offset_ms"),
    endOffsetMs: integer("end_offset_ms"),
    latencyMs: integer("latency_ms"),
    interrupted: boolean("interrupted").notNull().default(false),
    // Usage the service reported for a model turn, so session analytics can be recomputed from rows.
    inputTokens: integer("input_tokens"),
    outputTokens: integer("output_tokens"),
    // Interrupted model turns: how much of the answer's audio the user heard before it stopped.
    heardMs: integer("heard_ms"),
    searchVector: tsvector("search_vector").generatedAlwaysAs(sql`to_tsvector('english', "text")`),
    // Every word as said, stop words included: a quoted phrase ("how are you") matches exactly here,
    // where the English vector has dropped all three words.
    searchVectorSimple: tsvector("search_vector_simple").generatedAlwaysAs(sql`to_tsvector('simple', "text")`),
  },
  (t) => [
    uniqueIndex("transcriptions_session_sequence_idx").on(t.sessionId, t.sequenceNumber),
    index("transcriptions_user_search_idx").using("gin", t.userId, t.searchVector),
    index("transcriptions_user_search_simple_idx").using("gin", t.userId, t.searchVectorSimple),
    // The latency alert (lib/alerts): the measured turns of the last window, across users.
    index("transcriptions_latency_time_idx").on(t.timestamp).where(sql`${t.latencyMs} is not null`),
  ],
);
