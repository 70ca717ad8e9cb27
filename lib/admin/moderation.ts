import "server-only";
import { isAPIError } from "better-auth/api";
import { headers } from "next/headers";
import type { Database } from "@/db";
import { withAdminAuditEntry } from "@/db/queries/admin-audit";
import { endUserSessionsAsAdmin, SIGNED_OUT_SESSION_MESSAGE, SUSPENDED_SESSION_MESSAGE } from "@/db/queries/admin-moderation";
import { getUserForAdmin, type UserDetail } from "@/db/queries/users";
import { getAuth } from "@/lib/auth/server";
import type { SessionUser } from "@/lib/auth/session";
import { AppError } from "@/lib/errors/app-error";
import type { BanUserInput, ModerationResult } from "./schema";

/*
 * Ban, unban and revoke go through better-auth's admin plugin (it owns the `banned` fields and
 * the session store; a ban also deletes every session of the account). A ban or a revoke then
 * ends the account's open conversations. Each action is logged before it runs (withAdminAuditEntry). Our
 * own checks run first so the answers are ours: 404 for an unknown account, a plain refusal for
 * acting on oneself.
 */

const DAY_SECONDS = 24 * 60 * 60;

async function loadTarget(db: Database, actor: SessionUser, userId: string, verb: string): Promise<UserDetail> {
  const target = await getUserForAdmin(db, { actorId: actor.id, userId });
  if (target.id === actor.id) throw new AppError("forbidden:admin", `You cannot ${verb} your own account.`);
  return target;
}

// The plugin's refusals, in our error type: an admin who lost the role mid-request is "not found".
async function viaAuth<T>(call: (auth: Awaited<ReturnType<typeof getAuth>>, requestHeaders: Headers) => Promise<T>): Promise<T> {
  const auth = await getAuth();
  try {
    return await call(auth, await headers());
  } catch (error) {
    if (!isAPIError(error)) throw error;
    if (error.statusCode === 404) throw new AppError("not_found:user", undefined, { cause: error });
    if (error.statusCode === 401 || error.statusCode === 403) throw new AppError("not_found:admin", undefined, { cause: error });
    if (error.statusCode === 400) throw new AppError("bad_request:admin", error.message, { cause: error });
    throw error;
  }
}

export async function banAccount(db: Database, actor: SessionUser, { userId, reason, expiresInDays }: BanUserInput): Promise<ModerationResult> {
  const target = await loadTarget(db, actor, userId, "ban");
  if (target.banned) throw new AppError("conflict:admin", "This account is already suspended. Unban it first to change the ban.");
  const expiresAt = expiresInDays ? new Date(Date.now() + expiresInDays * DAY_SECONDS * 1000) : null;
  const { user } = await withAdminAuditEntry(
    db,
    { actorId: actor.id, targetUserId: userId, action: "ban", details: { reason, expiresAt: expiresAt?.toISOString() ?? null, sessionsRevoked: target.activeAuthSessions } },
    () =>
      viaAuth((auth, requestHeaders) =>
        auth.api.banUser({
          body: { userId, banReason: reason, ...(expiresInDays ? { banExpiresIn: expiresInDays * DAY_SECONDS } : {}) },
          headers: requestHeaders,
        }),
      ),
  );
  await endUserSessionsAsAdmin(db, { actorId: actor.id, userId, reason: SUSPENDED_SESSION_MESSAGE });
  return { userId, banned: true, banExpires: user.banExpires ? new Date(user.banExpires) : null, sessionsRevoked: target.activeAuthSessions };
}

export async function unbanAccount(db: Database, actor: SessionUser, { userId }: { userId: string }): Promise<ModerationResult> {
  const target = await loadTarget(db, actor, userId, "unban");
  if (!target.banned) throw new AppError("conflict:admin", "This account is not suspended.");
  await withAdminAuditEntry(
    db,
    { actorId: actor.id, targetUserId: userId, action: "unban", details: { previousReason: target.banReason, previousExpiresAt: target.banExpires?.toISOString() ?? null } },
    () => viaAuth((auth, requestHeaders) => auth.api.unbanUser({ body: { userId }, headers: requestHeaders })),
  );
  return { userId, banned: false, banExpires: null, sessionsRevoked: 0 };
}

export async function revokeAccountSessions(db: Database, actor: SessionUser, { userId }: { userId: string }): Promise<ModerationResult> {
  const target = await loadTarget(db, actor, userId, "sign out");
  await withAdminAuditEntry(
    db,
    { actorId: actor.id, targetUserId: userId, action: "revoke_sessions", details: { sessionsRevoked: target.activeAuthSessions } },
    () => viaAuth((auth, requestHeaders) => auth.api.revokeUserSessions({ body: { userId }, headers: requestHeaders })),
  );
  // Signed out everywhere, its browsers can keep no conversation going: end them now.
  await endUserSessionsAsAdmin(db, { actorId: actor.id, userId, reason: SIGNED_OUT_SESSION_MESSAGE });
  return { userId, banned: target.banned, banExpires: target.banExpires, sessionsRevoked: target.activeAuthSessions };
}
