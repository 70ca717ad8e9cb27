import "server-only";
import type { Database } from "../index";
import { closeOpenSessions } from "./live-sessions";
import { assertAdmin } from "./users";

export const SUSPENDED_SESSION_MESSAGE = "Ended because the account was suspended.";

/**
 * A suspended account's open conversations end at once, so "Active now" drops them and their
 * browser can renew no token: the Gemini socket itself belongs to the browser, which stops at
 * its next heartbeat once it finds itself signed out. Admins only.
 */
export async function endSuspendedUserSessions(db: Database, { actorId, userId, now = new Date() }: { actorId: string; userId: string; now?: Date }): Promise<string[]> {
  await assertAdmin(db, { actorId });
  return db.transaction((tx) => closeOpenSessions(tx, { userId, now, reason: SUSPENDED_SESSION_MESSAGE }));
}
