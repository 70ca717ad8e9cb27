import { describe, expect, it } from "vitest";
import { initialTurnIndex, recordingDurationMs, replayKeyAction, toRecordingMs, toSessionMs } from "./playback";

const clock = { startOffsetMs: 1200, durationMs: 30_000 };

describe("the recording's clock against the session's", () => {
  it("places a session offset in the recording and back", () => {
    expect(toRecordingMs(clock, 5200)).toBe(4000);
    expect(toSessionMs(clock, 4000)).toBe(5200);
  });

  it("keeps a seek inside the recording", () => {
    // A line said before recording began plays from the start; one after it ended, at the end.
    expect(toRecordingMs(clock, 300)).toBe(0);
    expect(toRecordingMs(clock, 90_000)).toBe(30_000);
    expect(toSessionMs(clock, -5)).toBe(1200);
  });

  it("trusts the element's duration only when it knows one", () => {
    expect(recordingDurationMs(30_000, Number.POSITIVE_INFINITY)).toBe(30_000);
    expect(recordingDurationMs(30_000, Number.NaN)).toBe(30_000);
    expect(recordingDurationMs(30_000, 0)).toBe(30_000);
    expect(recordingDurationMs(30_000, 29.5)).toBe(29_500);
  });
});

describe("replayKeyAction", () => {
  const key = (k: string, modifiers: Partial<{ altKey: boolean; ctrlKey: boolean; metaKey: boolean; shiftKey: boolean }> = {}) => ({
    key: k,
    altKey: false,
    ctrlKey: false,
    metaKey: false,
    shiftKey: false,
    ...modifiers,
  });
  const body = { tagName: "BODY" };

  it("maps Space and the arrows", () => {
    expect(replayKeyAction(key(" "), body)).toBe("toggle");
    expect(replayKeyAction(key("ArrowUp"), body)).toBe("previous");
    expect(replayKeyAction(key("ArrowDown"), body)).toBe("next");
    expect(replayKeyAction(key("Enter"), body)).toBeNull();
    expect(replayKeyAction(key("ArrowLeft"), body)).toBeNull();
  });

  it("leaves typing, shortcuts and menus alone", () => {
    expect(replayKeyAction(key(" "), { tagName: "INPUT", type: "text" })).toBeNull();
    expect(replayKeyAction(key(" "), { tagName: "INPUT" })).toBeNull();
    expect(replayKeyAction(key("ArrowDown"), { tagName: "TEXTAREA" })).toBeNull();
    expect(replayKeyAction(key("ArrowDown"), { tagName: "SELECT" })).toBeNull();
    expect(replayKeyAction(key(" "), { tagName: "DIV", isContentEditable: true })).toBeNull();
    expect(replayKeyAction(key(" "), { tagName: "BUTTON", insideOverlay: true })).toBeNull();
    expect(replayKeyAction(key("ArrowDown", { metaKey: true }), body)).toBeNull();
    expect(replayKeyAction(key(" ", { shiftKey: true }), body)).toBeNull();
  });

  it("toggles from a focused button, and lets the seek bar keep its arrows", () => {
    expect(replayKeyAction(key(" "), { tagName: "BUTTON" })).toBe("toggle");
    expect(replayKeyAction(key(" "), { tagName: "INPUT", type: "range" })).toBe("toggle");
    expect(replayKeyAction(key("ArrowUp"), { tagName: "INPUT", type: "range" })).toBeNull();
    expect(replayKeyAction(key("ArrowUp"), { tagName: "BUTTON" })).toBe("previous");
  });
});

describe("initialTurnIndex", () => {
  const turns = [
    { sequenceNumber: 0, startOffsetMs: 1000 },
    { sequenceNumber: 1, startOffsetMs: 4000 },
    { sequenceNumber: 2, startOffsetMs: null },
    { sequenceNumber: 3, startOffsetMs: 9000 },
  ];

  it("opens at ?turn= by sequence number, even a line without a time", () => {
    expect(initialTurnIndex(turns, { turn: "1" })).toBe(1);
    expect(initialTurnIndex(turns, { turn: "2", t: "9500" })).toBe(2);
  });

  it("falls back to the line spoken at ?t=, then to none", () => {
    expect(initialTurnIndex(turns, { turn: "42", t: "9500" })).toBe(3);
    expect(initialTurnIndex(turns, { t: "4500" })).toBe(1);
    expect(initialTurnIndex(turns, { t: "500" })).toBe(-1);
    expect(initialTurnIndex(turns, { t: "soon", turn: "x" })).toBe(-1);
    expect(initialTurnIndex(turns, {})).toBe(-1);
  });
});
