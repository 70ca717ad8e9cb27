import { activeTurnIndex, type TimelineTurn } from "./timeline";

/* The player's arithmetic: the recording's clock against the session's, and what the keys mean. */

export const PLAYBACK_RATES = [1, 1.5, 2] as const;
export type PlaybackRate = (typeof PLAYBACK_RATES)[number];

export interface RecordingClock {
  /** Session offset (ms) of the recording's time 0. */
  startOffsetMs: number;
  durationMs: number;
}

/** Where a session offset falls in the recording, kept inside it (a line said before recording began plays from 0). */
export function toRecordingMs(clock: RecordingClock, sessionMs: number): number {
  return Math.min(Math.max(0, sessionMs - clock.startOffsetMs), Math.max(0, clock.durationMs));
}

export function toSessionMs(clock: RecordingClock, recordingMs: number): number {
  return clock.startOffsetMs + Math.max(0, recordingMs);
}

/**
 * The recording's length. MediaRecorder's WebM carries no duration (the element reports
 * Infinity), so the stored segment times are the length until the element knows better.
 */
export function recordingDurationMs(storedMs: number, elementSeconds: number): number {
  return Number.isFinite(elementSeconds) && elementSeconds > 0 ? Math.round(elementSeconds * 1000) : storedMs;
}

// Inputs that take no typing: Space and the arrows mean the replay's keys there.
const NON_TEXT_INPUTS = new Set(["button", "checkbox", "radio", "range", "submit", "reset"]);

export type ReplayKeyAction = "toggle" | "previous" | "next" | null;

export interface KeyTarget {
  tagName: string;
  type?: string;
  isContentEditable?: boolean;
  /** Inside an open menu or dialog, which has keys of its own. */
  insideOverlay?: boolean;
}

/**
 * What a key press on the page means for the replay. Typing in a field, a key with a modifier,
 * an open menu or dialog, and the arrows on the seek bar (which move it) are left alone.
 */
export function replayKeyAction(event: { key: string; altKey: boolean; ctrlKey: boolean; metaKey: boolean; shiftKey: boolean }, target: KeyTarget): ReplayKeyAction {
  if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return null;
  if (target.insideOverlay || target.isContentEditable) return null;
  const tag = target.tagName.toUpperCase();
  const type = (target.type ?? "").toLowerCase();
  if (tag === "TEXTAREA" || tag === "SELECT" || (tag === "INPUT" && !NON_TEXT_INPUTS.has(type))) return null;
  if (event.key === " ") return "toggle";
  if (tag === "INPUT" && type === "range") return null;
  if (event.key === "ArrowUp") return "previous";
  if (event.key === "ArrowDown") return "next";
  return null;
}

/** The line to open at: `?turn=` by sequence number, else the line being spoken at `?t=`, else none (-1). */
export function initialTurnIndex(turns: TimelineTurn[], query: { t?: string; turn?: string }): number {
  const turn = Number(query.turn);
  if (query.turn !== undefined && Number.isInteger(turn)) {
    const index = turns.findIndex((candidate) => candidate.sequenceNumber === turn);
    if (index >= 0) return index;
  }
  const t = Number(query.t);
  if (query.t !== undefined && Number.isFinite(t) && t >= 0) return activeTurnIndex(turns, t);
  return -1;
}
