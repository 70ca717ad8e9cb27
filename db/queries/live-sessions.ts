import "server-only";
import { and, asc, eq, getTableColumns, inArray, lt } from "drizzle-orm";
import { AppError } from "@/lib/errors/app-error";
import type { EndLiveSessionInput, EndLiveSessionResult, SessionStatus } from "@/lib/live/contract";
import { MEMORY_EXTRACT_JOB, memoryExtractKey } from "@/lib/memory/job-kinds";
import type { Database } from "../index";
import { liveSessions, sessionAnalytics, transcriptions } from "../schema";
import { concurrentLimitMessage, monthlyAllowanceMessage } from "@/lib/quotas/messages";
import { monthBounds, monthlyAllowanceExhausted } from "@/lib/quotas/limits";
import { countOpenSessions, lockUserForStart, usedSecondsSince } from "./quotas";
import { enqueueJob } from "./jobs";
import { writeAnalyticsOrDefer } from "./session-analytics";
import { queueSessionEndedWebhook } from "./webhooks";

/** An open session with no activity for this long belongs to a browser that went away. */
export const STALE_SESSION_MS = 3 * 60_000;

const OPEN: SessionStatus[] = ["CONNECTING", "ACTIVE"];

// A session as code reads it: without the generated search vectors (read only by SQL in history.ts).
const { summarySearchVector: _summaryVector, summarySearchVectorSimple: _summaryVectorSimple, ...sessionColumns } = getTableColumns(liveSessions);
export type LiveSessionRow = Omit<typeof liveSessions.$inferSelect, "summarySearchVector" | "summarySearchVectorSimple">;
type Tx = Parameters<Parameters<Database["transaction"]>[0]>[0];
type Executor = Database | Tx;

export const isOpenStatus = (status: SessionStatus) => OPEN.includes(status);

/** The caller's session, or not_found (also for another user's id). */
export async function getOwnedLiveSession(db: Executor, { userId, sessionId }: { userId: string; sessionId: string }): Promise<LiveSessionRow> {
  const [row] = await db
    .select(sessionColumns)
    .from(liveSessions)
    .where(and(eq(liveSessions.id, sessionId), eq(liveSessions.userId, userId)))
    .limit(1);
  if (!row) throw new AppError("not_found:session");
  return row;
}

interface CloseOptions {
  status: "ENDED" | "ERROR";
  errorMessage: string | null;
  stats?: EndLiveSessionInput["stats"];
  now: Date;
}

async function closeSession(tx: Tx, session: LiveSessionRow, { status, errorMessage, stats, now }: CloseOptions): Promise<EndLiveSessionResult> {
  const totalDurationSeconds = Math.max(0, Math.round((now.getTime() - session.startedAt.getTime()) / 1000));
  await tx
    .update(liveSessions)
    .set({ status, endedAt: now, totalDurationSeconds, lastErrorMessage: errorMessage, lastActivityAt: now, updatedAt: now, clientStats: stats ?? null })
    .where(eq(liveSessions.id, session.id));
  const analytics = await writeAnalyticsOrDefer(tx, { sessionId: session.id, userId: session.userId });
  // In the same transaction as the end, so no ended conversation misses its memory job (it
  // decides for itself whether memory is on and whether there is anything to learn).
  await enqueueJob(tx, { kind: MEMORY_EXTRACT_JOB, userId: session.userId, payload: { sessionId: session.id }, dedupeKey: memoryExtractKey(session.id), runAt: now });
  // Every way a conversation ends (Stop, the stale sweep, a suspension, a replacing Start) queues
  // its session.ended here; the Stop action also emits it at once, and the event id makes the two one.
  await queueSessionEndedWebhook(tx, { userId: session.userId, sessionId: session.id, now });
  return { sessionId: session.id, status, totalDurationSeconds, analytics };
}

async function closedResult(tx: Tx, session: LiveSessionRow): Promise<EndLiveSessionResult> {
  const analytics = await writeAnalyticsOrDefer(tx, { sessionId: session.id, userId: session.userId });
  return {
    sessionId: session.id,
    status: session.status === "ERROR" ? "ERROR" : "ENDED",
    totalDurationSeconds: session.totalDurationSeconds ?? 0,
    analytics,
  };
}

/** A conversation whose page went away ends where it stopped, never at the moment someone noticed. */
const abandonedAt = (session: LiveSessionRow, now: Date) => (session.lastActivityAt < now ? session.lastActivityAt : now);

/**
 * Ends the caller's session: status, ended_at and duration, and its analytics row in the same
 * transaction when it can be written (else later, by the backfill: ending never fails on it).
 * Ending it again returns the first outcome unchanged. `abandoned` (ended from a reloaded page):
 * it ends at its last activity.
 */
