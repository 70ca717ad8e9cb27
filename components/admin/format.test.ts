import { describe, expect, it } from "vitest";
import { formatDateTime, formatRelative, plural } from "./format";

describe("formatRelative", () => {
  const now = new Date("2026-03-10T12:00:00Z");
  const ago = (seconds: number) => new Date(now.getTime() - seconds * 1000);

  it("says just now under a minute, then the largest whole unit", () => {
    expect(formatRelative(ago(30), now)).toBe("just now");
    expect(formatRelative(ago(90), now)).toBe("1 minute ago");
    expect(formatRelative(ago(3 * 3600 + 59 * 60), now)).toBe("3 hours ago");
    expect(formatRelative(ago(26 * 3600), now)).toBe("yesterday");
    expect(formatRelative(ago(15 * 24 * 3600), now)).toBe("2 weeks ago");
    expect(formatRelative(ago(400 * 24 * 3600), now)).toBe("last year");
  });

  it("speaks of the future for an expiry", () => {
    expect(formatRelative(new Date(now.getTime() + 7 * 24 * 3600 * 1000), now)).toBe("next week");
    expect(formatRelative(new Date(now.getTime() + 3 * 24 * 3600 * 1000), now)).toBe("in 3 days");
  });
});

describe("plural", () => {
  it("picks the form by count", () => {
    expect(plural(1, "session")).toBe("1 session");
    expect(plural(0, "session")).toBe("0 sessions");
    expect(plural(1200, "conversation")).toBe("1,200 conversations");
  });
});

describe("formatDateTime", () => {
  it("says the date, the time and the zone it is in", () => {
    expect(formatDateTime(new Date("2026-03-10T12:05:00Z"))).toMatch(/^Mar 1[01], 2026, \d{1,2}:\d{2}\s?[AP]M \S+/);
  });
});
