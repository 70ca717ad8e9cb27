import { describe, expect, it } from "vitest";
import { formatClock, formatLatency, isInProgress } from "./format";

describe("formatClock", () => {
  it("shows minutes and zero-padded seconds", () => {
    expect(formatClock(0)).toBe("0:00");
    expect(formatClock(7)).toBe("0:07");
    expect(formatClock(754)).toBe("12:34");
  });

  it("adds hours past the hour", () => {
    expect(formatClock(3723)).toBe("1:02:03");
  });
});

describe("formatLatency", () => {
  it("uses milliseconds below a second and seconds above", () => {
    expect(formatLatency(420.4)).toBe("420 ms");
    expect(formatLatency(1250)).toBe("1.3 s");
  });
});

describe("isInProgress", () => {
  it("locks settings from connecting until the conversation has ended", () => {
    expect(["connecting", "live", "reconnecting", "ending"].every((s) => isInProgress(s as never))).toBe(true);
    expect(["idle", "ended", "error"].some((s) => isInProgress(s as never))).toBe(false);
  });
});
