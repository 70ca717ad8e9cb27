import "server-only";
import { and, asc, count, eq } from "drizzle-orm";
import { AppError } from "@/lib/errors/app-error";
import { DEFAULT_VOICE, VOICE_NAMES, type GeminiVoice } from "@/lib/gemini/voices";
import { DEFAULT_LANGUAGE, LANGUAGE_CODES, type PersonaLanguage } from "@/lib/personas/languages";
import { COLOR_KEYS, type PersonaColor } from "@/lib/personas/palette";
import { PERSONA_LIMITS, type Persona, type PersonaValues } from "@/lib/personas/schema";
import type { Database } from "../index";
import { personaPictures, personas, userPreferences } from "../schema";

/*
 * The caller's personas. Every function takes the acting user's id and filters by it in the
 * query: another user's persona id is simply not found (404), never a 403 that confirms it exists.
 */

type Row = typeof personas.$inferSelect;

const oneOf = <T extends string>(list: readonly T[], value: string, fallback: T): T => ((list as readonly string[]).includes(value) ? (value as T) : fallback);

function toPersona(row: Row, pictureAt: Date | null = null): Persona {
  return {
    id: row.id,
    name: row.name,
    initials: row.initials,
    color: oneOf<PersonaColor>(COLOR_KEYS, row.color, "violet"),
    voice: oneOf<GeminiVoice>(VOICE_NAMES, row.voice, DEFAULT_VOICE),
    language: oneOf<PersonaLanguage>(LANGUAGE_CODES, row.language, DEFAULT_LANGUAGE),
    personality: row.personality,
    instructions: row.systemInstruction,
    usesMemory: row.usesMemory,
    affectiveDialog: row.affectiveDialog,
    proactiveAudio: row.proactiveAudio,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    // The picture's time doubles as its version: a replaced picture gets a new URL, so a cached one is never shown.
    pictureVersion: pictureAt ? pictureAt.getTime() : null,
  };
}

const toColumns = ({ instructions, ...rest }: PersonaValues) => ({ ...rest, systemInstruction: instructions });

const withPicture = { persona: personas, pictureAt: personaPictures.updatedAt };
const pictureJoin = eq(personaPictures.personaId, personas.id);

const owned = (userId: string, personaId: string) => and(eq(personas.id, personaId), eq(personas.userId, userId));

export async function listPersonas(db: Database, { userId }: { userId: string }): Promise<Persona[]> {
  const rows = await db.select(withPicture).from(personas).leftJoin(personaPictures, pictureJoin).where(eq(personas.userId, userId)).orderBy(asc(personas.createdAt), asc(personas.id));
  return rows.map((row) => toPersona(row.persona, row.pictureAt));
}

/** The caller's persona, or not_found:persona (also for another user's id). */
export async function getPersona(db: Database, { userId, personaId }: { userId: string; personaId: string }): Promise<Persona> {
  const [row] = await db.select(withPicture).from(personas).leftJoin(personaPictures, pictureJoin).where(owned(userId, personaId)).limit(1);
  if (!row) throw new AppError("not_found:persona");
  return toPersona(row.persona, row.pictureAt);
}

export async function createPersona(db: Database, { userId, values }: { userId: string; values: PersonaValues }): Promise<Persona> {
  const [existing] = await db.select({ n: count() }).from(personas).where(eq(personas.userId, userId));
  if ((existing?.n ?? 0) >= PERSONA_LIMITS.perUser) {
    throw new AppError("conflict:persona", `You can keep up to ${PERSONA_LIMITS.perUser} personas. Delete one to make room.`);
  }
  const [row] = await db.insert(personas).values({ userId, ...toColumns(values) }).returning();
  if (!row) throw new Error("insert returned no row");
  return toPersona(row);
}

export async function updatePersona(db: Database, { userId, personaId, values }: { userId: string; personaId: string; values: PersonaValues }): Promise<Persona> {
  const [row] = await db
    .update(personas)
    .set({ ...toColumns(values), updatedAt: new Date() })
    .where(owned(userId, personaId))
    .returning();
  if (!row) throw new AppError("not_found:persona");
  const [picture] = await db.select({ at: personaPictures.updatedAt }).from(personaPictures).where(eq(personaPictures.personaId, row.id));
  return toPersona(row, picture?.at ?? null);
}

/** A copy named "… (copy)", everything else the same but the picture (bytes are not copied). */
export async function duplicatePersona(db: Database, { userId, personaId }: { userId: string; personaId: string }): Promise<Persona> {
  const { id: _id, createdAt: _created, updatedAt: _updated, pictureVersion: _picture, ...values } = await getPersona(db, { userId, personaId });
  const suffix = " (copy)";
  const name = `${[...values.name].slice(0, PERSONA_LIMITS.name - suffix.length).join("")}${suffix}`;
  return createPersona(db, { userId, values: { ...values, name } });
}

/**
 * Deletes the persona and (by cascade) its picture row and documents; its conversations stay
 * (persona_id set null, their persona_name snapshot kept). `pictureStorageUrl` names the
 * picture's object when it sat in an object store, for the caller (lib/media/storage.ts) to delete.
 */
export async function deletePersona(db: Database, { userId, personaId }: { userId: string; personaId: string }): Promise<{ personaId: string; pictureStorageUrl: string | null }> {
  return db.transaction(async (tx) => {
    const [picture] = await tx
      .select({ storageUrl: personaPictures.storageUrl })
      .from(personaPictures)
      .where(and(eq(personaPictures.personaId, personaId), eq(personaPictures.userId, userId)))
      .for("update");
    const [row] = await tx.delete(personas).where(owned(userId, personaId)).returning({ id: personas.id });
    if (!row) throw new AppError("not_found:persona");
    return { personaId: row.id, pictureStorageUrl: picture?.storageUrl ?? null };
  });
}

/** The persona the Live page offers first: the one last started with (null = the default companion). */
export async function getLastPersonaId(db: Database, { userId }: { userId: string }): Promise<string | null> {
  const [row] = await db
    .select({ id: personas.id })
    .from(userPreferences)
    .innerJoin(personas, and(eq(personas.id, userPreferences.defaultPersonaId), eq(personas.userId, userId)))
    .where(eq(userPreferences.userId, userId))
    .limit(1);
  return row?.id ?? null;
}

/** Keeps the persona a conversation started with as the next default; the caller has checked ownership. */
export async function rememberLastPersona(db: Database, { userId, personaId }: { userId: string; personaId: string | null }): Promise<void> {
  const now = new Date();
  await db
    .insert(userPreferences)
    .values({ userId, defaultPersonaId: personaId, updatedAt: now })
    .onConflictDoUpdate({ target: userPreferences.userId, set: { defaultPersonaId: personaId, updatedAt: now } });
}
