import "server-only";
import { ApiError, GoogleGenAI } from "@google/genai";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors/app-error";

/*
 * The server's door to the Gemini API. `baseUrl` defaults to GEMINI_API_BASE_URL, which only
 * tests set (the Live test double); production leaves it unset and talks to Google.
 */

export interface GeminiEndpoint {
  /** Overrides GEMINI_API_BASE_URL; null forces Google's default endpoint. */
  baseUrl?: string | null;
}

const REQUEST_TIMEOUT_MS = 15_000;

export const geminiBaseUrl = (endpoint: GeminiEndpoint = {}): string | null =>
  endpoint.baseUrl === undefined ? (env.GEMINI_API_BASE_URL ?? null) : endpoint.baseUrl;

export function createGeminiClient(apiKey: string, { apiVersion, ...endpoint }: GeminiEndpoint & { apiVersion: string }): GoogleGenAI {
  const baseUrl = geminiBaseUrl(endpoint);
  return new GoogleGenAI({
    apiKey,
    httpOptions: { apiVersion, timeout: REQUEST_TIMEOUT_MS, ...(baseUrl ? { baseUrl } : {}) },
  });
}

/** Replaces every occurrence of the secret (and its URL-encoded form) so it cannot reach a log. */
export function scrubSecret(text: string, secret: string): string {
  if (!secret) return text;
  let out = text;
  for (const form of new Set([secret, encodeURIComponent(secret)])) out = out.split(form).join("[redacted]");
  return out;
}

export type GeminiFailureKind = "rejected" | "rate_limited" | "refused" | "unreachable";

export interface GeminiFailure {
  kind: GeminiFailureKind;
  status: number | null;
  /** The service's message with the key removed: safe to log, not meant for users. */
  detail: string;
}

const KEY_REJECTION = /API_KEY_INVALID|API key not valid|API key expired|invalid api key|PERMISSION_DENIED|UNAUTHENTICATED/i;

/** What went wrong in a Gemini call, in terms a caller can act on. */
export function classifyGeminiError(error: unknown, apiKey: string): GeminiFailure {
  const raw = error instanceof Error ? error.message : String(error);
  const detail = scrubSecret(raw, apiKey).slice(0, 500);
  if (error instanceof ApiError) {
    const status = error.status;
    if (status === 401 || status === 403 || (status === 400 && KEY_REJECTION.test(raw))) return { kind: "rejected", status, detail };
    if (status === 429) return { kind: "rate_limited", status, detail };
    if (status >= 400 && status < 500) return { kind: "refused", status, detail };
    return { kind: "unreachable", status, detail };
  }
  return { kind: "unreachable", status: null, detail };
}

/** The AppError a user sees; its cause carries only the scrubbed detail, never the raw error. */
export function geminiAppError(failure: GeminiFailure, messages: { rejected: string; field?: string }): AppError {
  const cause = new Error(`Gemini ${failure.kind} (${failure.status ?? "no status"}): ${failure.detail}`);
  switch (failure.kind) {
    case "rejected":
      return new AppError("bad_request:gemini", messages.rejected, {
        cause,
        fieldErrors: messages.field ? { [messages.field]: [messages.rejected] } : undefined,
      });
    case "rate_limited":
      return new AppError("rate_limit:gemini", "Gemini is limiting requests for this key right now. Wait a minute and try again.", { cause });
    case "refused":
      return new AppError("bad_request:gemini", "Gemini refused the request. Please try again, or pick a different voice or persona.", { cause });
    case "unreachable":
      return new AppError("unavailable:gemini", undefined, { cause });
  }
}
