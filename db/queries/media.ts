import "server-only";
import { and, asc, eq, lt, sql } from "drizzle-orm";
import { AppError } from "@/lib/errors/app-error";
import type { Database } from "../index";
import { audioChunks, liveSessions, videoFrames } from "../schema";
import { getOwnedLiveSession } from "./live-sessions";

/*
 * Recorded media rows. Bytes live in the `data` column (Postgres storage); a row written by an
 * object-store backend keeps `storage_url` instead. Every function takes the acting user and
 * answers not_found:session for a conversation that is not theirs.
 */

export interface NewAudioSegment {
  sequenceNumber: number;
  mimeType: string;
  startOffsetMs: number;
  durationMs: number | null;
  bytes: Uint8Array;
}

export interface AudioSegmentInfo {
  id: string;
  sequenceNumber: number;
  mimeType: string;
  startOffsetMs: number;
  durationMs: number | null;
  byteSize: number;
  /** Where this segment's bytes begin in the concatenated recording. */
  byteStart: number;
  storageUrl: string | null;
}

export interface FrameInfo {
  id: string;
  offsetMs: number;
  mimeType: string;
  width: number | null;
  height: number | null;
  byteSize: number;
}

type Owner = { userId: string; sessionId: string };

/**
 * Stores one recorded segment. The unique key on (session, sequence number) makes a retried
 * upload, even one racing the first, store nothing a second time.
 */
export async function insertAudioSegment(
  db: Database,
  { userId, sessionId, segment, storageUrl = null }: Owner & { segment: NewAudioSegment; storageUrl?: string | null },
): Promise<{ stored: boolean }> {
  return db.transaction(async (tx) => {
    await getOwnedLiveSession(tx, { userId, sessionId });
    if (segment.sequenceNumber > 0) {
      const [first] = await tx
        .select({ mimeType: audioChunks.mimeType })
        .from(audioChunks)
        .where(and(eq(audioChunks.sessionId, sessionId), eq(audioChunks.sequenceNumber, 0)))
        .limit(1);
      // Later segments continue the container that segment 0 opened; without it they play as nothing.
      if (!first) throw new AppError("conflict:media", "Segment 0 of this recording has not been stored yet.");
      if (first.mimeType !== segment.mimeType) {
        throw new AppError("bad_request:media", `This recording is ${first.mimeType}; a segment of another type cannot join it.`);
      }
    }
    const inserted = await tx
      .insert(audioChunks)
      .values({
        sessionId,
        sequenceNumber: segment.sequenceNumber,
        mimeType: segment.mimeType,
        startOffsetMs: segment.startOffsetMs,
        durationMs: segment.durationMs,
        byteSize: segment.bytes.byteLength,
        // An object store keeps the bytes: the row keeps where.
        data: storageUrl ? null : segment.bytes,
        storageUrl,
      })
      .onConflictDoNothing({ target: [audioChunks.sessionId, audioChunks.sequenceNumber] })
      .returning({ id: audioChunks.id });
    return { stored: inserted.length > 0 };
  });
}

/**
 * The recording's stored segments in order with where each begins in the concatenated file.
 * A missing segment leaves a gap in the numbers: the segments after it still follow (WebM
 * clusters carry their own times, so a player resumes at the next cluster, in place).
 */
export async function listAudioSegments(db: Database, owner: Owner): Promise<AudioSegmentInfo[]> {
  await getOwnedLiveSession(db, owner);
  const rows = await db
    .select({
      id: audioChunks.id,
      sequenceNumber: audioChunks.sequenceNumber,
      mimeType: audioChunks.mimeType,
      startOffsetMs: audioChunks.startOffsetMs,
      durationMs: audioChunks.durationMs,
      byteSize: audioChunks.byteSize,
      storageUrl: audioChunks.storageUrl,
    })
    .from(audioChunks)
    .where(eq(audioChunks.sessionId, owner.sessionId))
    .orderBy(asc(audioChunks.sequenceNumber));
  let byteStart = 0;
  return rows.map((row) => {
    const segment = { ...row, byteStart };
    byteStart += row.byteSize;
    return segment;
  });
}

/** The stored bytes of some of the caller's segments, by id (Postgres storage only). */
export async function readAudioSegmentBytes(db: Database, { userId, sessionId, ids }: Owner & { ids: string[] }): Promise<Map<string, Uint8Array>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: audioChunks.id, data: audioChunks.data })
    .from(audioChunks)
    .innerJoin(liveSessions, eq(liveSessions.id, audioChunks.sessionId))
    .where(and(eq(audioChunks.sessionId, sessionId), eq(liveSessions.userId, userId), sql`${audioChunks.id} in ${ids}`));
  return new Map(rows.flatMap((row) => (row.data ? [[row.id, toBytes(row.data)] as const] : [])));
}

