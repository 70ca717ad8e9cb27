import { describe, expect, it } from "vitest";
import { addDays, listDays, rangeFromSearchParams, rangeParams, resolveRange, todayIn } from "./range";

describe("date ranges", () => {
  const now = new Date("2025-03-16T23:30:00Z");

  it("ends presets today in the viewer's zone", () => {
    expect(todayIn("UTC", now)).toBe("2025-03-16");
    expect(todayIn("Europe/Berlin", now)).toBe("2025-03-17");
    expect(resolveRange({ range: "7d" }, { timeZone: "Europe/Berlin", now })).toEqual({ preset: "7d", from: "2025-03-11", to: "2025-03-17" });
    expect(resolveRange({ range: "30d" }, { timeZone: "UTC", now })).toEqual({ preset: "30d", from: "2025-02-15", to: "2025-03-16" });
  });

  it("takes a custom range from the URL and lists its days", () => {
    const range = rangeFromSearchParams({ range: "custom", from: "2025-02-27", to: "2025-03-02" }, { timeZone: "UTC", now });
    expect(range).toEqual({ preset: "custom", from: "2025-02-27", to: "2025-03-02" });
    expect(listDays(range)).toEqual(["2025-02-27", "2025-02-28", "2025-03-01", "2025-03-02"]);
    expect(addDays("2024-02-28", 1)).toBe("2024-02-29");
  });

  it("rejects impossible or oversized custom ranges, and the page falls back to 30 days", () => {
    expect(rangeParams.safeParse({ range: "custom", from: "2025-02-30", to: "2025-03-01" }).success).toBe(false);
    expect(rangeParams.safeParse({ range: "custom", from: "2025-03-02", to: "2025-03-01" }).success).toBe(false);
    expect(rangeParams.safeParse({ range: "custom", from: "2023-01-01", to: "2025-01-01" }).success).toBe(false);
    expect(rangeParams.safeParse({ range: "custom", from: "2025-03-01" }).success).toBe(false);
    expect(rangeParams.safeParse({ range: "14d" }).success).toBe(false);
    expect(rangeFromSearchParams({ range: "custom", from: "nope" }, { timeZone: "UTC", now })).toMatchObject({ preset: "30d", to: "2025-03-16" });
  });
});
