import { z } from "zod";

/** What the Settings form sends. Shared with the client card, so no server imports here. */
export const geminiKeyInput = z.strictObject({
  apiKey: z
    .string()
    .trim()
    .min(1, "Paste your Gemini API key.")
    .min(20, "That is too short to be a Gemini API key.")
    .max(256, "That is too long to be a Gemini API key.")
    .regex(/^[\x21-\x7e]+$/, "An API key has no spaces or special characters."),
});
export type GeminiKeyInput = z.infer<typeof geminiKeyInput>;

export type GeminiKeySource = "user" | "server" | "none";

/** All the browser ever learns about a key. */
export interface GeminiKeyStatus {
  /** Which key a new conversation would use. */
  source: GeminiKeySource;
  /** The user's own key, if any: last four characters only. */
  userKey: { lastFour: string; isValid: boolean; validatedAt: string | null; updatedAt: string } | null;
  serverKeyAvailable: boolean;
}
