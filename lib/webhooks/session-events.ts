import "server-only";
import type { Database } from "@/db";
import type { JobRow } from "@/db/queries/jobs";
import { getLiveSessionDetail } from "@/db/queries/live-sessions";
import { PermanentJobError } from "@/lib/jobs/runner";
import { emitWebhookEvent, queueWebhookEvent, type WebhookEvent } from "./emit";

/*
 * The conversation events. Data is metadata and analytics only (never the system instruction,
 * which holds recalled memories); the transcript goes only to endpoints that asked for it.
 */

export function emitSessionStarted(db: Database, { userId, sessionId, startedAt }: { userId: string; sessionId: string; startedAt: string }) {
  return emitWebhookEvent(db, { userId, type: "session.started", key: sessionId, data: { sessionId, startedAt } });
}

/** Keyed by the session: however many paths end it (Stop, sweep, suspension, replacement), one event. */
function sessionEndedEvent(db: Database, { userId, sessionId }: { userId: string; sessionId: string }): WebhookEvent {
  let detail: Awaited<ReturnType<typeof getLiveSessionDetail>> | null = null;
  const load = async () => (detail ??= await getLiveSessionDetail(db, { userId, sessionId }));
  return {
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
  };
}

/** The browser's Stop: queued on the request at once (never throws); the job queued with the end is the safety net. */
export function emitSessionEnded(db: Database, ids: { userId: string; sessionId: string }) {
  return emitWebhookEvent(db, sessionEndedEvent(db, ids));
}

/** The SESSION_ENDED_JOB queued with a conversation's end: a failure is retried from the job row. */
export async function runSessionEndedJob(db: Database, job: JobRow): Promise<void> {
  const sessionId = job.payload.sessionId;
  if (!job.userId || !sessionId) throw new PermanentJobError("session.ended job without a session");
  await queueWebhookEvent(db, sessionEndedEvent(db, { userId: job.userId, sessionId }));
}

/** One memory.created per new memory, keyed by its id (a retried job emits nothing twice). */
export async function emitMemoriesCreated(db: Database, { userId, memories }: { userId: string; memories: { id: string; content: string; kind: string; sessionId: string | null }[] }) {
  for (const memory of memories) {
    await emitWebhookEvent(db, { userId, type: "memory.created", key: memory.id, data: { memoryId: memory.id, kind: memory.kind, content: memory.content, sessionId: memory.sessionId } });
  }
}
