import "server-only";
import { sql } from "drizzle-orm";
import { percentileFromHistogram } from "@/lib/analytics/session-metrics";
import type { ZonedRange } from "@/lib/analytics/range";
import type { Database } from "../index";
import { rows } from "./analytics-sql";

/*
 * Response-time percentiles across every user, from the per-zone daily histograms in
 * latency_day_rollups (see db/schema/analytics-rollups.ts). A day whose stamp no longer matches
 * the revisions of the UTC days around it, or that was never computed for this zone, is
 * recomputed from session_analytics in one statement, so the stamp and the histogram come from
 * the same snapshot. One user's numbers are small enough to read from their sessions directly.
 */

export interface DayHistogram {
  day: string;
  latencies: number[];
  counts: number[];
}

const revisionAround = (day: ReturnType<typeof sql>) =>
  sql`(select coalesce(sum(r.revision), 0) from analytics_revisions r where r.utc_day between ${day} - 1 and ${day} + 1)`;

async function refresh(db: Database, days: string[], timeZone: string): Promise<DayHistogram[]> {
  const list = sql.join(days.map((day) => sql`${day}`), sql`, `);
  return rows<DayHistogram>(
    db,
    sql`with days as (select unnest(array[${list}]::date[]) as d),
      h as (
        select days.d, l.ms, count(*)::int as n
        from days
        join session_analytics sa on sa.started_at >= (days.d::timestamp at time zone ${timeZone}) and sa.started_at < ((days.d + 1)::timestamp at time zone ${timeZone})
        cross join lateral unnest(sa.latencies_ms) as l(ms)
        group by days.d, l.ms
      ),
      agg as (select d, array_agg(ms order by ms) as vals, array_agg(n order by ms) as cnts from h group by d)
      insert into latency_day_rollups (time_zone, day, revision, latencies_ms, counts, computed_at)
      select ${timeZone}, days.d, ${revisionAround(sql`days.d`)}, coalesce(agg.vals, '{}'), coalesce(agg.cnts, '{}'), now()
      from days left join agg on agg.d = days.d
      on conflict (time_zone, day) do update
        set revision = excluded.revision, latencies_ms = excluded.latencies_ms, counts = excluded.counts, computed_at = excluded.computed_at
      returning to_char(day, 'YYYY-MM-DD') as "day", latencies_ms as "latencies", counts as "counts"`,
  );
}

/** Every day of the range, each with the exact histogram of its answers' response times. */
export async function allUsersDayHistograms(db: Database, { from, to, timeZone }: ZonedRange): Promise<DayHistogram[]> {
  const cached = await rows<DayHistogram & { fresh: boolean }>(
    db,
    sql`with days as (select g.d::date as d from generate_series(${from}::date, ${to}::date, interval '1 day') as g(d))
      select to_char(days.d, 'YYYY-MM-DD') as "day", c.latencies_ms as "latencies", c.counts as "counts",
        coalesce(c.revision = ${revisionAround(sql`days.d`)}, false) as "fresh"
      from days left join latency_day_rollups c on c.time_zone = ${timeZone} and c.day = days.d
      order by days.d`,
  );
  const stale = cached.filter((day) => !day.fresh).map((day) => day.day);
  const recomputed = new Map(stale.length > 0 ? (await refresh(db, stale, timeZone)).map((day) => [day.day, day]) : []);
  return cached.map((day) => recomputed.get(day.day) ?? { day: day.day, latencies: day.latencies, counts: day.counts });
}

export interface Percentiles {
  p50: number | null;
  p95: number | null;
  p99: number | null;
  samples: number;
}

export function percentilesOf(latencies: number[], counts: number[]): Percentiles {
  return {
    p50: percentileFromHistogram(latencies, counts, 50),
    p95: percentileFromHistogram(latencies, counts, 95),
    p99: percentileFromHistogram(latencies, counts, 99),
    samples: counts.reduce((sum, n) => sum + n, 0),
  };
}

/** The range as one histogram: the days' counts added up value by value. */
export function mergeHistograms(days: DayHistogram[]): { latencies: number[]; counts: number[] } {
  const merged = new Map<number, number>();
  for (const day of days) day.latencies.forEach((ms, i) => merged.set(ms, (merged.get(ms) ?? 0) + (day.counts[i] ?? 0)));
  const latencies = [...merged.keys()].sort((a, b) => a - b);
  return { latencies, counts: latencies.map((ms) => merged.get(ms) ?? 0) };
}
