import { describe, expect, it } from "vitest";
import { activeTurnIndex, formatOffset, frameAt, initialOffset, stepTurn } from "./timeline";

const turns = [
  { sequenceNumber: 0, startOffsetMs: 1000 },
  { sequenceNumber: 1, startOffsetMs: 4000 },
  { sequenceNumber: 2, startOffsetMs: null },
  { sequenceNumber: 3, startOffsetMs: 9000 },
];

describe("activeTurnIndex", () => {
  it("is the last line that has started", () => {
    expect(activeTurnIndex(turns, 0)).toBe(-1);
    expect(activeTurnIndex(turns, 1000)).toBe(0);
    expect(activeTurnIndex(turns, 3999)).toBe(0);
    expect(activeTurnIndex(turns, 4000)).toBe(1);
    expect(activeTurnIndex(turns, 8000)).toBe(1);
    expect(activeTurnIndex(turns, 60_000)).toBe(3);
  });
});

describe("stepTurn", () => {
  it("skips lines without a time and stays put at the ends", () => {
    expect(stepTurn(turns, 1, 1)).toBe(3);
    expect(stepTurn(turns, 3, -1)).toBe(1);
    expect(stepTurn(turns, 3, 1)).toBe(3);
    expect(stepTurn(turns, -1, 1)).toBe(0);
    expect(stepTurn(turns, 0, -1)).toBe(0);
  });
});

describe("frameAt", () => {
  const frames = [0, 1000, 2000, 5000].map((offsetMs) => ({ id: String(offsetMs), offsetMs: offsetMs + 500 }));
  it("shows the latest frame taken by then, or the first before any", () => {
    expect(frameAt(frames, 0)?.id).toBe("0");
    expect(frameAt(frames, 1499)?.id).toBe("0");
    expect(frameAt(frames, 1500)?.id).toBe("1000");
    expect(frameAt(frames, 4000)?.id).toBe("2000");
    expect(frameAt(frames, 99_000)?.id).toBe("5000");
    expect(frameAt([], 10)).toBeNull();
  });
});

describe("initialOffset", () => {
  it("opens at ?turn=, else ?t=, else nowhere", () => {
    expect(initialOffset(turns, { turn: "1", t: "100" })).toBe(4000);
    expect(initialOffset(turns, { turn: "7", t: "2500" })).toBe(2500);
    expect(initialOffset(turns, { t: "2500.4" })).toBe(2500);
    expect(initialOffset(turns, { t: "-5" })).toBeNull();
    expect(initialOffset(turns, { t: "soon" })).toBeNull();
    expect(initialOffset(turns, {})).toBeNull();
  });
});

describe("formatOffset", () => {
  it("reads like a clock", () => {
    expect(formatOffset(0)).toBe("0:00");
    expect(formatOffset(65_400)).toBe("1:05");
    expect(formatOffset(3_725_000)).toBe("1:02:05");
  });
});
