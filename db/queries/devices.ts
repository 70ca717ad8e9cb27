import "server-only";
import { and, desc, eq, gt, ne } from "drizzle-orm";
import { AppError } from "@/lib/errors/app-error";
import type { Database } from "../index";
import { session } from "../schema";

/** One signed-in browser of a user, as the Devices list shows it (never the session token). */
export interface DeviceSession {
  id: string;
  userAgent: string | null;
  ipAddress: string | null;
  createdAt: Date;
  lastUsedAt: Date;
  expiresAt: Date;
}

/** The user's unexpired sign-in sessions, most recently used first. */
export async function listDeviceSessions(db: Database, { userId }: { userId: string }): Promise<DeviceSession[]> {
  return db
    .select({
      id: session.id,
      userAgent: session.userAgent,
      ipAddress: session.ipAddress,
      createdAt: session.createdAt,
      lastUsedAt: session.updatedAt,
      expiresAt: session.expiresAt,
    })
    .from(session)
    .where(and(eq(session.userId, userId), gt(session.expiresAt, new Date())))
    .orderBy(desc(session.updatedAt), desc(session.id))
    .limit(100);
}

/** Signs one of the user's own browsers out. Another user's session (or none) is "not found". */
export async function revokeDeviceSession(db: Database, { userId, sessionId }: { userId: string; sessionId: string }): Promise<void> {
  const removed = await db
    .delete(session)
    .where(and(eq(session.id, sessionId), eq(session.userId, userId)))
    .returning({ id: session.id });
  if (removed.length === 0) throw new AppError("not_found:device");
}

/** Signs every browser of the user out except the one asking; answers how many were. */
export async function revokeOtherDeviceSessions(db: Database, { userId, keepSessionId }: { userId: string; keepSessionId: string }): Promise<number> {
  const removed = await db
    .delete(session)
    .where(and(eq(session.userId, userId), ne(session.id, keepSessionId)))
    .returning({ id: session.id });
  return removed.length;
}
