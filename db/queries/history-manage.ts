import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import { AppError } from "@/lib/errors/app-error";
import type { Database } from "../index";
import { liveSessions } from "../schema";

/* Renaming and deleting the caller's conversations. Another user's id is not_found, never a change. */

/** Sets the title; an empty one goes back to the default (the start of the first user line). */
export async function renameSession(
  db: Database,
  { userId, sessionId, title, now = new Date() }: { userId: string; sessionId: string; title: string; now?: Date },
): Promise<{ id: string; title: string | null }> {
  const [row] = await db
    .update(liveSessions)
    .set({ title: title.trim() || null, updatedAt: now })
    .where(and(eq(liveSessions.id, sessionId), eq(liveSessions.userId, userId)))
    .returning({ id: liveSessions.id, title: liveSessions.title });
  if (!row) throw new AppError("not_found:session");
  return row;
}

/** not_found:session unless every id is one of the caller's conversations. */
export async function assertOwnsSessions(db: Database, { userId, sessionIds }: { userId: string; sessionIds: string[] }): Promise<void> {
  const unique = [...new Set(sessionIds)];
  if (unique.length === 0) return;
  const owned = await db
    .select({ id: liveSessions.id })
    .from(liveSessions)
    .where(and(eq(liveSessions.userId, userId), inArray(liveSessions.id, unique)));
  if (owned.length !== unique.length) throw new AppError("not_found:session");
}

/**
 * Deletes the caller's conversations; their turns, analytics and media rows go with them (the
 * foreign keys cascade). All or nothing: if any id is not theirs, nothing is deleted.
 */
export async function deleteSessions(db: Database, { userId, sessionIds }: { userId: string; sessionIds: string[] }): Promise<{ deleted: string[] }> {
  const unique = [...new Set(sessionIds)];
  if (unique.length === 0) return { deleted: [] };
  return db.transaction(async (tx) => {
    const rows = await tx
      .delete(liveSessions)
      .where(and(eq(liveSessions.userId, userId), inArray(liveSessions.id, unique)))
      .returning({ id: liveSessions.id });
    // Throwing rolls the deletes back.
    if (rows.length !== unique.length) throw new AppError("not_found:session");
    return { deleted: rows.map((row) => row.id) };
  });
}
