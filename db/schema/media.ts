import { bytea } from "./bytea";
import { integer, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { liveSessions } from "./live-sessions";

// Recorded media for replay: bytes in Postgres by default, or a storage URL when configured.
export const audioChunks = pgTable(
  "audio_chunks",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    sessionId: uuid("session_id")
      .notNull()
      .references(() => liveSessions.id, { onDelete: "cascade" }),
    sequenceNumber: integer("sequence_number").notNull(),
    mimeType: text("mime_type").notNull(),
    startOffsetMs: integer("start_offset_ms").notNull(),
    durationMs: integer("duration_ms"),
    byteSize: integer("byte_size").notNull(),
    data: bytea("data"),
    storageUrl: text("storage_url"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  // One row per segment: concurrent retries of an upload insert ON CONFLICT DO NOTHING.
  (t) => [uniqueIndex("audio_chunks_session_sequence_key").on(t.sessionId, t.sequenceNumber)],
);

export const videoFrames = pgTable(
  "video_frames",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    sessionId: uuid("session_id")
      .notNull()
      .references(() => liveSessions.id, { onDelete: "cascade" }),
    offsetMs: integer("offset_ms").notNull(),
    mimeType: text("mime_type").notNull().default("image/jpeg"),
    width: integer("width"),
    height: integer("height"),
    byteSize: integer("byte_size").notNull(),
    data: bytea("data"),
    storageUrl: text("storage_url"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  // A frame is identified by its moment in the session, so a retried upload is stored once.
  (t) => [uniqueIndex("video_frames_session_offset_key").on(t.sessionId, t.offsetMs)],
);
