import "server-only";
import type { Database } from "@/db";
import type { JobRow } from "@/db/queries/jobs";
import { loadDocumentForProcessing, markDocumentFailed, markDocumentReady } from "@/db/queries/knowledge";
import { resolveGeminiKey } from "@/lib/gemini/credentials";
import { embedTexts } from "@/lib/gemini/text-model";
import { PermanentJobError } from "@/lib/jobs/runner";
import { chunkPages } from "./chunk";
import { UnreadableDocumentError, extractPages } from "./extract";

const EMBED_BATCH = 100;

/**
 * The "knowledge.process" job: text → passages → embeddings (the memory embedding path) →
 * chunks, document ready. An unreadable document is failed with its reason (the job is done);
 * a model outage throws, so the runner retries it later.
 */
export async function processDocument(db: Database, { userId, documentId }: { userId: string; documentId: string }, options: { baseUrl?: string | null; serverKey?: string | null } = {}): Promise<void> {
  const doc = await loadDocumentForProcessing(db, { userId, documentId });
  if (!doc) return;
  let chunks;
  try {
    chunks = chunkPages(await extractPages(doc.data, doc.mimeType));
  } catch (error) {
    if (!(error instanceof UnreadableDocumentError)) throw error;
    await markDocumentFailed(db, { userId, documentId, reason: error.message });
    return;
  }
  if (chunks.length === 0) {
    await markDocumentFailed(db, { userId, documentId, reason: "This document has no text." });
    return;
  }
  const key = await resolveGeminiKey(db, { userId }, { serverKey: options.serverKey });
  const vectors: number[][] = [];
  for (let i = 0; i < chunks.length; i += EMBED_BATCH) {
    const texts = chunks.slice(i, i + EMBED_BATCH).map((chunk) => chunk.content);
    vectors.push(...(await embedTexts({ apiKey: key.apiKey, ...(options.baseUrl !== undefined ? { baseUrl: options.baseUrl } : {}) }, { texts, taskType: "RETRIEVAL_DOCUMENT" })));
  }
  await markDocumentReady(db, { userId, documentId, chunks: chunks.map((chunk, i) => ({ ...chunk, embedding: vectors[i] ?? [] })) });
}

export async function runKnowledgeProcessJob(db: Database, job: JobRow): Promise<void> {
  const documentId = job.payload.documentId;
  if (!job.userId || !documentId) throw new PermanentJobError("payload without a user or document");
  await processDocument(db, { userId: job.userId, documentId });
}
