import "server-only";
import type { Database } from "@/db";
import { backfillSessionAnalytics } from "@/db/queries/analytics-backfill";
import { errorCodeOf } from "@/db/queries/session-analytics";

/** A user's missing analytics rows are looked for at most this often per server instance. */
const THROTTLE_MS = 5 * 60_000;
const lastRun = new Map<string, number>();

/**
 * Writes the analytics rows the user's conversations are missing (their end could not write
 * them), throttled: called after the Live and Insights pages respond, so deferred rows are
 * written even where no cron runs (a laptop). Never throws.
 */
export async function backfillUserAnalyticsThrottled(db: Database, userId: string, now = Date.now()): Promise<void> {
  const last = lastRun.get(userId);
  if (last !== undefined && now - last < THROTTLE_MS) return;
  lastRun.set(userId, now);
  try {
    await backfillSessionAnalytics(db, { userId });
  } catch (error) {
    console.error("[analytics] backfill on activity failed", { code: errorCodeOf(error) });
  }
}
