import { describe, expect, it } from "vitest";
import { MESSAGES, classifyClose, describeConnectError, describeMicError } from "./live-errors";

describe("live error messages", () => {
  it("maps close codes to a verdict a person can act on", () => {
    expect(classifyClose(1007, "API key not valid. Please pass a valid API key.")).toEqual({ resumable: false, message: MESSAGES.badKey });
    expect(classifyClose(1008, "Operation not allowed")).toMatchObject({ resumable: false, message: expect.stringContaining("Operation not allowed") });
    expect(classifyClose(1011, "Internal error encountered.")).toMatchObject({ resumable: false, message: expect.stringContaining("internal problem") });
    expect(classifyClose(1011, "Quota exceeded for quota metric")).toEqual({ resumable: false, message: MESSAGES.quota });
    expect(classifyClose(1006)).toEqual({ resumable: true, message: MESSAGES.network });
    expect(classifyClose(1001)).toMatchObject({ resumable: true });
    expect(classifyClose(4000, "")).toMatchObject({ resumable: false, message: expect.stringContaining("code 4000") });
  });

  it("reads the code out of the SDK's connect() rejection", () => {
    expect(describeConnectError(new Error("Live connection closed before setup completed (code 1007): API key not valid."))).toBe(MESSAGES.badKey);
    expect(describeConnectError(new Error("Live connection failed before setup completed: WebSocket error"))).toBe(MESSAGES.network);
    expect(describeConnectError(new Error("anything"), false)).toBe(MESSAGES.network);
  });

  it("tells mic denial apart from a missing or busy microphone", () => {
    expect(describeMicError(Object.assign(new Error("denied"), { name: "NotAllowedError" }))).toBe(MESSAGES.micDenied);
    expect(describeMicError({ name: "NotFoundError", message: "" })).toBe(MESSAGES.micMissing);
    expect(describeMicError({ name: "NotReadableError", message: "" })).toBe(MESSAGES.micBusy);
  });
});
