import { describe, expect, it } from "vitest";
import { gapAt, recordingGaps } from "./gaps";

const segment = (sequenceNumber: number, startOffsetMs: number, durationMs: number | null = 3000) => ({ sequenceNumber, startOffsetMs, durationMs });

describe("recordingGaps", () => {
  it("finds the session time of segments that never arrived, and nothing in a whole recording", () => {
    expect(recordingGaps([segment(0, 500), segment(1, 3500), segment(2, 6500)])).toEqual([]);
    expect(recordingGaps([segment(0, 500), segment(2, 6500), segment(3, 9500), segment(6, 18_500)])).toEqual([
      { startOffsetMs: 3500, endOffsetMs: 6500 },
      { startOffsetMs: 12_500, endOffsetMs: 18_500 },
    ]);
    // A segment stored without its length: the gap starts where it did.
    expect(recordingGaps([segment(0, 500, null), segment(2, 6500)])).toEqual([{ startOffsetMs: 500, endOffsetMs: 6500 }]);
  });

  it("tells whether a moment falls in a gap", () => {
    const gaps = [{ startOffsetMs: 3500, endOffsetMs: 6500 }];
    expect([3499, 3500, 6499, 6500].map((ms) => gapAt(gaps, ms))).toEqual([null, gaps[0], gaps[0], null]);
  });
});
