import { describe, expect, it } from "vitest";
import { describeAuthError } from "./auth-errors";

describe("describeAuthError", () => {
  // better-auth's admin plugin refuses a banned account's sign-in with 403 and code BANNED_USER.
  it("says a banned account is suspended, on the form rather than a field", () => {
    const described = describeAuthError({ status: 403, code: "BANNED_USER", message: "You have been banned from this application." });
    expect(described).toEqual({ message: "This account has been suspended. Contact the administrator." });
  });

  it("puts a wrong password on the password field", () => {
    expect(describeAuthError({ status: 401, code: "INVALID_EMAIL_OR_PASSWORD" }).field).toBe("password");
  });

  it("asks to wait when rate limited, whatever the code", () => {
    expect(describeAuthError({ status: 429, code: "BANNED_USER" }).message).toMatch(/Too many attempts/);
  });

  it("does not say an email has an account, and gives the server's reason for a weak password", () => {
    expect(describeAuthError({ status: 422, code: "USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL" }).message).not.toMatch(/exist/i);
    expect(describeAuthError({ status: 400, code: "WEAK_PASSWORD", message: "This is a heavily used password." })).toEqual({
      field: "password",
      message: "This is a heavily used password.",
    });
  });
});
