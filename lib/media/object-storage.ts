import "server-only";
import { randomUUID } from "node:crypto";
import type { Database } from "@/db";
import { getOwnedLiveSession } from "@/db/queries/live-sessions";
import {
  deleteSessionMedia,
  insertAudioSegment,
  insertVideoFrame,
  listAudioSegments,
  listVideoFrames,
  purgeExpiredMedia,
  readAudioSegmentBytes,
  readVideoFrame,
  type DeletedMedia,
} from "@/db/queries/media";
import { AppError } from "@/lib/errors/app-error";
import { logError } from "@/lib/errors/log";
import { piecesInRange } from "./range";
import type { S3Bucket } from "./s3-bucket";
import { counts, recordingOf } from "./recording";
import type { MediaStorage } from "./storage";

/*
 * Recorded media in an S3-compatible bucket: the rows stay in Postgres (the index, the owner
 * checks, the retention dates) with `storage_url` naming the object; the bytes go to the bucket.
 * An upload is written under a fresh key before its row: a retry racing the first write stores
 * a second object that is deleted again when its row conflicts, so no row ever names bytes that
 * another upload overwrote. Rows written before the switch (bytes in Postgres) still play.
 */

const objectKey = (sessionId: string, kind: "audio" | "frames", at: number) => `media/${sessionId}/${kind}/${at}-${randomUUID()}`;

export function objectMediaStorage(db: Database, bucket: S3Bucket): MediaStorage {
  const discard = (key: string) => bucket.delete(key).catch((error: unknown) => logError("media: delete an unused object", error));

  // Rows first (they are what the app reads), then their objects; a failed object delete leaves
  // an unreadable orphan that the next purge of its session cannot see, so it is logged.
  async function dropObjects(deleted: DeletedMedia) {
    await Promise.all(deleted.storageUrls.map(discard));
    return counts(deleted);
  }

  async function storeThen<T extends { stored: boolean }>(key: string, bytes: Uint8Array, contentType: string, insert: () => Promise<T>): Promise<T> {
    await bucket.put(key, bytes, contentType);
    try {
      const result = await insert();
      if (!result.stored) await discard(key);
      return result;
    } catch (error) {
      await discard(key);
      throw error;
    }
  }

  return {
    async putAudioSegment(owner, segment) {
      // The owner check before any byte is written: nobody stores objects under another's session.
      await getOwnedLiveSession(db, owner);
      const key = objectKey(owner.sessionId, "audio", segment.sequenceNumber);
      return storeThen(key, segment.bytes, segment.mimeType, () => insertAudioSegment(db, { ...owner, segment, storageUrl: key }));
    },

    async putFrame(owner, frame) {
      await getOwnedLiveSession(db, owner);
      const key = objectKey(owner.sessionId, "frames", frame.offsetMs);
      return storeThen(key, frame.bytes, frame.mimeType, () => insertVideoFrame(db, { ...owner, frame, storageUrl: key }));
    },

    getAudio: async (owner) => recordingOf(await listAudioSegments(db, owner)),

    streamAudio(owner, recording, range) {
      const parts = piecesInRange(recording.segments, range);
      let next = 0;
      return new ReadableStream<Uint8Array>({
        async pull(controller) {
          const part = parts[next++];
          if (!part) {
            controller.close();
            return;
          }
          const { piece, from, to } = part;
          const bytes = piece.storageUrl
            ? await bucket.get(piece.storageUrl)
            : ((await readAudioSegmentBytes(db, { ...owner, ids: [piece.id] })).get(piece.id) ?? null);
          if (!bytes) {
            controller.error(new AppError("not_found:media", "Part of this recording is no longer stored."));
            return;
          }
          controller.enqueue(bytes.subarray(from, to));
        },
      });
    },

    listFrames: (owner) => listVideoFrames(db, owner),

    async getFrame(owner, frameId) {
      const frame = await readVideoFrame(db, { ...owner, frameId });
      const bytes = frame.storageUrl ? await bucket.get(frame.storageUrl) : frame.bytes;
      if (!bytes) throw new AppError("not_found:media");
      return { mimeType: frame.mimeType, bytes };
    },

    deleteSession: async (owner) => dropObjects(await deleteSessionMedia(db, owner)),
    purgeExpired: async (options) => dropObjects(await purgeExpiredMedia(db, options)),
    discardObjects: async (keys) => {
      await Promise.all(keys.map(discard));
    },
  };
}
