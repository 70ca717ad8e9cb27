import { z } from "zod";
import { VOICE_NAMES } from "@/lib/gemini/voices";
import { RETENTION_DAY_CHOICES } from "@/lib/media/limits";

/** What the Settings form may change. Strict: an unknown key (a user id, say) is refused. */
export const preferencesInput = z.strictObject({
  defaultVoice: z.enum(VOICE_NAMES, { error: "Pick one of the listed voices." }),
  cameraEnabled: z.boolean(),
  micEnabled: z.boolean(),
});

export type PreferencesInput = z.infer<typeof preferencesInput>;

/** The voice picked on the Live page, kept as the default for the next conversation. */
export const voicePreferenceInput = preferencesInput.pick({ defaultVoice: true });

export type VoicePreferenceInput = z.infer<typeof voicePreferenceInput>;

/** What the Recording card may change: both off by default, media kept for a listed number of days. */
export const recordingPreferencesInput = z.strictObject({
  saveAudio: z.boolean(),
  saveVideoFrames: z.boolean(),
  mediaRetentionDays: z.union(RETENTION_DAY_CHOICES.map((days) => z.literal(days)), { error: `Keep recordings for ${RETENTION_DAY_CHOICES.join(", ")} days.` }),
});

export type RecordingPreferencesInput = z.infer<typeof recordingPreferencesInput>;

/** Settings → Memory: off, nothing is learned from conversations and nothing is recalled. */
export const memoryPreferenceInput = z.strictObject({ memoryEnabled: z.boolean() });

export type MemoryPreferenceInput = z.infer<typeof memoryPreferenceInput>;

export interface Preferences extends PreferencesInput {
  memoryEnabled: boolean;
  saveAudio: boolean;
  saveVideoFrames: boolean;
  mediaRetentionDays: number;
  updatedAt: Date | null;
}
