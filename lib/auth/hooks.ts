import "server-only";
import { APIError, createAuthMiddleware } from "better-auth/api";
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

function checkName(value: unknown) {
  if (typeof value !== "string") return;
  const problem = nameProblem(value);
  if (problem) throw badRequest(problem.code, problem.message);
}

function checkEmail(value: unknown) {
  if (typeof value === "string" && value.length > EMAIL_MAX_LENGTH) throw badRequest("INVALID_EMAIL", `Enter a valid email address (at most ${EMAIL_MAX_LENGTH} characters).`);
}

function checkUrl(field: string, value: unknown) {
  if (typeof value === "string" && value.length > URL_MAX_LENGTH) throw badRequest("INVALID_FIELD", `The ${field} is too long.`);
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
  const body = isRecord(ctx.body) ? ctx.body : {};
  switch (ctx.path) {
    case "/sign-up/email":
      checkName(body.name);
      checkEmail(body.email);
      checkUrl("image", body.image);
      checkUrl("callback URL", body.callbackURL);
      checkPassword(body.password, [body.name, body.email]);
      break;
    case "/update-user":
      checkName(body.name);
      checkUrl("image", body.image);
      break;
    case "/change-email":
      checkEmail(body.newEmail);
      checkUrl("callback URL", body.callbackURL);
      break;
    case "/request-password-reset":
      checkEmail(body.email);
      checkUrl("redirect URL", body.redirectTo);
      break;
    case "/change-password":
    case "/reset-password":
      checkPassword(body.newPassword, []);
      break;
  }
});
