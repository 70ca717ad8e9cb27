import { describe, expect, it } from "vitest";
import { formatDuration } from "./duration";

describe("formatDuration", () => {
  it("says how long a conversation lasted, to the second under an hour", () => {
    expect(formatDuration(0)).toBe("0 s");
    expect(formatDuration(45.4)).toBe("45 s");
    expect(formatDuration(60)).toBe("1 min");
    expect(formatDuration(192)).toBe("3 min 12 s");
    expect(formatDuration(3599)).toBe("59 min 59 s");
    expect(formatDuration(3600)).toBe("1 h");
    expect(formatDuration(3725)).toBe("1 h 2 min");
  });

  it("never reads a negative or broken clock as time", () => {
    expect(formatDuration(-3)).toBe("0 s");
    expect(formatDuration(Number.NaN)).toBe("0 s");
  });
});
