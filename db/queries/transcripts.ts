import "server-only";
import { and, asc, eq, sql } from "drizzle-orm";
import { AppError } from "@/lib/errors/app-error";
import type { AppendTurnsResult, SessionStatus, TurnInput } from "@/lib/live/contract";
import type { Database } from "../index";
import { liveSessions, transcriptions } from "../schema";
import { rows } from "./analytics-sql";
import { getOwnedLiveSession, isOpenStatus } from "./live-sessions";
import { queueLateLines } from "./memory-writes";
import { writeAnalyticsOrDefer } from "./session-analytics";

const toRow = (turn: TurnInput) => ({
  sequence_number: turn.sequenceNumber,
  sender: turn.sender,
  text: turn.text,
  start_offset_ms: turn.startOffsetMs,
  end_offset_ms: turn.endOffsetMs,
  latency_ms: turn.latencyMs,
  interrupted: turn.interrupted,
  input_tokens: turn.inputTokens,
  output_tokens: turn.outputTokens,
  heard_ms: turn.heardMs ?? null,
});

/*
 * The hot path of a live conversation: one statement checks that the session is the caller's
 * and still open, bumps its activity and inserts the batch. FOR UPDATE holds the session row, so
 * an End racing with the write either sees these turns in its analytics or makes us see it ended.
 */
async function appendToOpenSession(
  db: Database,
  { userId, sessionId, turns, now }: { userId: string; sessionId: string; turns: TurnInput[]; now: Date },
): Promise<{ status: SessionStatus } | undefined> {
  const at = now.toISOString();
  const [row] = await rows<{ status: SessionStatus }>(
    db,
    sql`with owned as (
      select id, started_at, status, status in ('CONNECTING', 'ACTIVE') as open
      from live_sessions where id = ${sessionId} and user_id = ${userId} for update
    ), touched as (
      update live_sessions set last_activity_at = ${at}::timestamptz from owned where live_sessions.id = owned.id and owned.open
    ), inserted as (
      insert into transcriptions (session_id, user_id, sender, text, transcription_type, sequence_number, timestamp,
        start_offset_ms, end_offset_ms, latency_ms, interrupted, input_tokens, output_tokens, heard_ms)
      select owned.id, ${userId}, t.sender::sender_type, t.text,
        (case when t.sender = 'user' then 'input' else 'output' end)::transcription_type, t.sequence_number,
        coalesce(owned.started_at + t.start_offset_ms * interval '1 millisecond', ${at}::timestamptz),
        t.start_offset_ms, t.end_offset_ms, t.latency_ms, t.interrupted, t.input_tokens, t.output_tokens, t.heard_ms
      from owned, jsonb_to_recordset(${JSON.stringify(turns.map(toRow))}::jsonb) as t(sequence_number int, sender text, text text,
        start_offset_ms int, end_offset_ms int, latency_ms int, interrupted boolean, input_tokens int, output_tokens int, heard_ms int)
      where owned.open
      on conflict (session_id, sequence_number) do nothing
    )
    select status from owned`,
  );
  return row;
}

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
  const owned = await appendToOpenSession(db, { userId, sessionId, turns, now });
  if (!owned) throw new AppError("not_found:session");
  if (!isOpenStatus(owned.status)) await appendToEndedSession(db, { userId, sessionId, turns, now });
  const acknowledged = [...new Set(turns.map((turn) => turn.sequenceNumber))].sort((a, b) => a - b);
  return { acknowledged };
}

/**
 * The rare late flush: stored, then the ended session's analytics recomputed and, if its memory
 * was already extracted, another extraction run queued for the new lines, in one transaction.
 * The session row is held (FOR UPDATE) as an extraction run holds it while applying: whichever
 * commits second sees the other's work and queues the run (memory-writes.ts queueLateLines).
 */
async function appendToEndedSession(
  db: Database,
  { userId, sessionId, turns, now }: { userId: string; sessionId: string; turns: TurnInput[]; now: Date },
): Promise<void> {
  await db.transaction(async (tx) => {
    const [session] = await tx
      .select({ startedAt: liveSessions.startedAt, memoryProcessedAt: liveSessions.memoryProcessedAt, through: liveSessions.memoryExtractedThrough })
      .from(liveSessions)
      .where(and(eq(liveSessions.id, sessionId), eq(liveSessions.userId, userId)))
      .for("update");
    if (!session) throw new AppError("not_found:session");
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
    if (inserted.length === 0) return;
    await writeAnalyticsOrDefer(tx, { sessionId, userId });
    if (session.memoryProcessedAt) await queueLateLines(tx, { userId, sessionId, through: session.through, now });
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
