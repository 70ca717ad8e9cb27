import "server-only";
import { and, eq } from "drizzle-orm";
import { AppError } from "@/lib/errors/app-error";
import type { Database } from "../index";
import { personaPictures, personas } from "../schema";

/*
 * A persona's picture, always through the acting user's id: another user's persona (or an
 * admin asking for one) is "not found". Where the bytes live is lib/media/storage.ts's business;
 * this module keeps the row (inline bytes or the object's key).
 */

export interface StoredPicture {
  mimeType: string;
  data: Uint8Array | null;
  storageUrl: string | null;
  updatedAt: Date;
}

/**
 * Stores (or replaces) the picture. Returns the key of the object it replaced, for the caller to
 * delete once the new row is in. `now` orders replacements: the row keeps the later one.
 */
export async function putPersonaPicture(
  db: Database,
  { userId, personaId, mimeType, bytes, storageUrl = null, now = new Date() }: { userId: string; personaId: string; mimeType: string; bytes: Uint8Array; storageUrl?: string | null; now?: Date },
): Promise<{ version: number; replacedStorageUrl: string | null }> {
  return db.transaction(async (tx) => {
    const [owner] = await tx.select({ id: personas.id }).from(personas).where(and(eq(personas.id, personaId), eq(personas.userId, userId))).for("update");
    if (!owner) throw new AppError("not_found:persona");
    const [previous] = await tx.select({ storageUrl: personaPictures.storageUrl }).from(personaPictures).where(eq(personaPictures.personaId, personaId));
    const values = { mimeType, byteSize: bytes.byteLength, data: storageUrl ? null : bytes, storageUrl, updatedAt: now };
    await tx
      .insert(personaPictures)
      .values({ personaId, userId, ...values })
      .onConflictDoUpdate({ target: personaPictures.personaId, set: values });
    return { version: now.getTime(), replacedStorageUrl: previous?.storageUrl ?? null };
  });
}

/** The caller's persona picture, or not_found:persona (no such persona, not theirs, or no picture). */
export async function getPersonaPicture(db: Database, { userId, personaId }: { userId: string; personaId: string }): Promise<StoredPicture> {
  const [row] = await db
    .select({ mimeType: personaPictures.mimeType, data: personaPictures.data, storageUrl: personaPictures.storageUrl, updatedAt: personaPictures.updatedAt })
    .from(personaPictures)
    .where(and(eq(personaPictures.personaId, personaId), eq(personaPictures.userId, userId)));
  if (!row) throw new AppError("not_found:persona", "This persona has no picture.");
  return row;
}

/** Removes the picture (the persona goes back to its initials); not_found:persona when it had none or is not the caller's. */
export async function deletePersonaPicture(db: Database, { userId, personaId }: { userId: string; personaId: string }): Promise<{ storageUrl: string | null }> {
  const [row] = await db
    .delete(personaPictures)
    .where(and(eq(personaPictures.personaId, personaId), eq(personaPictures.userId, userId)))
    .returning({ storageUrl: personaPictures.storageUrl });
  if (!row) throw new AppError("not_found:persona", "This persona has no picture.");
  return { storageUrl: row.storageUrl };
}
