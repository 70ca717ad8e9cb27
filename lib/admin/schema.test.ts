import { describe, expect, it } from "vitest";
import { banUserInput, targetUserInput } from "./schema";

describe("banUserInput", () => {
  const valid = { userId: "u1", reason: "Spam in shared rooms", expiresInDays: null };

  it("takes a reason and a listed duration, trimming the reason", () => {
    expect(banUserInput.parse({ ...valid, reason: "  Spam  " })).toEqual({ ...valid, reason: "Spam" });
    expect(banUserInput.parse({ ...valid, expiresInDays: 7 }).expiresInDays).toBe(7);
  });

  it("refuses a blank reason, an unlisted duration and unknown fields", () => {
    const issues = (input: unknown) => banUserInput.safeParse(input).error?.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    expect(issues({ ...valid, reason: "   " })).toEqual(["reason: Say why this account is suspended."]);
    expect(issues({ ...valid, expiresInDays: 4000 })).toEqual(["expiresInDays: Pick one of the listed durations."]);
    expect(issues({ ...valid, expiresInDays: 1.5 })?.[0]).toMatch(/^expiresInDays/);
    expect(issues({ ...valid, role: "admin" })?.[0]).toMatch(/role/);
    expect(issues({ reason: "x".repeat(501), expiresInDays: null })).toEqual(["userId: Choose a user.", "reason: Keep the reason under 500 characters."]);
  });
});

describe("targetUserInput", () => {
  it("takes exactly one user id", () => {
    expect(targetUserInput.parse({ userId: " u1 " })).toEqual({ userId: "u1" });
    expect(targetUserInput.safeParse({ userId: "" }).success).toBe(false);
    expect(targetUserInput.safeParse({ userId: "u1", reason: "x" }).success).toBe(false);
  });
});
