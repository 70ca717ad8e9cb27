import "server-only";
import { and, eq, gt, inArray, isNull, sql } from "drizzle-orm";
import { MEMORY_EXTRACT_JOB, memoryExtractKey } from "@/lib/memory/job-kinds";
import type { MemoryOperation } from "@/lib/memory/extraction-schema";
import type { Database } from "../index";
import { liveSessions, memories, memoryEntities, transcriptions } from "../schema";
import { enqueueJob } from "./jobs";

/*
 * Applying a conversation's extraction: in one transaction with the session's
 * memory_processed_at, so a retried job applies it once or not at all. Every target id is
 * looked up among the caller's own current memories: an id the model made up (or another
 * user's) is treated as no target.
 */

type Tx = Parameters<Parameters<Database["transaction"]>[0]>[0];

export interface PreparedOperation extends MemoryOperation {
  /** The first source line that exists in the transcript, or null. */
  sourceSequence: number | null;
  embedding: number[] | null;
}

export interface ApplySummary {
  added: number;
  superseded: number;
  deleted: number;
  confirmed: number;
  /** The rows this call inserted (new facts and the new side of a supersede), for memory.created. */
  created: { id: string; kind: string; content: string }[];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

async function insertMemory(
  tx: Tx,
  { userId, sessionId, operation, now }: { userId: string; sessionId: string | null; operation: PreparedOperation; now: Date },
): Promise<string> {
  const [row] = await tx
    .insert(memories)
    .values({
      userId,
      sourceSessionId: sessionId,
      sourceSequence: operation.sourceSequence,
      kind: operation.kind,
      content: operation.content,
      importance: operation.importance,
      embedding: operation.embedding,
      validFrom: now,
      lastConfirmedAt: now,
      createdAt: now,
      updatedAt: now,
    })
    .returning({ id: memories.id });
  if (!row) throw new Error("memory insert returned no row");
  const entities = new Map(operation.entities.map((entity) => [entity.name.toLowerCase(), entity]));
  if (entities.size > 0) {
    await tx.insert(memoryEntities).values([...entities.values()].map((entity) => ({ memoryId: row.id, userId, name: entity.name, entityType: entity.type, createdAt: now })));
  }
  return row.id;
}

/** The caller's current (not superseded) memory with this id, if any. */
async function currentTarget(tx: Tx, userId: string, targetId: string | null): Promise<string | null> {
  if (!targetId || !UUID.test(targetId)) return null;
  const [row] = await tx
    .select({ id: memories.id })
    .from(memories)
    .where(and(eq(memories.id, targetId), eq(memories.userId, userId), isNull(memories.validTo)))
    .for("update");
  return row?.id ?? null;
}

/** Adds one memory, or confirms the caller's identical current one (same words, any case). */
export async function addOrConfirmMemory(
  tx: Tx,
  { userId, sessionId, operation, now }: { userId: string; sessionId: string | null; operation: PreparedOperation; now: Date },
): Promise<{ id: string; created: boolean }> {
  const [same] = await tx
    .select({ id: memories.id })
    .from(memories)
    .where(and(eq(memories.userId, userId), isNull(memories.validTo), sql`lower(${memories.content}) = lower(${operation.content})`))
    .limit(1);
  if (same) {
    await tx
      .update(memories)
      .set({ lastConfirmedAt: now, importance: sql`greatest(${memories.importance}, ${operation.importance})`, updatedAt: now })
      .where(eq(memories.id, same.id));
    return { id: same.id, created: false };
  }
  return { id: await insertMemory(tx, { userId, sessionId, operation, now }), created: true };
}

export async function applyOperations(tx: Tx, { userId, sessionId, operations, now }: { userId: string; sessionId: string | null; operations: PreparedOperation[]; now: Date }): Promise<ApplySummary> {
  const summary: ApplySummary = { added: 0, superseded: 0, deleted: 0, confirmed: 0, created: [] };
  for (const operation of operations) {
    if (operation.op === "none") continue;
    if (operation.op === "delete") {
      const target = await currentTarget(tx, userId, operation.targetId);
      if (target) {
        await tx.delete(memories).where(and(eq(memories.id, target), eq(memories.userId, userId)));
        summary.deleted += 1;
      }
      continue;
    }
    const target = operation.op === "update" ? await currentTarget(tx, userId, operation.targetId) : null;
    if (target) {
      // Supersede: the old fact keeps its row and its dates, closed now and pointing at the new one.
      const id = await insertMemory(tx, { userId, sessionId, operation, now });
      summary.created.push({ id, kind: operation.kind, content: operation.content });
      await tx.update(memories).set({ validTo: now, supersededBy: id, updatedAt: now }).where(and(eq(memories.id, target), eq(memories.userId, userId)));
      summary.superseded += 1;
      continue;
    }
    const { id, created } = await addOrConfirmMemory(tx, { userId, sessionId, operation, now });
    if (created) {
      summary.added += 1;
      summary.created.push({ id, kind: operation.kind, content: operation.content });
    }
    else summary.confirmed += 1;
  }
  return summary;
}

/**
 * What an extraction run read: whether the conversation had been processed before and through
 * which line (`after`; the run read only the lines past it), and the last line it read (`through`).
 */
export interface ExtractionRead {
  processed: boolean;
  after: number | null;
  through: number | null;
}

const FIRST_RUN: ExtractionRead = { processed: false, after: null, through: null };

/**
 * Stores one conversation's extraction: operations, summary and (unless the user named it) the
 * title, marks it processed and records the last line read. Applied only if the conversation is
 * still as the run read it, so a retried or overtaken run changes nothing (null). Lines stored
 * meanwhile (a late upload racing this run) queue the next run here; later ones do in transcripts.ts.
 */
export async function applyExtraction(
  db: Database,
  { userId, sessionId, operations, summary, title, read, now = new Date() }: {
    userId: string;
    sessionId: string;
    operations: PreparedOperation[];
    /** Null keeps the conversation's summary. */
    summary: string | null;
    title: string | null;
    /** What the run read; without it (a first run that does not track lines), late lines are not looked for. */
    read?: ExtractionRead;
    now?: Date;
  },
): Promise<ApplySummary | null> {
  const { processed, after, through: readThrough } = read ?? FIRST_RUN;
  return db.transaction(async (tx) => {
    const [session] = await tx
      .select({ title: liveSessions.title, summary: liveSessions.summary, processedAt: liveSessions.memoryProcessedAt, through: liveSessions.memoryExtractedThrough })
      .from(liveSessions)
      .where(and(eq(liveSessions.id, sessionId), eq(liveSessions.userId, userId)))
      .for("update");
    if (!session || (session.processedAt !== null) !== processed || (processed && session.through !== after)) return null;
    const applied = await applyOperations(tx, { userId, sessionId, operations, now });
    const through = readThrough ?? session.through;
    await tx
      .update(liveSessions)
      .set({ summary: summary ?? session.summary, title: session.title ?? title, memoryProcessedAt: session.processedAt ?? now, memoryExtractedThrough: through })
      .where(eq(liveSessions.id, sessionId));
    if (read) await queueLateLines(tx, { userId, sessionId, through, now });
    return applied;
  });
}

/**
 * Queues extraction of the lines of an extracted conversation past `through` (uploaded after the
 * run read it), once: the job's key names the point it starts from.
 */
export async function queueLateLines(tx: Tx, { userId, sessionId, through, now }: { userId: string; sessionId: string; through: number | null; now: Date }): Promise<void> {
  const [late] = await tx
    .select({ id: transcriptions.id })
    .from(transcriptions)
    .where(and(eq(transcriptions.sessionId, sessionId), through === null ? undefined : gt(transcriptions.sequenceNumber, through)))
    .limit(1);
  if (late) await enqueueJob(tx, { kind: MEMORY_EXTRACT_JOB, userId, payload: { sessionId }, dedupeKey: memoryExtractKey(sessionId, through), runAt: now });
}

/** Marks a conversation processed with nothing learned (memory off, "don't remember", no words). */
export async function markMemoryProcessed(db: Database, { userId, sessionId, read, now = new Date() }: { userId: string; sessionId: string; read?: ExtractionRead; now?: Date }): Promise<void> {
  await applyExtraction(db, { userId, sessionId, operations: [], summary: null, title: null, read, now });
}

/** The caller's memories that still need an embedding (edited, or saved mid-talk). */
export async function listUnembedded(db: Database, { userId, limit = 100 }: { userId: string; limit?: number }): Promise<{ id: string; content: string }[]> {
  return db
    .select({ id: memories.id, content: memories.content })
    .from(memories)
    .where(and(eq(memories.userId, userId), isNull(memories.embedding), isNull(memories.validTo)))
    .limit(limit);
}

export async function setEmbeddings(db: Database, { userId, vectors }: { userId: string; vectors: { id: string; content: string; embedding: number[] }[] }): Promise<void> {
  for (const { id, content, embedding } of vectors) {
    // Only if the text is still the one embedded: an edit in between waits for the next run.
    await db
      .update(memories)
      .set({ embedding })
      .where(and(eq(memories.id, id), eq(memories.userId, userId), eq(memories.content, content)));
  }
}

/** Ids of a list that belong to the caller (guards the tools' and page's bulk calls). */
export async function ownedMemoryIds(db: Database, { userId, ids }: { userId: string; ids: string[] }): Promise<string[]> {
  const valid = ids.filter((id) => UUID.test(id));
  if (valid.length === 0) return [];
  const rows = await db.select({ id: memories.id }).from(memories).where(and(eq(memories.userId, userId), inArray(memories.id, valid)));
  return rows.map((row) => row.id);
}
