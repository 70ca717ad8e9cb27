import { boolean, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { user } from "./auth";
import { bytea } from "./bytea";

/** A companion a user defined: who it is (name, colour, initials), how it sounds and what it is told. */
export const personas = pgTable(
  "personas",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: text("user_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    /** Up to two letters shown on its avatar; empty → derived from the name. */
    initials: text("initials").notNull().default(""),
    /** One of the palette keys in lib/personas/palette.ts. */
    color: text("color").notNull().default("violet"),
    voice: text("voice").notNull().default("Zephyr"),
    /** BCP-47 code of the language it speaks (lib/personas/languages.ts). */
    language: text("language").notNull().default("en-US"),
    personality: text("personality").notNull().default(""),
    /** The persona's own instructions (the "system instruction" the user writes). */
    systemInstruction: text("system_instruction").notNull().default(""),
    usesMemory: boolean("uses_memory").notNull().default(true),
    /** Native-audio options: sent only to models that accept them (lib/gemini/live-token.ts). */
    affectiveDialog: boolean("affective_dialog").notNull().default(false),
    proactiveAudio: boolean("proactive_audio").notNull().default(false),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("personas_user_idx").on(t.userId, t.createdAt)],
);

/**
 * A short spoken sample of each prebuilt voice, generated once by the Gemini speech model and
 * kept: the same for every user, so it is not user data. (voice, language) is the idempotency key.
 */
export const voiceSamples = pgTable(
  "voice_samples",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    voice: text("voice").notNull(),
    language: text("language").notNull(),
    /** Raw 16-bit little-endian mono PCM as the speech model returns it. */
    sampleRate: integer("sample_rate").notNull(),
    pcm: bytea("pcm").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("voice_samples_voice_language_key").on(t.voice, t.language)],
);

/*
 * A persona's uploaded picture (issue 13: "a colour/initials or uploaded picture"). One per
 * persona, replaced in place; bytes in Postgres by default or in the object store
 * (`storage_url`) like recorded media (lib/media/storage.ts). The type is what the bytes are
 * (lib/media/sniff.ts), never what the upload claimed.
 */
export const personaPictures = pgTable("persona_pictures", {
  personaId: uuid("persona_id")
    .primaryKey()
    .references(() => personas.id, { onDelete: "cascade" }),
  userId: text("user_id")
    .notNull()
    .references(() => user.id, { onDelete: "cascade" }),
  mimeType: text("mime_type").notNull(),
  byteSize: integer("byte_size").notNull(),
  data: bytea("data"),
  storageUrl: text("storage_url"),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});
