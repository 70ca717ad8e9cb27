import "server-only";
import { and, asc, eq } from "drizzle-orm";
import type { Database } from "../index";
import { liveSessions, liveToolCalls } from "../schema";

/* The memory tool uses kept with a conversation (compact summaries, no content). */

/** Records one answered call of the caller's own conversation; the same call id twice is kept once. */
export async function recordToolCall(
  db: Database,
  { userId, sessionId, callId, name, summary }: { userId: string; sessionId: string; callId: string; name: string; summary: string },
): Promise<void> {
  const [owned] = await db.select({ id: liveSessions.id }).from(liveSessions).where(and(eq(liveSessions.id, sessionId), eq(liveSessions.userId, userId)));
  if (!owned) return;
  await db.insert(liveToolCalls).values({ sessionId, userId, callId, name, summary }).onConflictDoNothing({ target: [liveToolCalls.sessionId, liveToolCalls.callId] });
}

export async function listToolCalls(db: Database, { userId, sessionId }: { userId: string; sessionId: string }): Promise<{ name: string; summary: string; createdAt: Date }[]> {
  return db
    .select({ name: liveToolCalls.name, summary: liveToolCalls.summary, createdAt: liveToolCalls.createdAt })
    .from(liveToolCalls)
    .where(and(eq(liveToolCalls.sessionId, sessionId), eq(liveToolCalls.userId, userId)))
    .orderBy(asc(liveToolCalls.createdAt), asc(liveToolCalls.id));
}
