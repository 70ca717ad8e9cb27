import "server-only";
import { asc, eq } from "drizzle-orm";
import { AppError } from "@/lib/errors/app-error";
import type { AppendTurnsResult, TurnInput } from "@/lib/live/contract";
import type { Database } from "../index";
import { liveSessions, transcriptions } from "../schema";
import { getOwnedLiveSession, isOpenStatus } from "./live-sessions";
import { writeAnalyticsOrDefer } from "./session-analytics";

/**
 * Stores a batch of closed turns of the caller's session. Idempotent on (session, sequence):
 * a retried batch stores nothing twice and is acknowledged again. Turns arriving after the
 * session ended (a late flush on pagehide) are kept and folded into its analytics (or left to
 * the backfill when those cannot be written: the turns are stored either way).
 */
export async function appendTurns(
  db: Database,
  { userId, sessionId, turns, now = new Date() }: { userId: string; sessionId: string; turns: TurnInput[]; now?: Date },
): Promise<AppendTurnsResult> {
  if (turns.length === 0) throw new AppError("bad_request:input", "A batch needs at least one turn.");
  return db.transaction(async (tx) => {
    const session = await getOwnedLiveSession(tx, { userId, sessionId });
    const inserted = await tx
      .insert(transcriptions)
      .values(
        turns.map((turn) => ({
          sessionId,
          userId,
          sender: turn.sender,
          text: turn.text,
          transcriptionType: turn.sender === "user" ? ("input" as const) : ("output" as const),
          sequenceNumber: turn.sequenceNumber,
          timestamp: turn.startOffsetMs === null ? now : new Date(session.startedAt.getTime() + turn.startOffsetMs),
          startOffsetMs: turn.startOffsetMs,
          endOffsetMs: turn.endOffsetMs,
          latencyMs: turn.latencyMs,
          interrupted: turn.interrupted,
          inputTokens: turn.inputTokens,
          outputTokens: turn.outputTokens,
          heardMs: turn.heardMs ?? null,
        })),
      )
      .onConflictDoNothing({ target: [transcriptions.sessionId, transcriptions.sequenceNumber] })
      .returning({ sequenceNumber: transcriptions.sequenceNumber });
    if (isOpenStatus(session.status)) {
      await tx.update(liveSessions).set({ lastActivityAt: now }).where(eq(liveSessions.id, sessionId));
    } else if (inserted.length > 0) {
      await writeAnalyticsOrDefer(tx, { sessionId, userId });
    }
    const acknowledged = [...new Set(turns.map((turn) => turn.sequenceNumber))].sort((a, b) => a - b);
    return { acknowledged };
  });
}

export interface StoredTurn extends TurnInput {
  timestamp: Date;
}

/** The caller's session's turns in order. */
export async function listTurns(db: Database, { userId, sessionId }: { userId: string; sessionId: string }): Promise<StoredTurn[]> {
  await getOwnedLiveSession(db, { userId, sessionId });
  const rows = await db
    .select()
    .from(transcriptions)
    .where(eq(transcriptions.sessionId, sessionId))
    .orderBy(asc(transcriptions.sequenceNumber));
  return rows.map((row) => ({
    sequenceNumber: row.sequenceNumber,
    sender: row.sender,
    text: row.text,
    startOffsetMs: row.startOffsetMs,
    endOffsetMs: row.endOffsetMs,
    latencyMs: row.latencyMs,
    interrupted: row.interrupted,
    inputTokens: row.inputTokens,
    outputTokens: row.outputTokens,
    heardMs: row.heardMs,
    timestamp: row.timestamp,
  }));
}
