import "server-only";
import { and, eq, inArray, isNull } from "drizzle-orm";
import type { Database } from "../index";
import { liveSessions, sessionAnalytics } from "../schema";
import { recomputeSessionAnalytics } from "./live-sessions";

/**
 * Writes the analytics row of every ended conversation that has none (ended before analytics
 * existed, or by a path that skipped it), from its stored turns. Idempotent: a second run
 * finds nothing to do. Returns how many rows it wrote.
 */
export async function backfillSessionAnalytics(db: Database, { batchSize = 200 }: { batchSize?: number } = {}): Promise<{ written: number }> {
  let written = 0;
  for (;;) {
    const missing = await db
      .select({ sessionId: liveSessions.id, userId: liveSessions.userId })
      .from(liveSessions)
      .leftJoin(sessionAnalytics, eq(sessionAnalytics.sessionId, liveSessions.id))
      .where(and(inArray(liveSessions.status, ["ENDED", "ERROR"]), isNull(sessionAnalytics.sessionId)))
      .limit(batchSize);
    if (missing.length === 0) return { written };
    for (const session of missing) {
      await db.transaction((tx) => recomputeSessionAnalytics(tx, session));
      written += 1;
    }
  }
}
