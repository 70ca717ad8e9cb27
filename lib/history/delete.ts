import "server-only";
import type { Database } from "@/db";
import { assertOwnsSessions, deleteSessions } from "@/db/queries/history-manage";
import { forgetSessionMemories } from "@/db/queries/memories";
import { getMediaStorage } from "@/lib/media/storage";

/**
 * Deletes conversations with everything they left: media first, through the storage module
 * (an object store keeps bytes the database cascade cannot reach), then the rows, whose turns,
 * analytics and media rows cascade.
 */
export async function deleteConversations(
  db: Database,
  { userId, sessionIds, forgetMemories = true }: { userId: string; sessionIds: string[]; forgetMemories?: boolean },
): Promise<{ deleted: string[] }> {
  const unique = [...new Set(sessionIds)];
  await assertOwnsSessions(db, { userId, sessionIds: unique });
  // Before the rows go: a kept memory would only lose its source link (set null).
  if (forgetMemories) for (const sessionId of unique) await forgetSessionMemories(db, { userId, sessionId });
  const storage = getMediaStorage(db);
  for (const sessionId of unique) await storage.deleteSession({ userId, sessionId });
  return deleteSessions(db, { userId, sessionIds: unique });
}
