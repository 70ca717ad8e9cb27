import "server-only";
import { eq } from "drizzle-orm";
import { DEFAULT_VOICE, VOICE_NAMES, type GeminiVoice } from "@/lib/gemini/voices";
import type { MemoryPreferenceInput, Preferences, PreferencesInput, RecordingPreferencesInput, VoicePreferenceInput } from "@/lib/preferences/schema";
import type { Database } from "../index";
import { userPreferences } from "../schema";

const defaults: Preferences = {
  defaultVoice: DEFAULT_VOICE,
  cameraEnabled: false,
  micEnabled: true,
  memoryEnabled: true,
  saveAudio: false,
  saveVideoFrames: false,
  mediaRetentionDays: 30,
  updatedAt: null,
};

type Row = typeof userPreferences.$inferSelect;

function toPreferences(row: Row): Preferences {
  const voice = (VOICE_NAMES as readonly string[]).includes(row.defaultVoice) ? (row.defaultVoice as GeminiVoice) : DEFAULT_VOICE;
  return {
    defaultVoice: voice,
    cameraEnabled: row.cameraEnabled,
    micEnabled: row.micEnabled,
    memoryEnabled: row.memoryEnabled,
    saveAudio: row.saveAudio,
    saveVideoFrames: row.saveVideoFrames,
    mediaRetentionDays: row.mediaRetentionDays,
    updatedAt: row.updatedAt,
  };
}

/** The acting user's preferences; a user who never saved any gets the defaults. */
export async function getPreferences(db: Database, { userId }: { userId: string }): Promise<Preferences> {
  const [row] = await db.select().from(userPreferences).where(eq(userPreferences.userId, userId)).limit(1);
  return row ? toPreferences(row) : { ...defaults };
}

export async function updatePreferences(
  db: Database,
  { userId, values }: { userId: string; values: PreferencesInput | RecordingPreferencesInput | VoicePreferenceInput | MemoryPreferenceInput },
): Promise<Preferences> {
  const now = new Date();
  const [row] = await db
    .insert(userPreferences)
    .values({ userId, ...values, updatedAt: now })
    .onConflictDoUpdate({ target: userPreferences.userId, set: { ...values, updatedAt: now } })
    .returning();
  if (!row) throw new Error("upsert returned no row");
  return toPreferences(row);
}
