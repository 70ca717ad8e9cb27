import { z } from "zod";
import { VOICE_NAMES } from "@/lib/gemini/voices";

/*
 * The conversation this tab is holding, kept in sessionStorage so a reload can offer to
 * continue it: the same session on the server, the service's latest resumption handle, and
 * where its clock started. sessionStorage belongs to the tab: another tab never sees it, and
 * closing the tab forgets it (that conversation is then ended at its last activity).
 */

const KEY = "livemind.live.conversation";

const storedConversation = z.strictObject({
  sessionId: z.uuid(),
  /** The newest handle the service marked resumable; null before the first one. */
  handle: z.string().min(1).max(4096).nullable(),
  /** Date.now() when the conversation started, so a continued one keeps its offsets. */
  startedAtMs: z.number().int().min(0),
  options: z.strictObject({
    voice: z.enum(VOICE_NAMES),
    personaId: z.uuid().nullable().optional(),
    cameraEnabled: z.boolean(),
    micEnabled: z.boolean(),
    recording: z.strictObject({ audio: z.boolean(), frames: z.boolean() }).optional(),
  }),
});
export type StoredConversation = z.infer<typeof storedConversation>;

function storage(): Storage | null {
  try {
    return typeof sessionStorage === "undefined" ? null : sessionStorage;
  } catch {
    // Storage disabled by the browser's settings.
    return null;
  }
}

export function readStoredConversation(): StoredConversation | null {
  const raw = storage()?.getItem(KEY);
  if (!raw) return null;
  try {
    const parsed = storedConversation.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function storeConversation(conversation: StoredConversation): void {
  try {
    storage()?.setItem(KEY, JSON.stringify(conversation));
  } catch {
    // Full or disabled: a reload then simply cannot offer to continue.
  }
}

export function forgetStoredConversation(): void {
  storage()?.removeItem(KEY);
}
