import { describe, expect, it } from "vitest";
import { gapsLabel, heardLabel, positionLabel } from "./format";

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
