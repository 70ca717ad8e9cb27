import { index, integer, pgEnum, pgTable, real, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { user } from "./auth";
import { liveSessions } from "./live-sessions";

export const memoryKind = pgEnum("memory_kind", ["fact", "preference", "summary"]);

// Facts and summaries drawn from past sessions. Embeddings are plain real[] because the
// deployments we support (Debian PostgreSQL, PGlite without extensions) have no pgvector.
export const memories = pgTable(
  "memories",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: text("user_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    sourceSessionId: uuid("source_session_id").references(() => liveSessions.id, { onDelete: "set null" }),
    kind: memoryKind("kind").notNull().default("fact"),
    content: text("content").notNull(),
    importance: real("importance").notNull().default(0.5),
    embedding: real("embedding").array(),
    useCount: integer("use_count").notNull().default(0),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("memories_user_importance_idx").on(t.userId, t.importance.desc())],
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
  (t) => [index("memory_entities_user_name_idx").on(t.userId, t.name)],
);
