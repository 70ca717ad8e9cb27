import "server-only";
import { and, eq, lt, sql } from "drizzle-orm";
import type { Database } from "../index";
import { userRateLimits } from "../schema";

export interface RateLimitHit {
  allowed: boolean;
  /** Hits in the current window, this one included. */
  count: number;
  /** Seconds until the current window ends (when a refused caller may try again). */
  retryAfterSeconds: number;
}

/**
 * Counts one hit of the user's `scope` in the current fixed window and says whether it is within
 * `max`. One INSERT … ON CONFLICT DO UPDATE … RETURNING: concurrent hits (on any server instance)
 * each get their own count, never a lost update. A refused hit is counted too, so hammering does
 * not reopen the window early.
 */
export async function hitRateLimit(
  db: Database,
  { userId, scope, max, windowSeconds, now = new Date() }: { userId: string; scope: string; max: number; windowSeconds: number; now?: Date },
): Promise<RateLimitHit> {
  const windowMs = windowSeconds * 1000;
  const windowStart = new Date(Math.floor(now.getTime() / windowMs) * windowMs);
  const [row] = await db
    .insert(userRateLimits)
    .values({ userId, scope, windowStart, count: 1 })
    .onConflictDoUpdate({
      target: [userRateLimits.userId, userRateLimits.scope, userRateLimits.windowStart],
      set: { count: sql`${userRateLimits.count} + 1` },
    })
    .returning({ count: userRateLimits.count });
  const count = row?.count ?? 1;
  // The first hit of a window clears the user's earlier windows of this scope: the table stays small.
  if (count === 1) {
    await db
      .delete(userRateLimits)
      .where(and(eq(userRateLimits.userId, userId), eq(userRateLimits.scope, scope), lt(userRateLimits.windowStart, windowStart)));
  }
  const retryAfterSeconds = Math.max(1, Math.ceil((windowStart.getTime() + windowMs - now.getTime()) / 1000));
  return { allowed: count <= max, count, retryAfterSeconds };
}
