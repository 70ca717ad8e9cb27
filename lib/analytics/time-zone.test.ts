import { describe, expect, it } from "vitest";
import { isValidTimeZone, resolveTimeZone } from "./time-zone";

describe("viewer time zone", () => {
  it("accepts IANA zones Intl and Postgres both know", () => {
    for (const zone of ["UTC", "Europe/Berlin", "America/Argentina/Buenos_Aires", "Asia/Kolkata", "Asia/Calcutta", "Europe/Kyiv", "Etc/GMT+5"]) expect(isValidTimeZone(zone), zone).toBe(true);
  });

  it("knows every zone Node lists", () => {
    expect(Intl.supportedValuesOf("timeZone").filter((zone) => !isValidTimeZone(zone))).toEqual([]);
  });

  it("replaces anything else with UTC, such as names Node takes and Postgres does not", () => {
    for (const value of ["", "Mars/Olympus", "US/Pacific-New", "Factory", "europe/berlin", "posix/Europe/Berlin", "Europe/Berlin'; drop table user; --", "x".repeat(80), null, undefined]) {
      expect(resolveTimeZone(value), String(value)).toBe("UTC");
    }
  });
});
