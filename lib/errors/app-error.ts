import { logError } from "./log";

/*
 * One error type for everything a user can be told. The code says what went wrong and where
 * (`not_found:session`); the HTTP status follows from the first half. Anything else that is
 * thrown is logged on the server and reported as a generic failure.
 */

export type ErrorType = "bad_request" | "unauthorized" | "forbidden" | "not_found" | "conflict" | "too_large" | "unsupported" | "rate_limit" | "method_not_allowed" | "unavailable";
export type ErrorSurface = "auth" | "input" | "preferences" | "user" | "admin" | "database" | "session" | "api" | "gemini" | "persona" | "media" | "origin" | "quota" | "token" | "device" | "account" | "email" | "memory" | "knowledge";
export type ErrorCode = `${ErrorType}:${ErrorSurface}`;

const statusByType: Record<ErrorType, number> = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_large: 413,
  unsupported: 415,
  rate_limit: 429,
  method_not_allowed: 405,
  unavailable: 503,
};

const defaultMessages: Partial<Record<ErrorCode, string>> = {
  "unauthorized:auth": "Please sign in to continue.",
  "not_found:admin": "Not found.",
  "not_found:api": "Not found.",
  "not_found:user": "That user does not exist.",
  "bad_request:input": "Some of the fields are not valid.",
  "unavailable:database": "The database is not reachable right now. Please try again.",
  "not_found:session": "That conversation does not exist.",
  "not_found:persona": "That persona does not exist.",
  "not_found:media": "That recording does not exist.",
  "not_found:device": "That device is not signed in.",
  "unavailable:email": "The email could not be sent. Please try again in a moment.",
  "not_found:memory": "That memory does not exist.",
  "not_found:knowledge": "That document does not exist.",
  "unavailable:gemini": "Gemini could not be reached. Please try again in a moment.",
};

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly type: ErrorType;
  readonly status: number;
  readonly fieldErrors?: Record<string, string[]>;
  /** When to try again (a rate limit or a quota that resets): the Retry-After of an HTTP answer. */
  readonly retryAfterSeconds?: number;

  constructor(code: ErrorCode, message?: string, options?: { cause?: unknown; fieldErrors?: Record<string, string[]>; retryAfterSeconds?: number }) {
    const type = code.split(":")[0] as ErrorType;
    super(message ?? defaultMessages[code] ?? "The request could not be completed.", { cause: options?.cause });
    this.name = "AppError";
    this.code = code;
    this.type = type;
    this.status = statusByType[type];
    this.fieldErrors = options?.fieldErrors;
    this.retryAfterSeconds = options?.retryAfterSeconds === undefined ? undefined : Math.max(1, Math.ceil(options.retryAfterSeconds));
  }

  toJSON(): { code: ErrorCode; message: string; fieldErrors?: Record<string, string[]>; retryAfterSeconds?: number } {
    return {
      code: this.code,
      message: this.message,
      ...(this.fieldErrors ? { fieldErrors: this.fieldErrors } : {}),
      ...(this.retryAfterSeconds !== undefined ? { retryAfterSeconds: this.retryAfterSeconds } : {}),
    };
  }
}

export const isAppError = (error: unknown): error is AppError => error instanceof AppError;

/** A zod error's issues by field (`turns.0.text`), "form" for the whole input. Structural, so this module needs no zod. */
export function fieldErrorsOf(error: { issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }> }): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) (out[issue.path.length ? issue.path.map(String).join(".") : "form"] ??= []).push(issue.message);
  return out;
}

export type PublicError = ReturnType<AppError["toJSON"]>;

/** Turns any thrown value into what a browser may see; unknown errors are logged, not shown. */
export function toPublicError(error: unknown, context: string): { status: number; body: PublicError } {
  if (isAppError(error)) return { status: error.status, body: error.toJSON() };
  logError(context, error);
  return { status: 500, body: { code: "unavailable:api" as ErrorCode, message: "Something went wrong on our side. Please try again." } };
}
