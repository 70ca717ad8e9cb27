import "server-only";
import type { AdminAuditEntry } from "@/lib/admin/types";
import { and, desc, eq, isNull } from "drizzle-orm";
import { AppError } from "@/lib/errors/app-error";
import { logError } from "@/lib/errors/log";
import type { Database } from "../index";
import { adminAuditLog, user } from "../schema";
import { assertAdmin } from "./users";

export type AdminActionKind =
  | "ban"
  | "unban"
  | "revoke_sessions"
  | "set_quota"
  | "revoke_api_keys"
  | "delete_account"
  | "create_alert_rule"
  | "update_alert_rule";

/**
 * Records what an admin did to an account. The actor's email is copied from their account at
 * the time, so the entry still says who it was after that admin's account is gone.
 */
export async function recordAdminAction(
  db: Database,
  { actorId, targetUserId, action, details = {} }: { actorId: string; targetUserId: string | null; action: AdminActionKind; details?: Record<string, unknown> },
): Promise<AdminAuditEntry> {
  const [actor] = await db.select({ email: user.email, role: user.role }).from(user).where(eq(user.id, actorId)).limit(1);
  if (actor?.role !== "admin") throw new AppError("not_found:admin");
  const [row] = await db
    .insert(adminAuditLog)
    .values({ actorId, actorEmail: actor.email, targetUserId, action, details })
    .returning();
  return row!;
}

/**
 * Logs an admin action, then performs it. The action runs in better-auth, outside our
 * transactions, so the entry comes first: nothing is done unlogged. If the action fails its entry
 * is taken back, and the failure goes on to the caller.
 */
export async function withAdminAuditEntry<T>(
  db: Database,
  entry: Parameters<typeof recordAdminAction>[1],
  perform: () => Promise<T>,
): Promise<T> {
  const recorded = await recordAdminAction(db, entry);
  try {
    return await perform();
  } catch (error) {
    await db
      .delete(adminAuditLog)
      .where(eq(adminAuditLog.id, recorded.id))
      .catch((cleanup: unknown) => logError("admin-audit: take back the entry of a failed action", cleanup));
    throw error;
  }
}

/** The admin actions about one account, newest first. Admins only. */
export async function listAdminActionsForUser(
  db: Database,
  { actorId, targetUserId, limit = 50 }: { actorId: string; targetUserId: string; limit?: number },
): Promise<AdminAuditEntry[]> {
  await assertAdmin(db, { actorId });
  const rows = await db
    .select()
    .from(adminAuditLog)
    .where(eq(adminAuditLog.targetUserId, targetUserId))
    .orderBy(desc(adminAuditLog.createdAt), desc(adminAuditLog.id))
    .limit(limit);
  return rows;
}

/** Accounts erased by admins, newest first: their entries name no account, so no user page lists them. Admins only. */
export async function listAccountErasures(db: Database, { actorId, limit = 20 }: { actorId: string; limit?: number }): Promise<AdminAuditEntry[]> {
  await assertAdmin(db, { actorId });
  return db
    .select()
    .from(adminAuditLog)
    .where(and(eq(adminAuditLog.action, "delete_account"), isNull(adminAuditLog.targetUserId)))
    .orderBy(desc(adminAuditLog.createdAt), desc(adminAuditLog.id))
    .limit(limit);
}

export type { AdminAuditEntry };
