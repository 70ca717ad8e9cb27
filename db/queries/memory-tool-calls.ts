import "server-only";
import { and, asc, eq } from "drizzle-orm";
import type { Database } from "../index";
import { liveSessions, liveToolCalls } from "../schema";

/* The memory tool uses kept with a conversation (compact summaries, no content). */

/** A knowledge passage a search_knowledge call cited: its id, document name and page (never its text). */
export type ToolCallSource = { chunkId: string; document: string; page: number | null };

/** Records one answered call of the caller's own conversation; the same call id twice is kept once. */
export async function recordToolCall(
  db: Database,
  {
    userId,
    sessionId,
    callId,
    name,
    summary,
    sources = null,
  }: { userId: string; sessionId: string; callId: string; name: string; summary: string; sources?: ToolCallSource[] | null },
): Promise<void> {
  const [owned] = await db.select({ id: liveSessions.id }).from(liveSessions).where(and(eq(liveSessions.id, sessionId), eq(liveSessions.userId, userId)));
  if (!owned) return;
  await db.insert(liveToolCalls).values({ sessionId, userId, callId, name, summary, sources: sources?.length ? sources : null }).onConflictDoNothing({ target: [liveToolCalls.sessionId, liveToolCalls.callId] });
}

export async function listToolCalls(
  db: Database,
  { userId, sessionId }: { userId: string; sessionId: string },
): Promise<{ name: string; summary: string; sources: ToolCallSource[] | null; createdAt: Date }[]> {
  return db
    .select({ name: liveToolCalls.name, summary: liveToolCalls.summary, sources: liveToolCalls.sources, createdAt: liveToolCalls.createdAt })
    .from(liveToolCalls)
    .where(and(eq(liveToolCalls.sessionId, sessionId), eq(liveToolCalls.userId, userId)))
    .orderBy(asc(liveToolCalls.createdAt), asc(liveToolCalls.id));
}
