import "server-only";
import { count, desc, eq, ilike, or } from "drizzle-orm";
import { AppError } from "@/lib/errors/app-error";
import type { Database } from "../index";
import { liveSessions, user } from "../schema";

export type UserRole = "user" | "admin";

export interface UserSummary {
  id: string;
  name: string;
  email: string;
  role: UserRole;
  banned: boolean;
  createdAt: Date;
  sessionCount: number;
}

export async function countUsers(db: Database): Promise<number> {
  const [row] = await db.select({ value: count() }).from(user);
  return row?.value ?? 0;
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

/** Every account with its conversation count, newest first. Admins only. */
export async function listUsersForAdmin(
  db: Database,
  { actorId, search, limit = 100 }: { actorId: string; search?: string; limit?: number },
): Promise<UserSummary[]> {
  await assertAdmin(db, { actorId });
  const pattern = search ? `%${search.replace(/[%_\\]/g, (c) => `\\${c}`)}%` : null;
  const rows = await db
    .select({
      id: user.id,
      name: user.name,
      email: user.email,
      role: user.role,
      banned: user.banned,
      createdAt: user.createdAt,
      sessionCount: count(liveSessions.id),
    })
    .from(user)
    .leftJoin(liveSessions, eq(liveSessions.userId, user.id))
    .where(pattern ? or(ilike(user.name, pattern), ilike(user.email, pattern)) : undefined)
    .groupBy(user.id)
    .orderBy(desc(user.createdAt), desc(user.id))
    .limit(limit);
  return rows.map((row) => ({ ...row, role: row.role === "admin" ? "admin" : "user", banned: row.banned ?? false }));
}
