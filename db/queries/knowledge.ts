import "server-only";
import { and, asc, count, eq } from "drizzle-orm";
import { AppError } from "@/lib/errors/app-error";
import { type Chunk } from "@/lib/knowledge/chunk";
import { type KnowledgeMime, MAX_DOCUMENTS_PER_PERSONA, KNOWLEDGE_PROCESS_JOB, knowledgeProcessKey } from "@/lib/knowledge/limits";
import type { Database } from "../index";
import { knowledgeChunks, knowledgeDocuments, personas } from "../schema";
import { enqueueJob } from "./jobs";

/*
 * A persona's documents, always through the acting user's id: another user's persona or
 * document is "not found". Processing (chunks, embeddings) is the "knowledge.process" job.
 */

export interface KnowledgeDocument {
  id: string;
  personaId: string;
  name: string;
  mimeType: string;
  sizeBytes: number;
  status: "processing" | "ready" | "failed";
  failureReason: string | null;
  chunkCount: number;
  createdAt: Date;
}

const listed = {
  id: knowledgeDocuments.id,
  personaId: knowledgeDocuments.personaId,
  name: knowledgeDocuments.name,
  mimeType: knowledgeDocuments.mimeType,
  sizeBytes: knowledgeDocuments.sizeBytes,
  status: knowledgeDocuments.status,
  failureReason: knowledgeDocuments.failureReason,
  chunkCount: knowledgeDocuments.chunkCount,
  createdAt: knowledgeDocuments.createdAt,
};

async function assertPersona(db: Pick<Database, "select">, userId: string, personaId: string) {
  const [row] = await db.select({ id: personas.id }).from(personas).where(and(eq(personas.id, personaId), eq(personas.userId, userId))).limit(1);
  if (!row) throw new AppError("not_found:persona");
}

/**
 * Stores an upload and enqueues its processing in one transaction (nothing half-stored). The
 * same bytes uploaded twice to a persona are one document: the second call returns the first.
 */
export async function createDocument(
  db: Database,
  { userId, personaId, name, mimeType, bytes, sha256 }: { userId: string; personaId: string; name: string; mimeType: KnowledgeMime; bytes: Uint8Array; sha256: string },
): Promise<{ document: KnowledgeDocument; created: boolean }> {
  return db.transaction(async (tx) => {
    await assertPersona(tx, userId, personaId);
    const [existing] = await tx.select(listed).from(knowledgeDocuments).where(and(eq(knowledgeDocuments.personaId, personaId), eq(knowledgeDocuments.sha256, sha256)));
    if (existing) return { document: existing, created: false };
    const [total] = await tx.select({ n: count() }).from(knowledgeDocuments).where(and(eq(knowledgeDocuments.userId, userId), eq(knowledgeDocuments.personaId, personaId)));
    if ((total?.n ?? 0) >= MAX_DOCUMENTS_PER_PERSONA) {
      throw new AppError("conflict:knowledge", `A persona can hold up to ${MAX_DOCUMENTS_PER_PERSONA} documents. Delete one to make room.`);
    }
    const [row] = await tx
      .insert(knowledgeDocuments)
      .values({ userId, personaId, name, mimeType, sizeBytes: bytes.byteLength, sha256, data: bytes })
      .onConflictDoNothing({ target: [knowledgeDocuments.personaId, knowledgeDocuments.sha256] })
      .returning(listed);
    if (!row) {
      const [raced] = await tx.select(listed).from(knowledgeDocuments).where(and(eq(knowledgeDocuments.personaId, personaId), eq(knowledgeDocuments.sha256, sha256)));
      if (!raced) throw new Error("document vanished after a conflicting insert");
      return { document: raced, created: false };
    }
    await enqueueJob(tx, { kind: KNOWLEDGE_PROCESS_JOB, userId, payload: { documentId: row.id }, dedupeKey: knowledgeProcessKey(row.id), maxAttempts: 8 });
    return { document: row, created: true };
  });
}

export async function listDocuments(db: Database, { userId, personaId }: { userId: string; personaId: string }): Promise<KnowledgeDocument[]> {
  await assertPersona(db, userId, personaId);
  return db
    .select(listed)
    .from(knowledgeDocuments)
    .where(and(eq(knowledgeDocuments.userId, userId), eq(knowledgeDocuments.personaId, personaId)))
    .orderBy(asc(knowledgeDocuments.createdAt), asc(knowledgeDocuments.name));
}

