import type { ActionResult } from "@/lib/actions/safe-action";
import type { LiveSnapshot, LiveStats } from "./contract";
import { MESSAGES } from "./live-errors";

/* The snapshot LiveConversation publishes, and how it reads server action answers. */

export type ConversationState = LiveSnapshot;

const ZERO_STATS: LiveStats = {
  audioChunksSent: 0, videoFramesSent: 0, audioChunksReceived: 0, playedMs: 0, scheduledMs: 0,
  turnsPending: 0, turnsAcknowledged: 0, resumptions: 0,
};

export const INITIAL: ConversationState = {
  status: "idle", error: null, notice: null, toolNote: null, toolSources: [], sessionId: null, turns: [], micMuted: false, micUnavailable: false,
  cameraOn: false, screenOn: false, inputLevel: 0, previewStream: null, recording: { audio: false, frames: false }, stats: ZERO_STATS,
  resumeOffer: null, limited: false,
};

/** A quota or rate limit refused the conversation: retrying at once will not help. */
export const isLimitCode = (code: string | undefined) => Boolean(code?.startsWith("rate_limit:"));

/** `code` is the server's error code; none when the server could not be reached. */
export type Settled<T> = { ok: true; data: T } | { ok: false; message: string; code?: string };

/** Server actions answer ActionResult; a thrown error (network, server down) becomes a sentence too. */
export async function settle<T>(promise: Promise<ActionResult<T>>): Promise<Settled<T>> {
  try {
    const result = await promise;
    return result.ok ? { ok: true, data: result.data } : { ok: false, message: result.error.message, code: result.error.code };
  } catch {
    return { ok: false, message: MESSAGES.network };
  }
}