export async function endLiveSession(
  db: Database,
  { userId, sessionId, status, errorMessage = null, stats, abandoned = false, now = new Date() }: Omit<EndLiveSessionInput, "sessionId" | "errorMessage"> & {
    userId: string;
    sessionId: string;
    errorMessage?: string | null;
    now?: Date;
  },
): Promise<EndLiveSessionResult> {
  return db.transaction(async (tx) => {
    const [session] = await tx
      .select(sessionColumns)
      .from(liveSessions)
      .where(and(eq(liveSessions.id, sessionId), eq(liveSessions.userId, userId)))
      .for("update");
    if (!session) throw new AppError("not_found:session");
    if (!isOpenStatus(session.status)) return closedResult(tx, session);
    return closeSession(tx, session, { status, errorMessage: errorMessage || null, stats, now: abandoned ? abandonedAt(session, now) : now });
  });
}

const NEVER_CONNECTED_MESSAGE = "The conversation never connected: the page was closed or lost its connection.";

/**
 * Closes the user's open sessions whose browser stopped reporting: an ACTIVE one as ENDED
 * (the conversation happened), a CONNECTING one as ERROR, each with its session.ended job.
 * Returns the ids it closed.
 */
export async function closeStaleSessions(
  db: Database,
  { userId, now = new Date(), staleAfterMs = STALE_SESSION_MS }: { userId: string; now?: Date; staleAfterMs?: number },
): Promise<string[]> {
  const cutoff = new Date(now.getTime() - staleAfterMs);
  return db.transaction(async (tx) => {
    const stale = await tx
      .select(sessionColumns)
      .from(liveSessions)
      .where(and(eq(liveSessions.userId, userId), inArray(liveSessions.status, OPEN), lt(liveSessions.lastActivityAt, cutoff)))
      .for("update");
    for (const session of stale) {
      const connecting = session.status === "CONNECTING";
      // The browser vanished, so the session ends at its last sign of life.
      await closeSession(tx, session, {
        status: connecting ? "ERROR" : "ENDED",
        errorMessage: connecting ? NEVER_CONNECTED_MESSAGE : null,
        now: abandonedAt(session, now),
      });
    }
    return stale.map((session) => session.id);
  });
}

/**
 * Ends the user's open sessions, whatever their age. Returns their ids. `abandoned` (Start with
 * replaceActive: their page is gone or given up) ends each at its last activity; otherwise (a
 * suspension cutting a live talk) now. Each gets its session.ended job.
 */
export async function closeOpenSessions(
  tx: Tx,
  { userId, now, reason, abandoned = false, oldest }: { userId: string; now: Date; reason: string; abandoned?: boolean; oldest?: number },
): Promise<string[]> {
  const query = tx
    .select(sessionColumns)
    .from(liveSessions)
    .where(and(eq(liveSessions.userId, userId), inArray(liveSessions.status, OPEN)))
    .orderBy(asc(liveSessions.startedAt), asc(liveSessions.id))
    .for("update");
  // `oldest`: only that many, the longest-running first (a Start making room under its quota).
  const open = oldest === undefined ? await query : await query.limit(oldest);
  for (const session of open) {
    await closeSession(tx, session, { status: "ENDED", errorMessage: reason, now: abandoned ? abandonedAt(session, now) : now });
  }
  return open.map((session) => session.id);
}

export const ONE_OPEN_SESSION_MESSAGE = concurrentLimitMessage(1);

export interface NewLiveSession {
  model: string;
  voice: string;
  personaId: string | null;
  /** The persona's name at Start, kept after a rename or delete. */
  personaName?: string | null;
  cameraEnabled: boolean;
  micEnabled: boolean;
  systemInstruction: string;
  memoryOptOut?: boolean;
}

export interface StartLimits {
  /** Open conversations allowed at once (the user's quota); 1 unless given. */
  concurrentSessions: number;
  /** Minutes a calendar month (UTC) may hold; no monthly check when null. */
  monthlyMinutes: number | null;
}

/**
 * Creates the CONNECTING row within the user's quotas, atomically: the user's Starts take a row
 * lock first, so two at once cannot both see room. At the concurrent limit a Start is a
 * conflict, unless replaceActive: then the oldest open conversations end to make room. A
 * month's allowance used up is a 429 whose Retry-After is the next month.
 */
