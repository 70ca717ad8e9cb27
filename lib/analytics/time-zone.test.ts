import { describe, expect, it } from "vitest";
import { isValidTimeZone, resolveTimeZone } from "./time-zone";

describe("viewer time zone", () => {
  it("accepts IANA zones Intl knows", () => {
    for (const zone of ["UTC", "Europe/Berlin", "America/Argentina/Buenos_Aires", "Asia/Kolkata", "Etc/GMT+5"]) expect(isValidTimeZone(zone), zone).toBe(true);
  });

  it("replaces anything else with UTC", () => {
    for (const value of ["", "Mars/Olympus", "Europe/Berlin'; drop table user; --", "x".repeat(80), null, undefined]) {
      expect(resolveTimeZone(value), String(value)).toBe("UTC");
    }
  });
});
