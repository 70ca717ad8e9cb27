/* Where the replay is: pure functions from a session offset (ms since the session started) to lines and frames. */

export interface TimelineTurn {
  sequenceNumber: number;
  startOffsetMs: number | null;
}

export interface TimelineFrame {
  id: string;
  offsetMs: number;
}

/** The line being spoken at `offsetMs`: the last one that has started (lines without a time are skipped); -1 before the first. */
export function activeTurnIndex(turns: TimelineTurn[], offsetMs: number): number {
  let active = -1;
  for (const [index, turn] of turns.entries()) {
    if (turn.startOffsetMs === null) continue;
    if (turn.startOffsetMs <= offsetMs) active = index;
    else break;
  }
  return active;
}

/** The index of the line `step` lines away that has a time (for ArrowUp / ArrowDown). */
export function stepTurn(turns: TimelineTurn[], from: number, step: 1 | -1): number {
  for (let index = from + step; index >= 0 && index < turns.length; index += step) {
    if (turns[index]!.startOffsetMs !== null) return index;
  }
  return from;
}

/** The camera frame to show at `offsetMs`: the latest at or before it, else the first. */
export function frameAt<T extends TimelineFrame>(frames: T[], offsetMs: number): T | null {
  let low = 0;
  let high = frames.length - 1;
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (frames[mid]!.offsetMs <= offsetMs) {
      found = mid;
      low = mid + 1;
    } else high = mid - 1;
  }
  return frames[Math.max(0, found)] ?? null;
}

/** `?turn=` wins over `?t=`; both are read leniently (a bad value opens at the start). */
export function initialOffset(turns: TimelineTurn[], query: { t?: string; turn?: string }): number | null {
  const turn = Number(query.turn);
  if (query.turn !== undefined && Number.isInteger(turn)) {
    const match = turns.find((candidate) => candidate.sequenceNumber === turn);
    if (match?.startOffsetMs != null) return match.startOffsetMs;
  }
  const t = Number(query.t);
  if (query.t !== undefined && Number.isFinite(t) && t >= 0) return Math.round(t);
  return null;
}

/** "1:05" or "1:02:05" for an offset in ms. */
export function formatOffset(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const ss = String(total % 60).padStart(2, "0");
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, "0")}:${ss}` : `${minutes}:${ss}`;
}
