import "server-only";
import type { UserDetail, UserRole, UserStatusFilter, UserSummary } from "@/lib/admin/types";
import { and, count, desc, eq, ilike, max, or, sql } from "drizzle-orm";
import { AppError } from "@/lib/errors/app-error";
import type { Database } from "../index";
import { liveSessions, session, user } from "../schema";

// Any constant shared by every process: it names the one lock under which "first account" is decided.
const FIRST_ADMIN_LOCK = 0x4c4d_0001;

/**
 * Makes `userId` an admin if it is the first account and no admin exists yet; answers whether it
 * did. Sign-ups racing on an empty database each read "no account yet" before any insert lands,
 * so the check and the promotion run under one transaction-level advisory lock, after the insert:
 * whoever holds the lock sees every account committed before it, and exactly one becomes admin.
 */
export async function promoteFirstAccount(db: Database, { userId }: { userId: string }): Promise<boolean> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${FIRST_ADMIN_LOCK})`);
    const promoted = await tx
      .update(user)
      .set({ role: "admin" })
      .where(
        and(
          eq(user.id, userId),
          sql`not exists (select 1 from ${user} as other where other.role = 'admin')`,
          sql`not exists (select 1 from ${user} as other where (other.created_at, other.id) < (${user.createdAt}, ${user.id}))`,
        ),
      )
      .returning({ id: user.id });
    return promoted.length > 0;
  });
}

export async function getUserRole(db: Database, { userId }: { userId: string }): Promise<UserRole | null> {
  const [row] = await db.select({ role: user.role }).from(user).where(eq(user.id, userId)).limit(1);
  if (!row) return null;
  return row.role === "admin" ? "admin" : "user";
}

/** Throws not_found unless the acting user is an admin: admin surfaces do not admit they exist. */
export async function assertAdmin(db: Database, { actorId }: { actorId: string }): Promise<void> {
  if ((await getUserRole(db, { userId: actorId })) !== "admin") throw new AppError("not_found:admin");
}

const escapeLike = (value: string) => value.replace(/[%_\\]/g, (c) => `\\${c}`);

// Per-user aggregates as lateral subqueries: one index range per listed user, and no row
// multiplication between conversations and sign-in sessions.
function userActivity(db: Database) {
  const conversations = db
    .select({ total: count().as("conversation_total"), lastAt: max(liveSessions.lastActivityAt).as("conversation_last_at") })
    .from(liveSessions)
    .where(eq(liveSessions.userId, user.id))
    .as("conversations");
  const signIns = db
    .select({
      lastAt: max(session.updatedAt).as("sign_in_last_at"),
      active: sql<number>`count(*) filter (where ${session.expiresAt} > now())`.mapWith(Number).as("sign_in_active"),
    })
    .from(session)
    .where(eq(session.userId, user.id))
    .as("sign_ins");
  const lastActiveAt = sql<Date | null>`greatest(${conversations.lastAt}, ${signIns.lastAt})`.mapWith(user.createdAt);
  return { conversations, signIns, lastActiveAt };
}

const toRole = (role: string): UserRole => (role === "admin" ? "admin" : "user");

/** Every account with its conversation count and last activity, newest first. Admins only. */
export async function listUsersForAdmin(
  db: Database,
  { actorId, search, status = "all", limit = 100 }: { actorId: string; search?: string; status?: UserStatusFilter; limit?: number },
): Promise<UserSummary[]> {
  await assertAdmin(db, { actorId });
  const pattern = search ? `%${escapeLike(search)}%` : null;
  const { conversations, signIns, lastActiveAt } = userActivity(db);
  const rows = await db
    .select({
      id: user.id,
      name: user.name,
      email: user.email,
      role: user.role,
      banned: user.banned,
      createdAt: user.createdAt,
      sessionCount: conversations.total,
      lastActiveAt,
    })
    .from(user)
    .leftJoinLateral(conversations, sql`true`)
    .leftJoinLateral(signIns, sql`true`)
    .where(
      and(
        pattern ? or(ilike(user.name, pattern), ilike(user.email, pattern)) : undefined,
        status === "admins" ? eq(user.role, "admin") : status === "banned" ? eq(user.banned, true) : undefined,
      ),
    )
    .orderBy(desc(user.createdAt), desc(user.id))
    .limit(limit);
  return rows.map((row) => ({ ...row, role: toRole(row.role), banned: row.banned ?? false, sessionCount: row.sessionCount ?? 0 }));
}

/** One account as the drill-down shows it; not_found:user for an id that is no account. Admins only. */
export async function getUserForAdmin(db: Database, { actorId, userId }: { actorId: string; userId: string }): Promise<UserDetail> {
  await assertAdmin(db, { actorId });
  const { conversations, signIns, lastActiveAt } = userActivity(db);
  const [row] = await db
    .select({
      id: user.id,
      name: user.name,
      email: user.email,
      role: user.role,
      banned: user.banned,
      banReason: user.banReason,
      banExpires: user.banExpires,
      createdAt: user.createdAt,
      sessionCount: conversations.total,
      activeAuthSessions: signIns.active,
      lastActiveAt,
    })
    .from(user)
    .leftJoinLateral(conversations, sql`true`)
    .leftJoinLateral(signIns, sql`true`)
    .where(eq(user.id, userId))
    .limit(1);
  if (!row) throw new AppError("not_found:user");
  return {
    ...row,
    role: toRole(row.role),
    banned: row.banned ?? false,
    sessionCount: row.sessionCount ?? 0,
    activeAuthSessions: row.activeAuthSessions ?? 0,
  };
}

export type { UserDetail, UserRole, UserStatusFilter, UserSummary };
