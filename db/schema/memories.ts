import { boolean, type AnyPgColumn, index, integer, jsonb, pgEnum, pgTable, real, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { user } from "./auth";
import { float32Vector } from "./bytea";
import { liveSessions } from "./live-sessions";

export const memoryKind = pgEnum("memory_kind", ["fact", "preference", "summary", "person", "goal", "event"]);

/*
 * Facts and summaries drawn from past sessions. Embeddings are float32 bytes (bytea) because
 * the deployments we support (Debian PostgreSQL, PGlite without extensions) have no pgvector;
 * the similarity scan lives in db/queries/memory-recall.ts. A superseded fact keeps its row: its
 * `valid_to` and `superseded_by` say when and by what it was replaced (history, not overwrite).
 */
export const memories = pgTable(
  "memories",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: text("user_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    sourceSessionId: uuid("source_session_id").references(() => liveSessions.id, { onDelete: "set null" }),
    // The transcript line (sequence number) the memory came from: the replay link's anchor.
    sourceSequence: integer("source_sequence"),
    kind: memoryKind("kind").notNull().default("fact"),
    content: text("content").notNull(),
    importance: real("importance").notNull().default(0.5),
    embedding: float32Vector("embedding"),
    useCount: integer("use_count").notNull().default(0),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
    pinned: boolean("pinned").notNull().default(false),
    validFrom: timestamp("valid_from", { withTimezone: true }).notNull().defaultNow(),
    validTo: timestamp("valid_to", { withTimezone: true }),
    supersededBy: uuid("superseded_by").references((): AnyPgColumn => memories.id, { onDelete: "set null" }),
    lastConfirmedAt: timestamp("last_confirmed_at", { withTimezone: true }).notNull().defaultNow(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("memories_user_importance_idx").on(t.userId, t.importance.desc()),
    index("memories_user_session_idx").on(t.userId, t.sourceSessionId),
  ],
);

export const memoryEntities = pgTable(
  "memory_entities",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    memoryId: uuid("memory_id")
      .notNull()
      .references(() => memories.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    entityType: text("entity_type").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("memory_entities_user_name_idx").on(t.userId, t.name), index("memory_entities_memory_idx").on(t.memoryId)],
);

/*
 * The memory tools the model used in a conversation, kept with it and shown in its replay. The
 * server writes the row when it answers the call, so it says what really happened; `summary` is
 * the compact line ("Recalled 3 memories"), never the memories' content.
 */
export const liveToolCalls = pgTable(
  "live_tool_calls",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    sessionId: uuid("session_id")
      .notNull()
      .references(() => liveSessions.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    // The model's call id: a call relayed twice is kept once.
    callId: text("call_id").notNull(),
    name: text("name").notNull(),
    summary: text("summary").notNull(),
    /** search_knowledge only: which passages answered (ids, document names, pages; never their text), so the replay can open them. */
    sources: jsonb("sources").$type<Array<{ chunkId: string; document: string; page: number | null }>>(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("live_tool_calls_session_call_idx").on(t.sessionId, t.callId), index("live_tool_calls_user_idx").on(t.userId)],
);
