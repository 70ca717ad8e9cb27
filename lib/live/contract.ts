import type { LiveConnectConfig } from "@google/genai";
import { z } from "zod";
import type { ActionResult } from "@/lib/actions/safe-action";
import { VOICE_NAMES } from "@/lib/gemini/voices";
import { int4Count, storableText } from "@/lib/validation/columns";

/*
 * What the browser side of a live conversation and the server agree on. Shared by the server
 * actions, the turns route handler and lib/live/*, so both sides parse the same shapes.
 */

export const SESSION_STATUSES = ["IDLE", "CONNECTING", "ACTIVE", "ENDED", "ERROR"] as const;
export type SessionStatus = (typeof SESSION_STATUSES)[number];

/** One closed turn as the persistence queue sends it. `sequenceNumber` makes the write idempotent. */
export const turnInput = z.strictObject({
  sequenceNumber: z.number().int().min(0).max(1_000_000),
  sender: z.enum(["user", "model"]),
  text: storableText().max(20_000),
  /** ms since the session started (the browser's clock at Start). */
  startOffsetMs: int4Count().nullable(),
  endOffsetMs: int4Count().nullable(),
  /** model turns: end of the user's speech → first model audio. */
  latencyMs: z.number().int().min(0).max(600_000).nullable(),
  interrupted: z.boolean(),
  /** model turns: usage metadata reported by the service for this turn. */
  inputTokens: int4Count().nullable(),
  outputTokens: int4Count().nullable(),
  /** Interrupted model turns: ms of its audio the user actually heard before playback stopped. */
  heardMs: z.number().int().min(0).max(86_400_000).nullable().optional(),
});
export type TurnInput = z.infer<typeof turnInput>;

export const MAX_TURNS_PER_BATCH = 50;

/** Body of `POST /api/live/sessions/:id/turns` (fetch, or navigator.sendBeacon on pagehide). */
export const appendTurnsBody = z.strictObject({
  turns: z.array(turnInput).min(1).max(MAX_TURNS_PER_BATCH),
});
export type AppendTurnsBody = z.infer<typeof appendTurnsBody>;

/** The answer: every sequence number now stored (newly or before), so the queue can drop them. */
export interface AppendTurnsResult {
  acknowledged: number[];
}

export const turnsPath = (sessionId: string) => `/api/live/sessions/${sessionId}/turns`;

export const startLiveSessionInput = z.strictObject({
  voice: z.enum(VOICE_NAMES),
  personaId: z.uuid().nullable().optional(),
  cameraEnabled: z.boolean(),
  micEnabled: z.boolean(),
  /** End the user's other open conversation (another tab, or a page reloaded mid-talk) instead of refusing with conflict:session. */
  replaceActive: z.boolean().optional(),
  /** "Don't remember this conversation": nothing is learned from it. */
  memoryOptOut: z.boolean().optional(),
});
export type StartLiveSessionInput = z.infer<typeof startLiveSessionInput>;

export interface LiveConnection {
  /** An ephemeral token (`auth_tokens/…`), single use, short-lived. Never the API key. */
  token: string;
  model: string;
  config: LiveConnectConfig;
  /** Only set when GEMINI_API_BASE_URL points the SDK elsewhere (the test double). */
  apiBaseUrl: string | null;
}

export interface StartLiveSessionResult extends LiveConnection {
  sessionId: string;
  startedAt: string;
}

export const sessionIdInput = z.strictObject({ sessionId: z.uuid() });

export const endLiveSessionInput = z.strictObject({
  sessionId: z.uuid(),
  status: z.enum(["ENDED", "ERROR"]),
  errorMessage: storableText().trim().max(500).nullable().optional(),
  /** Ended from a reloaded page that gave it up: it ends at its last activity, not now. */
  abandoned: z.boolean().optional(),
  /** Counters only the browser knows; the rest of the analytics is computed from stored turns. */
  stats: z
    .strictObject({
      audioSeconds: z.number().min(0).max(86_400),
      videoFrameCount: z.number().int().min(0).max(1_000_000),
      errorCount: z.number().int().min(0).max(10_000),
      resumptions: z.number().int().min(0).max(10_000),
    })
    .optional(),
});
export type EndLiveSessionInput = z.infer<typeof endLiveSessionInput>;

export interface SessionAnalyticsSummary {
  userMessageCount: number;
  modelMessageCount: number;
  responseTimeMeanMs: number | null;
  responseTimeP95Ms: number | null;
  interruptionCount: number;
  errorCount: number;
  tokensIn: number;
  tokensOut: number;
  audioSeconds: number;
  videoFrameCount: number;
}