/** Stores one frame; a retry of a frame already stored (same session and moment) answers with the stored one. */
export async function insertVideoFrame(
  db: Database,
  {
    userId,
    sessionId,
    frame,
    storageUrl = null,
  }: Owner & { frame: { offsetMs: number; mimeType: string; width: number | null; height: number | null; bytes: Uint8Array }; storageUrl?: string | null },
): Promise<{ id: string; stored: boolean }> {
  await getOwnedLiveSession(db, { userId, sessionId });
  const [row] = await db
    .insert(videoFrames)
    .values({
      sessionId,
      offsetMs: frame.offsetMs,
      mimeType: frame.mimeType,
      width: frame.width,
      height: frame.height,
      byteSize: frame.bytes.byteLength,
      data: storageUrl ? null : frame.bytes,
      storageUrl,
    })
    .onConflictDoNothing({ target: [videoFrames.sessionId, videoFrames.offsetMs] })
    .returning({ id: videoFrames.id });
  if (row) return { id: row.id, stored: true };
  const [existing] = await db
    .select({ id: videoFrames.id })
    .from(videoFrames)
    .where(and(eq(videoFrames.sessionId, sessionId), eq(videoFrames.offsetMs, frame.offsetMs)))
    .limit(1);
  if (!existing) throw new Error("a conflicting frame vanished");
  return { id: existing.id, stored: false };
}

export async function listVideoFrames(db: Database, owner: Owner): Promise<FrameInfo[]> {
  await getOwnedLiveSession(db, owner);
  return db
    .select({ id: videoFrames.id, offsetMs: videoFrames.offsetMs, mimeType: videoFrames.mimeType, width: videoFrames.width, height: videoFrames.height, byteSize: videoFrames.byteSize })
    .from(videoFrames)
    .where(eq(videoFrames.sessionId, owner.sessionId))
    .orderBy(asc(videoFrames.offsetMs), asc(videoFrames.id));
}

/** One of the caller's frames with its bytes; not_found:media for anything else. */
export async function readVideoFrame(db: Database, { userId, sessionId, frameId }: Owner & { frameId: string }): Promise<FrameInfo & { bytes: Uint8Array | null; storageUrl: string | null }> {
  const [row] = await db
    .select({
      id: videoFrames.id,
      offsetMs: videoFrames.offsetMs,
      mimeType: videoFrames.mimeType,
      width: videoFrames.width,
      height: videoFrames.height,
      byteSize: videoFrames.byteSize,
      data: videoFrames.data,
      storageUrl: videoFrames.storageUrl,
    })
    .from(videoFrames)
    .innerJoin(liveSessions, eq(liveSessions.id, videoFrames.sessionId))
    .where(and(eq(videoFrames.id, frameId), eq(videoFrames.sessionId, sessionId), eq(liveSessions.userId, userId)))
    .limit(1);
  if (!row) throw new AppError("not_found:media");
  const { data, ...info } = row;
  return { ...info, bytes: data ? toBytes(data) : null };
}

export interface DeletedMedia {
  audioSegments: number;
  frames: number;
  /** Where the deleted rows' bytes sit in an object store, for it to delete them too. */
  storageUrls: string[];
}

const urlsOf = (rows: { storageUrl: string | null }[]) => rows.flatMap((row) => (row.storageUrl ? [row.storageUrl] : []));

/** Removes every recorded byte of one of the caller's conversations (the transcript stays). */
export async function deleteSessionMedia(db: Database, owner: Owner): Promise<DeletedMedia> {
  return db.transaction(async (tx) => {
    await getOwnedLiveSession(tx, owner);
    const audio = await tx.delete(audioChunks).where(eq(audioChunks.sessionId, owner.sessionId)).returning({ id: audioChunks.id, storageUrl: audioChunks.storageUrl });
    const frames = await tx.delete(videoFrames).where(eq(videoFrames.sessionId, owner.sessionId)).returning({ id: videoFrames.id, storageUrl: videoFrames.storageUrl });
    return { audioSegments: audio.length, frames: frames.length, storageUrls: [...urlsOf(audio), ...urlsOf(frames)] };
  });
}

export const DEFAULT_RETENTION_DAYS = 30;

/**
 * Deletes media older than its owner's retention setting (days, from user_preferences; the
 * default for users who never saved one), for one user or for everyone (the cron).
 */
export async function purgeExpiredMedia(db: Database, { userId, now = new Date() }: { userId?: string; now?: Date } = {}): Promise<DeletedMedia> {
  const at = now.toISOString();
  const cutoff = (sessionColumn: typeof audioChunks.sessionId | typeof videoFrames.sessionId) => sql`(
    select ${at}::timestamptz - make_interval(days => coalesce(p.media_retention_days, ${DEFAULT_RETENTION_DAYS}))
    from live_sessions s left join user_preferences p on p.user_id = s.user_id
    where s.id = ${sessionColumn}
  )`;
  const ownedBy = (sessionColumn: typeof audioChunks.sessionId | typeof videoFrames.sessionId) =>
    userId ? sql`${sessionColumn} in (select id from live_sessions where user_id = ${userId})` : sql`true`;
  const audio = await db
    .delete(audioChunks)
    .where(and(ownedBy(audioChunks.sessionId), lt(audioChunks.createdAt, cutoff(audioChunks.sessionId))))
    .returning({ id: audioChunks.id, storageUrl: audioChunks.storageUrl });
  const frames = await db
    .delete(videoFrames)
    .where(and(ownedBy(videoFrames.sessionId), lt(videoFrames.createdAt, cutoff(videoFrames.sessionId))))
    .returning({ id: videoFrames.id, storageUrl: videoFrames.storageUrl });
  return { audioSegments: audio.length, frames: frames.length, storageUrls: [...urlsOf(audio), ...urlsOf(frames)] };
}

/** Drivers hand bytea back as Buffer or Uint8Array; callers get a plain Uint8Array view. */
function toBytes(value: Uint8Array): Uint8Array {
  return new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
}
