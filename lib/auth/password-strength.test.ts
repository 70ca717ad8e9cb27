import { describe, expect, it } from "vitest";
import { weakPasswordReason } from "./password-strength";

describe("weakPasswordReason", () => {
  it.each([
    ["a heavily used password", "password", /heavily used password/],
    ["one character repeated", "aaaaaaaa", /Repeated characters/],
    ["eight spaces", "        ", /Repeated characters/],
    ["a common password with a digit", "letmein123", /commonly used password/],
  ])("refuses %s, saying why", (_label, password, reason) => {
    expect(weakPasswordReason(password)).toMatch(reason);
  });

  it("refuses a password made of the account's own name and email", () => {
    expect(weakPasswordReason("ada.lovelace", ["Ada Lovelace", "ada.lovelace@example.com"])).not.toBeNull();
  });

  it("accepts a few uncommon words", () => {
    expect(weakPasswordReason("correct horse battery")).toBeNull();
    expect(weakPasswordReason("plum-otter-radio-17")).toBeNull();
  });
});
