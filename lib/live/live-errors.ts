/* Plain sentences for what can go wrong in a live conversation, and which failures a resume can fix. */

export interface CloseVerdict {
  /** A reconnect with the resumption handle may continue the same conversation. */
  resumable: boolean;
  message: string;
}

export const MESSAGES = {
  badKey: "Your Gemini API key was refused. Check or replace it in Settings, then try again.",
  network: "The connection to the live service was lost. Check your network, then try again.",
  ended: "The live service ended the conversation.",
  signedOut: "You were signed out, so the conversation ended. Sign in again to go on talking.",
  internal: "The live service had an internal problem and ended the conversation. Please try again.",
  quota: "Your Gemini quota or rate limit was reached. Wait a little, then try again.",
  micDenied: "Microphone access was refused, so you can only type. Allow the microphone in your browser's site settings to talk.",
  micMissing: "No microphone was found, so you can only type.",
  micBusy: "The microphone is in use by another app, so you can only type.",
  cameraDenied: "Camera access was refused. Allow it in your browser's site settings to share video.",
  screenDenied: "Screen sharing was cancelled or refused.",
  audioUnsupported: "This browser cannot capture or play audio here (it needs a secure page and Web Audio).",
  recordingNotContinued: "Recording for replay stopped at the reload; the transcript goes on.",
} as const;

/** What a close code (and the service's reason text) means for the user. */
export function classifyClose(code: number, reason = ""): CloseVerdict {
  const detail = reason.trim().slice(0, 200);
  if (/api key|api_key|permission denied|unauthenticated|invalid (?:access )?token|token (?:has |is )?expired/i.test(detail) && code !== 1000) return { resumable: false, message: MESSAGES.badKey };
  if (/quota|rate limit|resource.?exhausted/i.test(detail)) return { resumable: false, message: MESSAGES.quota };
  switch (code) {
    case 1000:
    case 1001:
    case 1012:
    case 1013:
      return { resumable: true, message: MESSAGES.ended };
    case 1005:
    case 1006:
      return { resumable: true, message: MESSAGES.network };
    case 1007:
      return { resumable: false, message: withDetail("The live service could not accept the conversation's data (code 1007).", detail) };
    case 1008:
      return { resumable: false, message: withDetail("The live service refused the conversation: the key or token is not allowed to do this (code 1008).", detail) };
    case 1011:
      return { resumable: false, message: withDetail(MESSAGES.internal, detail) };
    default:
      return { resumable: false, message: withDetail(`The connection to the live service closed unexpectedly (code ${code}).`, detail) };
  }
}

/** For errors thrown by `live.connect()`: the SDK puts the close code and reason in the message. */
export function describeConnectError(error: unknown, online = true): string {
  if (!online) return MESSAGES.network;
  const text = error instanceof Error ? error.message : String(error);
  const match = /\(code (\d+)\):\s*(.*)$/s.exec(text);
  if (match) return classifyClose(Number(match[1]), match[2]).message;
  if (/api key|unauthenticated|permission/i.test(text)) return MESSAGES.badKey;
  return MESSAGES.network;
}

/** getUserMedia failures for the microphone. */
export function describeMicError(error: unknown): string {
  const name = error instanceof Error || isDomError(error) ? (error as { name: string }).name : "";
  if (name === "NotAllowedError" || name === "SecurityError") return MESSAGES.micDenied;
  if (name === "NotFoundError" || name === "OverconstrainedError") return MESSAGES.micMissing;
  if (name === "NotReadableError" || name === "AbortError") return MESSAGES.micBusy;
  return MESSAGES.micDenied;
}

export function describeVideoError(error: unknown, kind: "camera" | "screen"): string {
  const name = error instanceof Error || isDomError(error) ? (error as { name: string }).name : "";
  if (kind === "screen") return MESSAGES.screenDenied;
  if (name === "NotFoundError") return "No camera was found.";
  if (name === "NotReadableError") return "The camera is in use by another app.";
  return MESSAGES.cameraDenied;
}

function isDomError(error: unknown): boolean {
  return typeof error === "object" && error !== null && typeof (error as { name?: unknown }).name === "string";
}

function withDetail(message: string, detail: string): string {
  return detail ? `${message} The service said: “${detail}”` : message;
}
