import "server-only";
import { and, asc, eq, gt, inArray, isNull, type SQL } from "drizzle-orm";
import type { Database } from "../index";
import { liveSessions, sessionAnalytics } from "../schema";
import { errorCodeOf, recomputeSessionAnalytics } from "./session-analytics";

/**
 * Writes the analytics row of every ended conversation that has none: ended before analytics
 * existed, or its row could not be written when it ended (an end never waits on it). Run by the
 * cron route, on later activity of the user (`userId`: only theirs) and from the command line.
 * Idempotent: a second run finds nothing to do. A session whose row still cannot be written is
 * counted in `failed` and passed over, so one bad session holds up neither the others nor the run.
 */
export async function backfillSessionAnalytics(
  db: Database,
  { batchSize = 200, userId }: { batchSize?: number; userId?: string } = {},
): Promise<{ written: number; failed: number }> {
  let written = 0;
  let failed = 0;
  let after: string | null = null;
  for (;;) {
    const where: SQL[] = [inArray(liveSessions.status, ["ENDED", "ERROR"]), isNull(sessionAnalytics.sessionId)];
    if (userId) where.push(eq(liveSessions.userId, userId));
    // Keyset on the id: sessions that failed stay missing and must not be picked again.
    if (after) where.push(gt(liveSessions.id, after));
    const missing = await db
      .select({ sessionId: liveSessions.id, userId: liveSessions.userId })
      .from(liveSessions)
      .leftJoin(sessionAnalytics, eq(sessionAnalytics.sessionId, liveSessions.id))
      .where(and(...where))
      .orderBy(asc(liveSessions.id))
      .limit(batchSize);
    if (missing.length === 0) return { written, failed };
    for (const session of missing) {
      try {
        await db.transaction((tx) => recomputeSessionAnalytics(tx, session));
        written += 1;
      } catch (error) {
        failed += 1;
        console.error("[analytics] backfill failed", { sessionId: session.sessionId, code: errorCodeOf(error) });
      }
    }
    after = missing.at(-1)!.sessionId;
  }
}
