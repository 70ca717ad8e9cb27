import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { ZonedRange } from "@/lib/analytics/range";
import type { Database } from "../index";

/*
 * Building blocks of the analytics queries. Every query reads `session_analytics` (one row per
 * ended conversation, with all its response times), never the raw turns. Days are calendar days
 * in the viewer's zone: a conversation counts on the day it started there. Numbers leave SQL as
 * int4/float8 and days as text, so all three drivers hand back the same JavaScript values.
 */

/** Whose conversations a query covers: one user's, or everyone's (userId null, admin only). */
export interface AnalyticsScope {
  userId: string | null;
  /** The owner looking at their own numbers sees their persona names; an admin does not. */
  ownView: boolean;
}

export async function rows<T>(db: Database, query: SQL): Promise<T[]> {
  return ((await db.execute(query)) as unknown as { rows: T[] }).rows;
}

/** Midnight starting `day` in the zone, as a timestamptz. */
export const dayStart = (day: string, timeZone: string) => sql`((${day}::date)::timestamp at time zone ${timeZone})`;

/** Midnight after `day` in the zone. */
export const dayEnd = (day: string, timeZone: string) => sql`((${day}::date + 1)::timestamp at time zone ${timeZone})`;

export const localDay = (column: SQL, timeZone: string) => sql`to_char(${column} at time zone ${timeZone}, 'YYYY-MM-DD')`;

/** `session_analytics sa` rows of the scope that started inside the range. */
export function sessionsIn(scope: AnalyticsScope, range: ZonedRange): SQL {
  const owner = scope.userId === null ? sql`` : sql` and sa.user_id = ${scope.userId}`;
  return sql`sa.started_at >= ${dayStart(range.from, range.timeZone)} and sa.started_at < ${dayEnd(range.to, range.timeZone)}${owner}`;
}

/** Nearest-rank percentiles (see lib/analytics/session-metrics.ts): Postgres' percentile_disc is that definition. */
export const latencyPercentiles = sql`
  percentile_disc(0.5) within group (order by l.ms) as "p50",
  percentile_disc(0.95) within group (order by l.ms) as "p95",
  percentile_disc(0.99) within group (order by l.ms) as "p99",
  count(*)::int as "samples"`;
