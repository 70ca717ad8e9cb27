import { describe, expect, it } from "vitest";
import { formatOffset, formatSessionDate, formatTurns } from "./format";

describe("sessions formatting", () => {
  it("shows a date in the given time zone, the year only when it is not this one", () => {
    const now = new Date("2030-06-01T00:00:00Z");
    expect(formatSessionDate("2030-03-01T23:30:00.000000Z", { timeZone: "Europe/Paris", now })).toBe("Sat 2 Mar, 00:30");
    expect(formatSessionDate("2029-03-01T10:00:00.000000Z", { timeZone: "UTC", now })).toBe("Thu, 1 Mar 2029, 10:00");
  });

  it("says how long, how many turns and where in the conversation", () => {
    expect(formatTurns(1)).toBe("1 turn");
    expect(formatTurns(12)).toBe("12 turns");
    expect(formatOffset(65_400)).toBe("1:05");
    expect(formatOffset(null)).toBeNull();
  });
});
