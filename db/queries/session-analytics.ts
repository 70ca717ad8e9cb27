import "server-only";
import { and, asc, eq } from "drizzle-orm";
import { computeSessionMetrics, sessionLatencies, type ClientSessionStats } from "@/lib/analytics/session-metrics";
import { AppError } from "@/lib/errors/app-error";
import type { SessionAnalyticsSummary } from "@/lib/live/contract";
import type { Database } from "../index";
import { liveSessions, sessionAnalytics, transcriptions } from "../schema";

/*
 * The analytics row of one ended session, always computed from stored rows: its turns, the
 * session's facts and the counters the browser reported at the end (live_sessions.client_stats).
 * So it can be written at the end, rewritten when late turns arrive, and written later by the
 * backfill when it could not be written at first. Ending a conversation never waits on it.
 */

type Tx = Parameters<Parameters<Database["transaction"]>[0]>[0];
type Executor = Database | Tx;
type SessionRow = typeof liveSessions.$inferSelect;

function durationOf(session: SessionRow): number {
  if (session.totalDurationSeconds !== null) return session.totalDurationSeconds;
  return session.endedAt ? Math.max(0, Math.round((session.endedAt.getTime() - session.startedAt.getTime()) / 1000)) : 0;
}

/** The browser's counters and the metadata that goes with them. */
async function clientFigures(tx: Executor, session: SessionRow): Promise<{ client: ClientSessionStats; metadata: Record<string, unknown> }> {
  // A conversation that ended in an error had at least that one.
  const atLeastItsError = session.status === "ERROR" ? 1 : 0;
  const stats = session.clientStats;
  if (stats) {
    return {
      client: { audioSeconds: stats.audioSeconds, videoFrameCount: stats.videoFrameCount, errorCount: Math.max(stats.errorCount, atLeastItsError) },
      metadata: { resumptions: stats.resumptions, clientStatsReported: true },
    };
  }
  // Sessions ended before client_stats existed keep the counters their row was first written with.
  const [existing] = await tx.select().from(sessionAnalytics).where(eq(sessionAnalytics.sessionId, session.id)).limit(1);
  if (existing) {
    return { client: { audioSeconds: existing.audioSeconds, videoFrameCount: existing.videoFrameCount, errorCount: existing.errorCount }, metadata: existing.metadata };
  }
  return { client: { audioSeconds: 0, videoFrameCount: 0, errorCount: atLeastItsError }, metadata: { resumptions: 0, clientStatsReported: false } };
}

async function writeAnalytics(tx: Executor, session: SessionRow): Promise<SessionAnalyticsSummary> {
  const turns = await tx
    .select({
      sender: transcriptions.sender,
      latencyMs: transcriptions.latencyMs,
      interrupted: transcriptions.interrupted,
      inputTokens: transcriptions.inputTokens,
      outputTokens: transcriptions.outputTokens,
    })
    .from(transcriptions)
    .where(eq(transcriptions.sessionId, session.id))
    .orderBy(asc(transcriptions.sequenceNumber));
  const { client, metadata } = await clientFigures(tx, session);
  const metrics = computeSessionMetrics(turns, client);
  const values = {
    ...metrics,
    ...sessionLatencies(turns),
    startedAt: session.startedAt,
    status: session.status,
    errorMessage: session.status === "ERROR" ? session.lastErrorMessage : null,
    durationSeconds: durationOf(session),
    model: session.model,
    voice: session.voice,
    personaId: session.personaId,
    metadata,
  };
  await tx
    .insert(sessionAnalytics)
    .values({ sessionId: session.id, userId: session.userId, ...values })
    .onConflictDoUpdate({ target: sessionAnalytics.sessionId, set: values });
  return metrics;
}

/** (Re)writes the analytics row of the caller's session from its stored rows. Throws when it cannot. */
export async function recomputeSessionAnalytics(tx: Executor, { sessionId, userId }: { sessionId: string; userId: string }): Promise<SessionAnalyticsSummary> {
  const [session] = await tx
    .select()
    .from(liveSessions)
    .where(and(eq(liveSessions.id, sessionId), eq(liveSessions.userId, userId)))
    .limit(1);
  if (!session) throw new AppError("not_found:session");
  return writeAnalytics(tx, session);
}

/** The SQLSTATE (or our AppError code) of a failure, found along its causes: safe to log, unlike its message. */
export function errorCodeOf(error: unknown): string | null {
  for (let e: unknown = error; e; e = (e as { cause?: unknown }).cause) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string") return code;
  }
  return null;
}

/**
 * Writes the analytics row of a session that has just ended (or taken late turns) inside a
 * savepoint of the caller's transaction, so a failure rolls back only this write. The session
 * then has no row, which is what the backfill looks for: it is written later, from the same
 * stored rows. Returns the figures, or null when they are deferred.
 */
export async function writeAnalyticsOrDefer(tx: Tx, { sessionId, userId }: { sessionId: string; userId: string }): Promise<SessionAnalyticsSummary | null> {
  try {
    return await tx.transaction((savepoint) => recomputeSessionAnalytics(savepoint, { sessionId, userId }));
  } catch (error) {
    console.error("[analytics] write deferred to the backfill", { sessionId, code: errorCodeOf(error) });
  }
  try {
    // A row written before late turns arrived would be stale and never revisited: drop it.
    await tx.transaction((savepoint) => savepoint.delete(sessionAnalytics).where(eq(sessionAnalytics.sessionId, sessionId)));
  } catch (error) {
    console.error("[analytics] stale row kept", { sessionId, code: errorCodeOf(error) });
  }
  return null;
}