export interface EndLiveSessionResult {
  sessionId: string;
  status: "ENDED" | "ERROR";
  totalDurationSeconds: number;
  /** null when they could not be written yet: the backfill writes them later, the end stands. */
  analytics: SessionAnalyticsSummary | null;
}

/* ---- What the React hook gives the Live page (lib/live/use-live-session.ts). ---- */

export type LiveStatus = "idle" | "connecting" | "live" | "reconnecting" | "ending" | "ended" | "error";

export interface LiveTurnView {
  /** Stable React key: `${sender}-${local index}`. */
  id: string;
  sender: "user" | "model";
  text: string;
  /** false while fragments are still arriving. */
  final: boolean;
  interrupted: boolean;
  latencyMs: number | null;
}

/** Counters the page exposes (data attributes on `data-testid="live-stats"`) for tests and benchmarks. */
export interface LiveStats {
  audioChunksSent: number;
  videoFramesSent: number;
  audioChunksReceived: number;
  /** ms of model audio actually played through the speakers. */
  playedMs: number;
  /** ms of model audio scheduled so far. */
  scheduledMs: number;
  turnsPending: number;
  turnsAcknowledged: number;
  resumptions: number;
}

export interface LiveStartOptions {
  voice: StartLiveSessionInput["voice"];
  personaId?: string | null;
  cameraEnabled: boolean;
  micEnabled: boolean;
  /** "Don't remember this conversation". */
  memoryOptOut?: boolean;
  /** What to save for replay (the user's Settings); nothing when absent. */
  recording?: { audio: boolean; frames: boolean };
}

/** What the Live page renders: the conversation's state, published as one snapshot. */
export interface LiveSnapshot {
  status: LiveStatus;
  /** A human sentence when status is "error" (or a non-fatal warning such as mic denied). */
  error: string | null;
  /** The error is a quota or rate limit (Settings shows the usage), not a failure. */
  limited: boolean;
  notice: string | null;
  /** The latest memory tool use, compactly ("Recalled 3 memories"). */
  toolNote: string | null;
  /** The passages the latest search_knowledge answer cited, each openable from the page. */
  toolSources: Array<{ chunkId: string; document: string; page: number | null }>;
  sessionId: string | null;
  turns: LiveTurnView[];
  micMuted: boolean;
  /** Microphone permission was refused: typed conversation still works. */
  micUnavailable: boolean;
  cameraOn: boolean;
  screenOn: boolean;
  /** 0..1, the microphone input level for a meter. */
  inputLevel: number;
  /** The local camera or screen stream for the preview <video>, or null. */
  previewStream: MediaStream | null;
  /** What this conversation is saving for replay right now. */
  recording: { audio: boolean; frames: boolean };
  stats: LiveStats;
  /** A conversation this tab held before a reload, still open on the server: continue it or end it. */
  resumeOffer: { sessionId: string } | null;
}

export interface LiveController extends LiveSnapshot {
  start: (options: LiveStartOptions) => Promise<void>;
  stop: () => Promise<void>;
  retry: () => Promise<void>;
  setMicMuted: (muted: boolean) => void;
  setCameraOn: (on: boolean) => Promise<void>;
  setScreenOn: (on: boolean) => Promise<void>;
  sendText: (text: string) => void;
  /** The offered conversation goes on: same session, the service's latest handle, a fresh token. */
  continueConversation: () => Promise<void>;
  /** The offered conversation ends, at its last activity. */
  endPrevious: () => Promise<void>;
  /** 0..1, how loud the model's audio playing right now is (read per animation frame). */
  outputLevel: () => number;
}

/** The server actions the Live page hands to the hook (app/(app)/live/actions.ts). */
export interface LiveActions {
  startLiveSession: (input: StartLiveSessionInput) => Promise<ActionResult<StartLiveSessionResult>>;
  /** A fresh single-use token for resuming the same session after goAway or a dropped socket. */
  renewLiveToken: (input: { sessionId: string }) => Promise<ActionResult<LiveConnection>>;
  /** CONNECTING → ACTIVE once the socket's setup completed; also bumps last_activity_at. */
  markLiveSessionActive: (input: { sessionId: string }) => Promise<ActionResult<{ status: SessionStatus }>>;
  endLiveSession: (input: EndLiveSessionInput) => Promise<ActionResult<EndLiveSessionResult>>;
}
