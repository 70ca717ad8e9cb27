/* Where a recording has no sound: the session time of segments that never reached the server. */

export interface RecordingGap {
  /** Session offsets (ms): from the end of the last segment before the gap to the start of the first after it. */
  startOffsetMs: number;
  endOffsetMs: number;
}

interface SegmentTimes {
  sequenceNumber: number;
  startOffsetMs: number;
  durationMs: number | null;
}

/** The gaps between stored segments (in sequence order) whose numbers are not consecutive. */
export function recordingGaps(segments: SegmentTimes[]): RecordingGap[] {
  const gaps: RecordingGap[] = [];
  for (let i = 1; i < segments.length; i++) {
    const before = segments[i - 1]!;
    const after = segments[i]!;
    if (after.sequenceNumber === before.sequenceNumber + 1) continue;
    const startOffsetMs = before.startOffsetMs + (before.durationMs ?? 0);
    if (after.startOffsetMs > startOffsetMs) gaps.push({ startOffsetMs, endOffsetMs: after.startOffsetMs });
  }
  return gaps;
}

/** The gap that `sessionMs` falls in, if any. */
export function gapAt(gaps: RecordingGap[], sessionMs: number): RecordingGap | null {
  return gaps.find((gap) => sessionMs >= gap.startOffsetMs && sessionMs < gap.endOffsetMs) ?? null;
}
