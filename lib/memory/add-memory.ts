import "server-only";
import type { Database } from "@/db";
import { enqueueJob } from "@/db/queries/jobs";
import { addOrConfirmMemory } from "@/db/queries/memory-writes";
import { emitMemoriesCreated } from "@/lib/webhooks/session-events";
import { MEMORY_EMBED_JOB, memoryEmbedKey } from "./job-kinds";

export type AddedMemoryKind = "fact" | "preference" | "person" | "goal" | "event";

/**
 * Adds one memory the user (or the model, on their behalf) stated, or confirms the same words
 * already known; its embedding is a job, and memory.created goes out for a new one.
 */
export async function addUserMemory(
  db: Database,
  { userId, content, kind = "fact", importance = 0.9, sessionId = null, now = new Date() }: { userId: string; content: string; kind?: AddedMemoryKind; importance?: number; sessionId?: string | null; now?: Date },
): Promise<{ id: string; created: boolean }> {
  const saved = await db.transaction(async (tx) => {
    const result = await addOrConfirmMemory(tx, {
      userId,
      sessionId,
      now,
      operation: { op: "add", targetId: null, kind, content, importance, entities: [], sourceLines: [], sourceSequence: null, embedding: null },
    });
    await enqueueJob(tx, { kind: MEMORY_EMBED_JOB, userId, payload: {}, dedupeKey: memoryEmbedKey(userId), requeue: true, runAt: now });
    return result;
  });
  if (saved.created) await emitMemoriesCreated(db, { userId, memories: [{ id: saved.id, kind, content, sessionId }] });
  return saved;
}
