import "server-only";
import { randomUUID } from "node:crypto";
import type { Database } from "@/db";
import { deletePersona } from "@/db/queries/personas";
import { deletePersonaPicture, getPersonaPicture, putPersonaPicture } from "@/db/queries/persona-pictures";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors/app-error";
import { logError } from "@/lib/errors/log";
import type { PictureType } from "./sniff";
import { s3BucketFromEnv, type S3Bucket } from "./s3-bucket";

/*
 * Persona pictures through the same storage choice as recorded media (storage.ts): bytes in
 * Postgres by default, in the S3-compatible bucket when MEDIA_STORAGE=s3. As there, an object
 * is written under a fresh key before its row, and an object no row names any more (replaced,
 * removed, persona deleted) is deleted after the row change commits.
 */

export type PictureOwner = { userId: string; personaId: string };

export interface PersonaPictureStore {
  put(owner: PictureOwner, picture: { mimeType: PictureType; bytes: Uint8Array }): Promise<{ version: number }>;
  get(owner: PictureOwner): Promise<{ mimeType: string; bytes: Uint8Array; version: number }>;
  remove(owner: PictureOwner): Promise<void>;
  /** Deletes the persona and its picture, wherever the bytes are. */
  deletePersona(owner: PictureOwner): Promise<{ personaId: string }>;
}

const objectKey = (personaId: string) => `personas/${personaId}/picture-${randomUUID()}`;

export function personaPictureStore(db: Database, bucket: S3Bucket | null): PersonaPictureStore {
  const discard = async (key: string | null) => {
    if (!key || !bucket) return;
    await bucket.delete(key).catch((error: unknown) => logError("persona-picture: delete an unused object", error));
  };

  return {
    async put(owner, { mimeType, bytes }) {
      const key = bucket ? objectKey(owner.personaId) : null;
      if (bucket && key) await bucket.put(key, bytes, mimeType);
      try {
        const { version, replacedStorageUrl } = await putPersonaPicture(db, { ...owner, mimeType, bytes, storageUrl: key });
        await discard(replacedStorageUrl);
        return { version };
      } catch (error) {
        await discard(key);
        throw error;
      }
    },

    async get(owner) {
      const row = await getPersonaPicture(db, owner);
      // A row written before a switch of storage keeps its bytes where they were put.
      const bytes = row.storageUrl ? (bucket ? await bucket.get(row.storageUrl) : null) : row.data;
      if (!bytes) throw new AppError("not_found:persona", "This persona's picture is no longer stored.");
      return { mimeType: row.mimeType, bytes, version: row.updatedAt.getTime() };
    },

    async remove(owner) {
      const { storageUrl } = await deletePersonaPicture(db, owner);
      await discard(storageUrl);
    },

    async deletePersona(owner) {
      const { personaId, pictureStorageUrl } = await deletePersona(db, owner);
      await discard(pictureStorageUrl);
      return { personaId };
    },
  };
}

export function getPersonaPictureStore(db: Database): PersonaPictureStore {
  return personaPictureStore(db, env.MEDIA_STORAGE === "s3" ? s3BucketFromEnv() : null);
}
