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
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors/app-error";
import type { RecordingGap } from "./gaps";
import { objectMediaStorage } from "./object-storage";
import { s3BucketFromEnv } from "./s3-bucket";
import { piecesInRange, type ByteRange } from "./range";
import { counts, recordingOf } from "./recording";

/*
 * The one door to recorded media. Callers (upload and replay routes, the purge) speak in
 * sessions, segments and frames; where the bytes sit is this module's business: in Postgres
 * (bytea, the default), or in an S3-compatible object store (object-storage.ts), the rows then
 * keeping the index and `storage_url`.
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
  /** Deletes stored objects whose rows are already gone (an erased account's); failures are logged. */
  discardObjects(keys: string[]): Promise<void>;
}

/** Segments fetched per database round trip while streaming (each ≤ 2 MB). */
const SEGMENTS_PER_READ = 4;

export function postgresMediaStorage(db: Database): MediaStorage {
  return {
    putAudioSegment: (owner, segment) => insertAudioSegment(db, { ...owner, segment }),
    putFrame: (owner, frame) => insertVideoFrame(db, { ...owner, frame }),

    getAudio: async (owner) => recordingOf(await listAudioSegments(db, owner)),

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

    deleteSession: async (owner) => counts(await deleteSessionMedia(db, owner)),
    purgeExpired: async (options) => counts(await purgeExpiredMedia(db, options)),
    // Bytes kept in Postgres went with their rows: there are no objects to delete.
    discardObjects: async () => {},
  };
}

/** The deployment's media storage: Postgres (bytea) unless MEDIA_STORAGE=s3 names an object store. */
export function getMediaStorage(db: Database): MediaStorage {
  return env.MEDIA_STORAGE === "s3" ? objectMediaStorage(db, s3BucketFromEnv()) : postgresMediaStorage(db);
}
