import "server-only";
import type { Database } from "@/db";
import { getLiveSessionDetail } from "@/db/queries/live-sessions";
import { emitWebhookEvent } from "./emit";

/*
 * The conversation events. Data is metadata and analytics only (never the system instruction,
 * which holds recalled memories); the transcript goes only to endpoints that asked for it.
 */

export function emitSessionStarted(db: Database, { userId, sessionId, startedAt }: { userId: string; sessionId: string; startedAt: string }) {
  return emitWebhookEvent(db, { userId, type: "session.started", key: sessionId, data: { sessionId, startedAt } });
}

export function emitSessionEnded(db: Database, { userId, sessionId }: { userId: string; sessionId: string }) {
  let detail: Awaited<ReturnType<typeof getLiveSessionDetail>> | null = null;
  const load = async () => (detail ??= await getLiveSessionDetail(db, { userId, sessionId }));
  return emitWebhookEvent(db, {
    userId,
    type: "session.ended",
    key: sessionId,
    data: async () => {
      const { session, analytics } = await load();
      return {
        sessionId: session.id,
        status: session.status,
        title: session.title,
        personaId: session.personaId,
        personaName: session.personaName,
        model: session.model,
        voice: session.voice,
        startedAt: session.startedAt.toISOString(),
        endedAt: session.endedAt?.toISOString() ?? null,
        analytics: analytics && {
          durationSeconds: analytics.durationSeconds,
          userMessageCount: analytics.userMessageCount,
          modelMessageCount: analytics.modelMessageCount,
          audioSeconds: analytics.audioSeconds,
          videoFrameCount: analytics.videoFrameCount,
          responseTimeMeanMs: analytics.responseTimeMeanMs,
          responseTimeP95Ms: analytics.responseTimeP95Ms,
          interruptionCount: analytics.interruptionCount,
          errorCount: analytics.errorCount,
          tokensIn: analytics.tokensIn,
          tokensOut: analytics.tokensOut,
        },
      };
    },
    transcript: async () =>
      (await load()).turns.map((turn) => ({ sender: turn.sender, text: turn.text, sequenceNumber: turn.sequenceNumber, timestamp: turn.timestamp.toISOString() })),
  });
}

/** One memory.created per new memory, keyed by its id (a retried job emits nothing twice). */
export async function emitMemoriesCreated(db: Database, { userId, memories }: { userId: string; memories: { id: string; content: string; kind: string; sessionId: string | null }[] }) {
  for (const memory of memories) {
    await emitWebhookEvent(db, { userId, type: "memory.created", key: memory.id, data: { memoryId: memory.id, kind: memory.kind, content: memory.content, sessionId: memory.sessionId } });
  }
}
