import "server-only";
import { APIError, createAuthMiddleware } from "better-auth/api";
import { hasNul } from "@/lib/validation/columns";
import { EMAIL_MAX_LENGTH, nameProblem, URL_MAX_LENGTH } from "./account-fields";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "./password";
import { weakPasswordReason } from "./password-strength";

/*
 * Rules better-auth does not enforce by itself, run before each of its endpoints.
 *
 * Its admin plugin's endpoints are closed over HTTP, to admins too: impersonation would give an
 * admin a session as the user (and so their transcripts), and the rest would skip our audit
 * log. Admin work goes through our audited actions (lib/admin/moderation.ts), which call the
 * plugin in-process; impersonation is refused even there. Everyone gets our own 404.
 *
 * better-auth's own account deletion (/delete-user, off in lib/auth/server.ts) is closed the same
 * way: were it turned on, a fresh session could delete without the password, and it would miss
 * what only our erasure removes. Account deletion is lib/account/erasure.ts.
 */

const notFound = () => new APIError("NOT_FOUND", { code: "not_found:admin", message: "Not found." });
const badRequest = (code: string, message: string) => new APIError("BAD_REQUEST", { code, message });

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null;

// Postgres text cannot hold U+0000: a NUL anywhere in a body or query would reach a query as a
// parameter and fail it (a 500, with the statement and its values in better-auth's log).
const MAX_DEPTH = 6;
function holdsNul(value: unknown, depth = 0): boolean {
  if (typeof value === "string") return hasNul(value);
  if (typeof value !== "object" || value === null) return false;
  // No auth endpoint takes anything nested this deep; refusing it keeps the walk short.
  if (depth >= MAX_DEPTH) return true;
  return Object.entries(value).some(([key, item]) => hasNul(key) || holdsNul(item, depth + 1));
}

function checkName(value: unknown) {
  if (value === undefined) return;
  // better-auth passes any JSON value of `name` to the database: null breaks NOT NULL, an object the driver.
  if (typeof value !== "string") throw badRequest("INVALID_NAME", "Enter the name to call you, in plain text.");
  const problem = nameProblem(value);
  if (problem) throw badRequest(problem.code, problem.message);
}

function checkEmail(value: unknown) {
  if (typeof value === "string" && value.length > EMAIL_MAX_LENGTH) throw badRequest("INVALID_EMAIL", `Enter a valid email address (at most ${EMAIL_MAX_LENGTH} characters).`);
}

function checkUrl(field: string, value: unknown) {
  if (value !== undefined && value !== null && typeof value !== "string") throw badRequest("INVALID_FIELD", `The ${field} must be text.`);
  if (typeof value === "string" && value.length > URL_MAX_LENGTH) throw badRequest("INVALID_FIELD", `The ${field} is too long.`);
}

// Where better-auth sends the browser after a link or a sign-in. The app's forms only ever name a
// page of this site, so nothing else is accepted: no open redirect, and no value that better-auth's
// URL helper throws on (a TypeError there is a 500) when it appends ?error=… to it.
const REDIRECT_FIELDS = ["callbackURL", "redirectTo", "errorCallbackURL", "newUserCallbackURL"] as const;
const REFERENCE_ORIGIN = "https://livemind.invalid";

function isSitePath(value: string): boolean {
  if (!/^\/(?![/\\])[^\s\u0000-\u001f\u007f]*$/.test(value)) return false;
  try {
    return new URL(value, REFERENCE_ORIGIN).origin === REFERENCE_ORIGIN;
  } catch {
    return false;
  }
}

function checkRedirects(source: unknown) {
  if (!isRecord(source)) return;
  for (const field of REDIRECT_FIELDS) {
    const value = source[field];
    if (value === undefined) continue;
    if (typeof value !== "string" || value.length > URL_MAX_LENGTH || !isSitePath(value)) {
      throw badRequest("INVALID_REDIRECT", `The ${field} must be a path on this site, such as /settings.`);
    }
  }
}

// Lengths outside the bounds are left to better-auth's own PASSWORD_TOO_SHORT / _LONG answers,
// which also keeps a megabyte "password" away from the estimator.
function checkPassword(value: unknown, userInputs: unknown[]) {
  if (typeof value !== "string" || value.length < PASSWORD_MIN_LENGTH || value.length > PASSWORD_MAX_LENGTH) return;
  const reason = weakPasswordReason(value, userInputs.filter((input): input is string => typeof input === "string"));
  if (reason) throw badRequest("WEAK_PASSWORD", reason);
}

export const enforceAuthRules = createAuthMiddleware(async (ctx) => {
  if (ctx.path === "/admin/impersonate-user" || (ctx.path.startsWith("/admin/") && ctx.request)) throw notFound();
  if (ctx.path === "/delete-user" || ctx.path.startsWith("/delete-user/")) throw notFound();
  checkRedirects(ctx.body);
  checkRedirects(ctx.query);
  const body = isRecord(ctx.body) ? ctx.body : {};
  switch (ctx.path) {
    case "/sign-up/email":
      checkName(body.name);
      checkEmail(body.email);
      checkUrl("image", body.image);
      checkPassword(body.password, [body.name, body.email]);
      break;
    case "/update-user":
      checkName(body.name);
      checkUrl("image", body.image);
      break;
    case "/change-email":
      checkEmail(body.newEmail);
      break;
    case "/request-password-reset":
      checkEmail(body.email);
      break;
    case "/change-password":
    case "/reset-password":
      checkPassword(body.newPassword, []);
      break;
  }
  // After the field checks above, which name the field where they can.
  if (holdsNul(ctx.body) || holdsNul(ctx.query)) throw badRequest("INVALID_INPUT", "The request holds a character that is not allowed (U+0000).");
});
