import "server-only";
import type { Database } from "../index";
import { closeOpenSessions } from "./live-sessions";
import { assertAdmin } from "./users";

export const SUSPENDED_SESSION_MESSAGE = "Ended because the account was suspended.";
export const SIGNED_OUT_SESSION_MESSAGE = "Ended because an administrator signed the account out.";

/**
 * An account an admin suspends or signs out everywhere has its open conversations ended at once,
 * so "Active now" drops them, their browser can renew no token, and the user's endpoints hear
 * session.ended: the Gemini socket itself belongs to the browser, which stops at its next
 * heartbeat once it finds itself signed out. Admins only.
 */
export async function endUserSessionsAsAdmin(
  db: Database,
  { actorId, userId, reason, now = new Date() }: { actorId: string; userId: string; reason: typeof SUSPENDED_SESSION_MESSAGE | typeof SIGNED_OUT_SESSION_MESSAGE; now?: Date },
): Promise<string[]> {
  await assertAdmin(db, { actorId });
  return db.transaction((tx) => closeOpenSessions(tx, { userId, now, reason }));
}
