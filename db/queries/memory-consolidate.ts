import "server-only";
import { and, eq, isNotNull, isNull, lt, sql } from "drizzle-orm";
import type { Database } from "../index";
import { MEMORY_EMBED_JOB, memoryEmbedKey } from "@/lib/memory/job-kinds";
import { liveSessions, memories } from "../schema";
import { enqueueJob } from "./jobs";

/*
 * Consolidation of one user's memories (the seed's idea, run by a daily job): near-duplicates
 * folded into the stronger one (the weaker is superseded, keeping its row, dates and source), and
 * low-importance memories nobody used or confirmed for a month fade a little each run, and old
 * conversations are folded into their summaries.
 */

export const DUPLICATE_SIMILARITY = 0.95;
const DECAY = 0.9;
const DECAY_AFTER_DAYS = 30;
const DECAY_BELOW = 0.5;

const dot = (a: number[], b: number[]) => a.reduce((sum, value, i) => sum + value * (b[i] ?? 0), 0);

interface Candidate {
  pinned: boolean;
  importance: number;
  createdAt: Date;
}

/** Whether `a` stays over `b`: the pinned one, then the more important, then the older. */
function outranks(a: Candidate, b: Candidate): boolean {
  if (a.pinned !== b.pinned) return a.pinned;
  if (a.importance !== b.importance) return a.importance > b.importance;
  return a.createdAt.getTime() <= b.createdAt.getTime();
}

export async function consolidateMemories(
  db: Database,
  { userId, now = new Date(), since }: { userId: string; now?: Date; since: Date },
): Promise<{ merged: number; decayed: number }> {
  return db.transaction(async (tx) => {
    const current = await tx
      .select({ id: memories.id, importance: memories.importance, pinned: memories.pinned, createdAt: memories.createdAt, embedding: memories.embedding })
      .from(memories)
      .where(and(eq(memories.userId, userId), isNull(memories.validTo), isNotNull(memories.embedding), sql`${memories.kind} <> 'summary'`))
      .for("update");
    // Only what is new since the last run is compared (against everything): n × new, not n².
    const fresh = current.filter((memory) => memory.createdAt >= since);
    const gone = new Set<string>();
    let merged = 0;
    for (const memory of fresh) {
      if (gone.has(memory.id)) continue;
      for (const other of current) {
        if (other.id === memory.id || gone.has(other.id) || other.embedding?.length !== memory.embedding?.length) continue;
        if (dot(memory.embedding ?? [], other.embedding ?? []) < DUPLICATE_SIMILARITY) continue;
        const [keep, drop] = outranks(other, memory) ? [other, memory] : [memory, other];
        if (drop.pinned) continue;
        await tx.update(memories).set({ validTo: now, supersededBy: keep.id, updatedAt: now }).where(and(eq(memories.id, drop.id), eq(memories.userId, userId)));
        await tx
          .update(memories)
          .set({ lastConfirmedAt: now, importance: sql`greatest(${memories.importance}, ${drop.importance})`, updatedAt: now })
          .where(and(eq(memories.id, keep.id), eq(memories.userId, userId)));
        gone.add(drop.id);
        merged += 1;
        if (drop.id === memory.id) break;
      }
    }
    const stale = new Date(now.getTime() - DECAY_AFTER_DAYS * 86_400_000);
    const decayed = await tx
      .update(memories)
      .set({ importance: sql`${memories.importance} * ${DECAY}` })
      .where(
        and(
          eq(memories.userId, userId),
          isNull(memories.validTo),
          eq(memories.pinned, false),
          lt(memories.importance, DECAY_BELOW),
          lt(memories.lastConfirmedAt, stale),
          sql`coalesce(${memories.lastUsedAt}, '-infinity'::timestamptz) < ${stale.toISOString()}::timestamptz`,
        ),
      )
      .returning({ id: memories.id });
    return { merged, decayed: decayed.length };
  });
}

export const FOLD_AFTER_DAYS = 30;
const FOLD_BELOW = 0.5;
const FOLD_PER_RUN = 50;

/**
 * Folds the caller's old conversations (ended, extracted and summarized, started more than
 * FOLD_AFTER_DAYS ago) into their summaries, each once (`memory_folded_at`): the summary becomes a
 * `summary` memory sourced to the conversation, and the small facts learned from it that nobody
 * pinned, used or rated important are superseded by it. Those keep their rows, dates and source
 * line (history, as any superseded memory); the conversation keeps its transcript.
 */
export async function foldOldConversations(
  db: Database,
  { userId, now = new Date(), limit = FOLD_PER_RUN }: { userId: string; now?: Date; limit?: number },
): Promise<{ folded: number; superseded: number }> {
  const cutoff = new Date(now.getTime() - FOLD_AFTER_DAYS * 86_400_000);
  const due = and(
    eq(liveSessions.userId, userId),
    isNull(liveSessions.memoryFoldedAt),
    isNotNull(liveSessions.memoryProcessedAt),
    isNotNull(liveSessions.summary),
    lt(liveSessions.startedAt, cutoff),
  );
  const old = await db.select({ id: liveSessions.id }).from(liveSessions).where(due).orderBy(liveSessions.startedAt).limit(limit);
  let superseded = 0;
  let folded = 0;
  for (const { id } of old) {
    const count = await db.transaction(async (tx) => {
      // Taken under the row lock and re-checked: two runs fold a conversation once.
      const [session] = await tx
        .select({ summary: liveSessions.summary, startedAt: liveSessions.startedAt })
        .from(liveSessions)
        .where(and(eq(liveSessions.id, id), due))
        .for("update");
      if (!session?.summary) return null;
      const [summary] = await tx
        .insert(memories)
        .values({
          userId,
          sourceSessionId: id,
          kind: "summary",
          content: `Conversation of ${session.startedAt.toISOString().slice(0, 10)}: ${session.summary}`,
          importance: 0.3,
          validFrom: now,
          lastConfirmedAt: now,
          createdAt: now,
          updatedAt: now,
        })
        .returning({ id: memories.id });
      const smallFacts = await tx
        .update(memories)
        .set({ validTo: now, supersededBy: summary!.id, updatedAt: now })
        .where(
          and(
            eq(memories.userId, userId),
            eq(memories.sourceSessionId, id),
            isNull(memories.validTo),
            eq(memories.pinned, false),
            eq(memories.useCount, 0),
            lt(memories.importance, FOLD_BELOW),
            sql`${memories.kind} <> 'summary'`,
          ),
        )
        .returning({ id: memories.id });
      await tx.update(liveSessions).set({ memoryFoldedAt: now }).where(eq(liveSessions.id, id));
      // The summary is recalled by similarity like any memory: it gets its embedding from a job.
      await enqueueJob(tx, { kind: MEMORY_EMBED_JOB, userId, payload: {}, dedupeKey: memoryEmbedKey(userId), requeue: true, runAt: now });
      return smallFacts.length;
    });
    if (count === null) continue;
    folded += 1;
    superseded += count;
  }
  return { folded, superseded };
}

/** Users holding current memories: whom a consolidation run visits (a job each). */
export async function usersWithMemories(db: Database, { limit = 1000 }: { limit?: number } = {}): Promise<string[]> {
  const rows = await db.selectDistinct({ userId: memories.userId }).from(memories).where(isNull(memories.validTo)).limit(limit);
  return rows.map((row) => row.userId);
}
