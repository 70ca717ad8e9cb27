import { sql } from "drizzle-orm";
import { customType, index, integer, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { user } from "./auth";
import { bytea, float32Vector } from "./bytea";
import { personas } from "./personas";

/** Read only through SQL (ts_rank, @@): never selected into code. */
const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });

export const knowledgeStatus = pgEnum("knowledge_status", ["processing", "ready", "failed"]);

/*
 * A document a persona knows (issue 13, "Knowledge"). The upload is kept in `data` until the
 * "knowledge.process" job has chunked and embedded it, then dropped: the chunks are what is
 * searched. (persona, sha256) makes an upload idempotent; deleting the persona deletes its documents.
 */
export const knowledgeDocuments = pgTable(
  "knowledge_documents",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: text("user_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    personaId: uuid("persona_id")
      .notNull()
      .references(() => personas.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    /** text/plain, text/markdown or application/pdf, from the bytes (lib/media/sniff.ts), not the header. */
    mimeType: text("mime_type").notNull(),
    sizeBytes: integer("size_bytes").notNull(),
    sha256: text("sha256").notNull(),
    status: knowledgeStatus("status").notNull().default("processing"),
    /** Why it failed, in words the user can act on ("This PDF has no text: it looks scanned."). */
    failureReason: text("failure_reason"),
    chunkCount: integer("chunk_count").notNull().default(0),
    data: bytea("data"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("knowledge_documents_persona_sha_idx").on(t.personaId, t.sha256), index("knowledge_documents_user_persona_idx").on(t.userId, t.personaId)],
);

/** A passage of a document: ~800 characters with overlap, its page (PDFs) and its embedding. */
export const knowledgeChunks = pgTable(
  "knowledge_chunks",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    documentId: uuid("document_id")
      .notNull()
      .references(() => knowledgeDocuments.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    personaId: uuid("persona_id")
      .notNull()
      .references(() => personas.id, { onDelete: "cascade" }),
    ordinal: integer("ordinal").notNull(),
    page: integer("page"),
    content: text("content").notNull(),
    embedding: float32Vector("embedding"),
    // Stored, so ranking does not re-parse every matching passage (the bench's 2,000 chunks).
    searchVector: tsvector("search_vector").generatedAlwaysAs(sql`to_tsvector('simple', content)`),
  },
  (t) => [
    uniqueIndex("knowledge_chunks_document_ordinal_idx").on(t.documentId, t.ordinal),
    index("knowledge_chunks_user_persona_idx").on(t.userId, t.personaId),
    // Full-text half of hybrid retrieval (db/queries/knowledge-search.ts).
    index("knowledge_chunks_fts_idx").using("gin", t.searchVector),
  ],
);