export async function createLiveSession(
  db: Database,
  { userId, values, replaceActive = false, now = new Date(), limits = { concurrentSessions: 1, monthlyMinutes: null } }: {
    userId: string;
    values: NewLiveSession;
    replaceActive?: boolean;
    now?: Date;
    limits?: StartLimits;
  },
): Promise<LiveSessionRow> {
  return db.transaction(async (tx) => {
    await lockUserForStart(tx, { userId });
    const open = await countOpenSessions(tx, { userId });
    if (open >= limits.concurrentSessions) {
      if (!replaceActive) throw new AppError("conflict:session", concurrentLimitMessage(limits.concurrentSessions));
      await closeOpenSessions(tx, { userId, now, reason: "Replaced by a newer conversation.", abandoned: true, oldest: open - limits.concurrentSessions + 1 });
    }
    if (limits.monthlyMinutes !== null) {
      const { start, end } = monthBounds(now);
      const used = await usedSecondsSince(tx, { userId, monthStart: start, now });
      if (monthlyAllowanceExhausted(used, limits.monthlyMinutes)) {
        throw new AppError("rate_limit:quota", monthlyAllowanceMessage(limits.monthlyMinutes, end), {
          retryAfterSeconds: (end.getTime() - now.getTime()) / 1000,
        });
      }
    }
    const [row] = await tx
      .insert(liveSessions)
      .values({ userId, status: "CONNECTING", ...values, startedAt: now, lastActivityAt: now, createdAt: now, updatedAt: now })
      .returning(sessionColumns);
    if (!row) throw new Error("live session insert returned no row");
    return row;
  });
}

const ENDED_MESSAGE = "This conversation has already ended. Start a new one.";

/** An open session of the caller, with its activity bumped; a closed one is a conflict. */
export async function touchOpenSession(db: Database, { userId, sessionId, now = new Date() }: { userId: string; sessionId: string; now?: Date }): Promise<LiveSessionRow> {
  const [row] = await db
    .update(liveSessions)
    .set({ lastActivityAt: now })
    .where(and(eq(liveSessions.id, sessionId), eq(liveSessions.userId, userId), inArray(liveSessions.status, OPEN)))
    .returning(sessionColumns);
  if (row) return row;
  await getOwnedLiveSession(db, { userId, sessionId });
  throw new AppError("conflict:session", ENDED_MESSAGE);
}

/** CONNECTING → ACTIVE once the socket is set up; ACTIVE stays ACTIVE (a heartbeat). */
export async function markLiveSessionActive(
  db: Database,
  { userId, sessionId, now = new Date() }: { userId: string; sessionId: string; now?: Date },
): Promise<{ status: SessionStatus }> {
  const [row] = await db
    .update(liveSessions)
    .set({ status: "ACTIVE", lastActivityAt: now, updatedAt: now })
    .where(and(eq(liveSessions.id, sessionId), eq(liveSessions.userId, userId), inArray(liveSessions.status, OPEN)))
    .returning({ status: liveSessions.status });
  if (row) return row;
  await getOwnedLiveSession(db, { userId, sessionId });
  throw new AppError("conflict:session", ENDED_MESSAGE);
}

export interface LiveSessionDetail {
  session: Omit<LiveSessionRow, "userId">;
  turns: Omit<typeof transcriptions.$inferSelect, "sessionId" | "userId" | "searchVector" | "searchVectorSimple">[];
  analytics: Omit<typeof sessionAnalytics.$inferSelect, "sessionId" | "userId"> | null;
}

/** The caller's session with its turns in sequence order and its analytics row (null while open). */
export async function getLiveSessionDetail(db: Database, { userId, sessionId }: { userId: string; sessionId: string }): Promise<LiveSessionDetail> {
  const { userId: _owner, ...session } = await getOwnedLiveSession(db, { userId, sessionId });
  const turns = await db
    .select({
      id: transcriptions.id,
      sender: transcriptions.sender,
      text: transcriptions.text,
      transcriptionType: transcriptions.transcriptionType,
      sequenceNumber: transcriptions.sequenceNumber,
      timestamp: transcriptions.timestamp,
      startOffsetMs: transcriptions.startOffsetMs,
      endOffsetMs: transcriptions.endOffsetMs,
      latencyMs: transcriptions.latencyMs,
      interrupted: transcriptions.interrupted,
      inputTokens: transcriptions.inputTokens,
      outputTokens: transcriptions.outputTokens,
      heardMs: transcriptions.heardMs,
    })
    .from(transcriptions)
    .where(eq(transcriptions.sessionId, sessionId))
    .orderBy(asc(transcriptions.sequenceNumber));
  const [row] = await db.select().from(sessionAnalytics).where(eq(sessionAnalytics.sessionId, sessionId)).limit(1);
  const analytics = row ? (({ sessionId: _s, userId: _u, ...rest }) => rest)(row) : null;
  return { session, turns, analytics };
}
