import { describe, expect, it } from "vitest";
import { isCalendarDay, isExactInstant, isoDay } from "./calendar";

describe("calendar checks", () => {
  it("takes days that exist, refuses those that only look right", () => {
    for (const day of ["2024-02-29", "2023-12-31", "0001-01-01", "9999-12-31", "2030-04-30"]) expect(isCalendarDay(day), day).toBe(true);
    for (const day of ["2024-02-31", "2024-04-31", "2023-02-29", "0000-01-01", "2024-13-01", "2024-00-10", "2024-1-01", " 2024-01-01", "+02024-01-01", ""]) {
      expect(isCalendarDay(day), day).toBe(false);
    }
    expect(isoDay.safeParse("2024-02-31").error?.issues[0]?.message).toBe("Not a calendar date.");
  });

  it("takes instants that exist, to the microsecond", () => {
    expect(isExactInstant("2030-01-01T10:00:00.123456Z")).toBe(true);
    for (const instant of ["9999-99-99T99:99:99.000000Z", "2026-02-30T10:00:00.000000Z", "2030-01-01T24:00:00.000000Z", "2030-01-01T10:60:00.000000Z", "2030-01-01T10:00:00Z", "0000-01-01T00:00:00.000000Z"]) {
      expect(isExactInstant(instant), instant).toBe(false);
    }
  });
});
