import { describe, expect, it } from "vitest";
import { formatDuration, gapsLabel, heardLabel, positionLabel, replayTitle } from "./format";

describe("replayTitle", () => {
  it("keeps a stored title", () => {
    expect(replayTitle("  Trip planning ", "Hello there")).toBe("Trip planning");
  });

  it("names an untitled conversation by the start of its first user line, cut at a word", () => {
    expect(replayTitle(null, "What is  the\nweather like?")).toBe("What is the weather like?");
    expect(replayTitle("", "Could you help me plan a three day trip to the mountains next month, please", 40)).toBe("Could you help me plan a three day trip…");
    expect(replayTitle(null, "Supercalifragilisticexpialidocious-and-more", 10)).toBe("Supercalif…");
    expect(replayTitle(null, null)).toBe("Untitled conversation");
    expect(replayTitle(null, "   ")).toBe("Untitled conversation");
  });
});

describe("formatDuration", () => {
  it("reads like a length, not a clock", () => {
    expect(formatDuration(0)).toBe("0 s");
    expect(formatDuration(45.4)).toBe("45 s");
    expect(formatDuration(60)).toBe("1 min");
    expect(formatDuration(192)).toBe("3 min 12 s");
    expect(formatDuration(3600)).toBe("1 h");
    expect(formatDuration(3725)).toBe("1 h 2 min");
  });
});

describe("heardLabel and positionLabel", () => {
  it("say how much of an interrupted answer was heard", () => {
    expect(heardLabel(null)).toBeNull();
    expect(heardLabel(640)).toBe("heard 640 ms");
    expect(heardLabel(2140)).toBe("heard 2.1 s");
  });

  it("shows where the player is", () => {
    expect(positionLabel(12_400, 63_000)).toBe("0:12 / 1:03");
  });
});

describe("gapsLabel", () => {
  it("names each stretch without sound on the conversation's clock", () => {
    expect(gapsLabel([{ startOffsetMs: 21_000, endOffsetMs: 24_400 }])).toBe("0:21–0:24");
    expect(gapsLabel([{ startOffsetMs: 3000, endOffsetMs: 6000 }, { startOffsetMs: 21_000, endOffsetMs: 24_000 }, { startOffsetMs: 62_000, endOffsetMs: 65_000 }])).toBe("0:03–0:06, 0:21–0:24 and 1:02–1:05");
  });
});
