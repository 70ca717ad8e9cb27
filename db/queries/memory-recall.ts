import "server-only";
import { and, desc, eq, inArray, isNotNull, isNull, sql } from "drizzle-orm";
import { RANK_WEIGHTS } from "@/lib/memory/ranking";
import type { Database } from "../index";
import { liveSessions, memories } from "../schema";
import { nearestRows } from "./vector-search";

/*
 * Recall's candidates: the caller's current memories ranked by similarity (db/queries/vector-search.ts,
 * pgvector or the exact scan) and importance, pinned first; the details only of those that made it.
 */

export interface RecallCandidate {
  id: string;
  kind: string;
  content: string;
  importance: number;
  pinned: boolean;
  useCount: number;
  lastConfirmedAt: Date;
  lastUsedAt: Date | null;
  sourceSessionId: string | null;
  similarity: number | null;
}

/**
 * Up to `limit` of the caller's current memories, pre-ranked by similarity and importance
 * (pinned first); the caller blends in recency (lib/memory/ranking.ts).
 */
export async function recallCandidates(
  db: Database,
  { userId, query, limit = 200 }: { userId: string; query: number[] | null; limit?: number },
): Promise<RecallCandidate[]> {
  // Folded conversations' summaries included: they carry what the small facts they replaced said.
  const current = and(eq(memories.userId, userId), isNull(memories.validTo));
  // Pass 1, every current memory but only what ranking needs.
  const top = await nearestRows(db, {
    table: "memories",
    scope: current ?? sql`false`,
    query,
    limit,
    first: sql<boolean>`${memories.pinned}`,
    prior: sql<number>`${memories.importance} * ${RANK_WEIGHTS.importance}`,
    similarityWeight: RANK_WEIGHTS.similarity,
  });
  if (top.length === 0) return [];
  // Pass 2: the details of the few that made it.
  const details = await db
    .select({
      id: memories.id,
      kind: memories.kind,
      content: memories.content,
      importance: memories.importance,
      pinned: memories.pinned,
      useCount: memories.useCount,
      lastConfirmedAt: memories.lastConfirmedAt,
      lastUsedAt: memories.lastUsedAt,
      sourceSessionId: memories.sourceSessionId,
    })
    .from(memories)
    .where(and(current, inArray(memories.id, top.map((row) => row.id))));
  const byId = new Map(details.map((row) => [row.id, row]));
  return top.flatMap((row) => {
    const detail = byId.get(row.id);
    return detail ? [{ ...detail, similarity: row.similarity }] : [];
  });
}

/** Counts one more use of each of the caller's memories (recalled into a setup or by a tool). */
export async function markMemoriesUsed(db: Database, { userId, ids, now = new Date() }: { userId: string; ids: string[]; now?: Date }): Promise<void> {
  if (ids.length === 0) return;
  await db
    .update(memories)
    .set({ useCount: sql`${memories.useCount} + 1`, lastUsedAt: now })
    .where(and(eq(memories.userId, userId), sql`${memories.id} in (${sql.join(ids.map((id) => sql`${id}::uuid`), sql`, `)})`));
}

export interface LastConversation {
  sessionId: string;
  startedAt: Date;
  summary: string;
  /** The mean direction of what was learned in it: the query vector of recall at Start. */
  centroid: number[] | null;
}

/** The caller's latest conversation that has a summary, and the centroid of its memories. */
export async function lastConversation(db: Database, { userId }: { userId: string }): Promise<LastConversation | null> {
  const [session] = await db
    .select({ id: liveSessions.id, startedAt: liveSessions.startedAt, summary: liveSessions.summary })
    .from(liveSessions)
    .where(and(eq(liveSessions.userId, userId), isNotNull(liveSessions.summary)))
    .orderBy(desc(liveSessions.startedAt))
    .limit(1);
  if (!session?.summary) return null;
  const learned = await db
    .select({ embedding: memories.embedding })
    .from(memories)
    .where(and(eq(memories.userId, userId), eq(memories.sourceSessionId, session.id), isNotNull(memories.embedding)))
    .limit(20);
  const vectors = learned.map((row) => row.embedding ?? []).filter((vector) => vector.length > 0);
  let centroid: number[] | null = null;
  const size = vectors[0]?.length ?? 0;
  if (size > 0) {
    const sum = new Array<number>(size).fill(0);
    for (const vector of vectors.filter((v) => v.length === size)) vector.forEach((value, i) => (sum[i] = (sum[i] ?? 0) + value));
    const norm = Math.hypot(...sum);
    centroid = norm > 0 ? sum.map((value) => value / norm) : null;
  }
  return { sessionId: session.id, startedAt: session.startedAt, summary: session.summary, centroid };
}
