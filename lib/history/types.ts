import type { SessionStatus } from "@/lib/live/contract";

/* What the history list and search send to the browser: plain JSON, dates as ISO strings. */

export interface SessionListItem {
  id: string;
  /** The title the user gave it; null until renamed. */
  title: string | null;
  /** The start of the first thing the user said: the title until one is given. */
  firstLine: string | null;
  /** The AI summary written after the conversation (memory job); null until then or when memory is off. */
  summary: string | null;
  startedAt: string;
  durationSeconds: number | null;
  turnCount: number;
  voice: string;
  personaName: string | null;
  model: string;
  status: SessionStatus;
  hasAudio: boolean;
}

export interface SearchHit {
  /** The matching line's id, or the conversation's when its title or summary matched. */
  id: string;
  /** A line of the transcript, or the conversation's title or AI summary (no line: the line fields are null). */
  match: "line" | "summary";
  sessionId: string;
  sessionTitle: string | null;
  /** The persona the conversation was with, as named then; null for the default companion. */
  personaName: string | null;
  firstLine: string | null;
  startedAt: string;
  sequenceNumber: number | null;
  sender: "user" | "model" | null;
  startOffsetMs: number | null;
  /** The line (or summary) around the match, the matched words between HIGHLIGHT_START and HIGHLIGHT_END. */
  snippet: string;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}