/** Deletes a document and (by cascade) its chunks; a pending job finds nothing and ends. */
export async function deleteDocument(db: Database, { userId, documentId }: { userId: string; documentId: string }): Promise<void> {
  const rows = await db
    .delete(knowledgeDocuments)
    .where(and(eq(knowledgeDocuments.id, documentId), eq(knowledgeDocuments.userId, userId)))
    .returning({ id: knowledgeDocuments.id });
  if (rows.length === 0) throw new AppError("not_found:knowledge");
}

/** The upload's bytes for the job, or null once deleted or already processed. */
export async function loadDocumentForProcessing(
  db: Database,
  { userId, documentId }: { userId: string; documentId: string },
): Promise<{ id: string; mimeType: KnowledgeMime; data: Uint8Array; status: string } | null> {
  const [row] = await db
    .select({ id: knowledgeDocuments.id, mimeType: knowledgeDocuments.mimeType, data: knowledgeDocuments.data, status: knowledgeDocuments.status })
    .from(knowledgeDocuments)
    .where(and(eq(knowledgeDocuments.id, documentId), eq(knowledgeDocuments.userId, userId)));
  if (!row?.data || row.status !== "processing") return null;
  return { ...row, mimeType: row.mimeType as KnowledgeMime, data: row.data };
}

/** Replaces the document's chunks and marks it ready (a retried job writes the same rows again). */
export async function markDocumentReady(
  db: Database,
  { userId, documentId, chunks, now = new Date() }: { userId: string; documentId: string; chunks: Array<Chunk & { embedding: number[] }>; now?: Date },
): Promise<void> {
  await db.transaction(async (tx) => {
    const [doc] = await tx
      .select({ personaId: knowledgeDocuments.personaId })
      .from(knowledgeDocuments)
      .where(and(eq(knowledgeDocuments.id, documentId), eq(knowledgeDocuments.userId, userId)))
      .for("update");
    if (!doc) return;
    await tx.delete(knowledgeChunks).where(eq(knowledgeChunks.documentId, documentId));
    for (let i = 0; i < chunks.length; i += 200) {
      await tx.insert(knowledgeChunks).values(
        chunks.slice(i, i + 200).map((chunk) => ({ documentId, userId, personaId: doc.personaId, ordinal: chunk.ordinal, page: chunk.page, content: chunk.content, embedding: chunk.embedding })),
      );
    }
    await tx
      .update(knowledgeDocuments)
      .set({ status: "ready", failureReason: null, chunkCount: chunks.length, data: null, updatedAt: now })
      .where(eq(knowledgeDocuments.id, documentId));
  });
}

export async function markDocumentFailed(db: Database, { userId, documentId, reason, now = new Date() }: { userId: string; documentId: string; reason: string; now?: Date }): Promise<void> {
  await db
    .update(knowledgeDocuments)
    .set({ status: "failed", failureReason: reason.slice(0, 300), data: null, updatedAt: now })
    .where(and(eq(knowledgeDocuments.id, documentId), eq(knowledgeDocuments.userId, userId)));
}

/** Whether the persona has anything to search: decides if `search_knowledge` is declared at Start. */
export async function hasReadyDocuments(db: Database, { userId, personaId }: { userId: string; personaId: string }): Promise<boolean> {
  const [row] = await db
    .select({ id: knowledgeDocuments.id })
    .from(knowledgeDocuments)
    .where(and(eq(knowledgeDocuments.userId, userId), eq(knowledgeDocuments.personaId, personaId), eq(knowledgeDocuments.status, "ready")))
    .limit(1);
  return Boolean(row);
}

export interface KnowledgePassageView {
  chunkId: string;
  documentName: string;
  page: number | null;
  content: string;
}

/** One passage of the caller's documents (a source clicked in the transcript), or not_found:knowledge. */
export async function getKnowledgePassage(db: Database, { userId, chunkId }: { userId: string; chunkId: string }): Promise<KnowledgePassageView> {
  const [row] = await db
    .select({ chunkId: knowledgeChunks.id, documentName: knowledgeDocuments.name, page: knowledgeChunks.page, content: knowledgeChunks.content })
    .from(knowledgeChunks)
    .innerJoin(knowledgeDocuments, and(eq(knowledgeDocuments.id, knowledgeChunks.documentId), eq(knowledgeDocuments.userId, userId)))
    .where(and(eq(knowledgeChunks.id, chunkId), eq(knowledgeChunks.userId, userId)))
    .limit(1);
  if (!row) throw new AppError("not_found:knowledge", "That passage is no longer stored: its document may have been deleted.");
  return row;
}
