import { z } from "zod";
import { VOICE_NAMES } from "@/lib/gemini/voices";

/** What the Settings form may change. Strict: an unknown key (a user id, say) is refused. */
export const preferencesInput = z.strictObject({
  defaultVoice: z.enum(VOICE_NAMES, { error: "Pick one of the listed voices." }),
  cameraEnabled: z.boolean(),
  micEnabled: z.boolean(),
});

export type PreferencesInput = z.infer<typeof preferencesInput>;

export interface Preferences extends PreferencesInput {
  memoryEnabled: boolean;
  saveAudio: boolean;
  saveVideoFrames: boolean;
  mediaRetentionDays: number;
  updatedAt: Date | null;
}
