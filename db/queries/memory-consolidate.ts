import "server-only";
import { and, eq, isNotNull, isNull, lt, sql } from "drizzle-orm";
import type { Database } from "../index";
import { memories } from "../schema";

/*
 * Consolidation of one user's memories (the seed's idea, run by a daily job): near-duplicates
 * folded into the stronger one (the weaker is superseded, keeping its row, dates and source), and
 * low-importance memories nobody used or confirmed for a month fade a little each run.
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

/** Users holding current memories: whom a consolidation run visits (a job each). */
export async function usersWithMemories(db: Database, { limit = 1000 }: { limit?: number } = {}): Promise<string[]> {
  const rows = await db.selectDistinct({ userId: memories.userId }).from(memories).where(isNull(memories.validTo)).limit(limit);
  return rows.map((row) => row.userId);
}
