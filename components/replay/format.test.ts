import { describe, expect, it } from "vitest";
import { heardLabel, positionLabel } from "./format";

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
