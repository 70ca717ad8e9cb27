import "server-only";
import type { Database } from "@/db";
import {
  deleteSessionMedia,
  insertAudioSegment,
  insertVideoFrame,
  listAudioSegments,
  listVideoFrames,
  purgeExpiredMedia,
  readAudioSegmentBytes,
  readVideoFrame,
  type AudioSegmentInfo,
  type FrameInfo,
  type NewAudioSegment,
} from "@/db/queries/media";
import { AppError } from "@/lib/errors/app-error";
import { recordingGaps, type RecordingGap } from "./gaps";
import { piecesInRange, type ByteRange } from "./range";

/*
 * The one door to recorded media. Callers (upload and replay routes, the purge) speak in
 * sessions, segments and frames; where the bytes sit is this module's business. Today they sit
 * in Postgres (bytea); an object store would implement the same interface, keeping rows for
 * the index and `storage_url` for the bytes.
 */

export type MediaOwner = { userId: string; sessionId: string };

export interface AudioRecording {
  mimeType: string;
  /** Length of the concatenated segments, which together are one playable file. */
  byteLength: number;
  /** Session offset (ms) at which the recording's time 0 falls. */
  startOffsetMs: number;
  durationMs: number;
  /** Session time that segments lost on the way would have covered. */
  gaps: RecordingGap[];
  segments: AudioSegmentInfo[];
}

export interface NewFrame {
  offsetMs: number;
  mimeType: "image/jpeg";
  width: number | null;
  height: number | null;
  bytes: Uint8Array;
}

export interface MediaStorage {
  putAudioSegment(owner: MediaOwner, segment: NewAudioSegment): Promise<{ stored: boolean }>;
  putFrame(owner: MediaOwner, frame: NewFrame): Promise<{ id: string; stored: boolean }>;
  /** null when the conversation was not recorded. */
  getAudio(owner: MediaOwner): Promise<AudioRecording | null>;
  /** Bytes `range` of the recording, read lazily segment by segment. */
  streamAudio(owner: MediaOwner, recording: AudioRecording, range: ByteRange): ReadableStream<Uint8Array>;
  listFrames(owner: MediaOwner): Promise<FrameInfo[]>;
  getFrame(owner: MediaOwner, frameId: string): Promise<{ mimeType: string; bytes: Uint8Array }>;
  deleteSession(owner: MediaOwner): Promise<{ audioSegments: number; frames: number }>;
  purgeExpired(options?: { userId?: string; now?: Date }): Promise<{ audioSegments: number; frames: number }>;
}

/** Segments fetched per database round trip while streaming (each ≤ 2 MB). */
const SEGMENTS_PER_READ = 4;

export function postgresMediaStorage(db: Database): MediaStorage {
  return {
    putAudioSegment: (owner, segment) => insertAudioSegment(db, { ...owner, segment }),
    putFrame: (owner, frame) => insertVideoFrame(db, { ...owner, frame }),

    async getAudio(owner) {
      const segments = await listAudioSegments(db, owner);
      const first = segments[0];
      const last = segments.at(-1);
      // Segment 0 opens the container: without it no byte of the rest can be played.
      if (!first || !last || first.sequenceNumber !== 0) return null;
      return {
        mimeType: first.mimeType,
        byteLength: last.byteStart + last.byteSize,
        startOffsetMs: first.startOffsetMs,
        durationMs: last.startOffsetMs + (last.durationMs ?? 0) - first.startOffsetMs,
        gaps: recordingGaps(segments),
        segments,
      };
    },

    streamAudio(owner, recording, range) {
      const parts = piecesInRange(recording.segments, range);
      let next = 0;
      return new ReadableStream<Uint8Array>({
        async pull(controller) {
          if (next >= parts.length) {
            controller.close();
            return;
          }
          const batch = parts.slice(next, next + SEGMENTS_PER_READ);
          next += batch.length;
          const bytes = await readAudioSegmentBytes(db, { ...owner, ids: batch.map((part) => part.piece.id) });
          for (const { piece, from, to } of batch) {
            const data = bytes.get(piece.id);
            if (!data) {
              controller.error(new AppError("not_found:media", "Part of this recording is no longer stored."));
              return;
            }
            controller.enqueue(data.subarray(from, to));
          }
        },
      });
    },

    listFrames: (owner) => listVideoFrames(db, owner),

    async getFrame(owner, frameId) {
      const frame = await readVideoFrame(db, { ...owner, frameId });
      if (!frame.bytes) throw new AppError("not_found:media");
      return { mimeType: frame.mimeType, bytes: frame.bytes };
    },

    deleteSession: (owner) => deleteSessionMedia(db, owner),
    purgeExpired: (options) => purgeExpiredMedia(db, options),
  };
}

/** The deployment's media storage (Postgres until an object store is configured). */
export function getMediaStorage(db: Database): MediaStorage {
  return postgresMediaStorage(db);
}
