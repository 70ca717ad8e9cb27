import { describe, expect, it } from "vitest";
import { APP_HOME, safeReturnPath } from "./routes";

describe("safeReturnPath", () => {
  it("keeps same-site paths with their query and hash", () => {
    expect(safeReturnPath("/settings")).toBe("/settings");
    expect(safeReturnPath("/sessions/42?tab=transcript#t3")).toBe("/sessions/42?tab=transcript#t3");
  });

  it.each([
    ["protocol-relative URL", "//evil.com"],
    ["protocol-relative URL with path", "//evil.com/settings"],
    ["backslash trick browsers read as //", "/\\evil.com"],
    ["absolute https URL", "https://evil.com/settings"],
    ["absolute http URL", "http://localhost:3000/settings"],
    ["javascript: URL", "javascript:alert(1)"],
    ["relative path", "settings"],
    ["tab before a protocol-relative host (browsers strip it)", "/\t/evil.example"],
    ["tab before a backslash host", "/\t\\evil.example"],
    ["carriage return before a host", "/\r/evil.example"],
    ["line feed (a header injection that answered 500)", "/\n/x"],
    ["NUL byte", "/settings\u0000"],
    ["backslash later in the path", "/sessions\\..\\\\evil.example"],
    ["empty string", ""],
    ["null", null],
    ["undefined", undefined],
  ])("sends a %s to the app home", (_label, value) => {
    expect(safeReturnPath(value)).toBe(APP_HOME);
  });

  it.each([
    ["a newline (next=/%0a/x)", "/\n/x"],
    ["a carriage return and header", "/x\r\nSet-Cookie: a=b"],
    ["a tab browsers strip into //", "/\t/evil.com"],
    ["a NUL", "/x\u0000"],
    ["non-Latin-1 text", "/sessions?q=日本"],
  ])("answers a path holding %s with one a Location header can carry, on this site", (_label, value) => {
    const path = safeReturnPath(value);
    expect(() => new Headers({ location: path })).not.toThrow();
    expect(path).toMatch(/^\/(?![/\\])/);
    expect(new URL(path, "https://app.example").origin).toBe("https://app.example");
  });

  it("answers the parsed path, so what is redirected to is exactly what was checked", () => {
    expect(safeReturnPath("/sessions/../settings")).toBe("/settings");
    expect(safeReturnPath("/sessions?q=café")).toBe("/sessions?q=caf%C3%A9");
  });

  it("has an app home that is itself a safe same-site path", () => {
    expect(APP_HOME).toMatch(/^\/[a-z]/);
    expect(safeReturnPath(APP_HOME)).toBe(APP_HOME);
  });
});
