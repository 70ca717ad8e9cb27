import { bigint, date, integer, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";

/*
 * Exact response-time percentiles across every user without reading every answer on each view.
 *
 * `analytics_revisions` counts writes per UTC day of a session's start: a trigger on
 * session_analytics bumps it on every insert, update and delete (ends, late turns, backfill,
 * account erasure). `latency_day_rollups` holds, per viewer time zone and local day, the exact
 * histogram of that day's response times (distinct values and their counts), stamped with the
 * sum of the revisions of the UTC days around it as they were when it was computed. Revisions
 * only grow, so a changed sum means the day changed: the row is recomputed on the next view.
 */
export const analyticsRevisions = pgTable("analytics_revisions", {
  utcDay: date("utc_day").primaryKey(),
  revision: bigint("revision", { mode: "number" }).notNull().default(0),
});

export const latencyDayRollups = pgTable(
  "latency_day_rollups",
  {
    timeZone: text("time_zone").notNull(),
    day: date("day").notNull(),
    revision: bigint("revision", { mode: "number" }).notNull(),
    /** Distinct response times of the day, ascending, and how many answers had each. */
    latenciesMs: integer("latencies_ms").array().notNull(),
    counts: integer("counts").array().notNull(),
    computedAt: timestamp("computed_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.timeZone, t.day] })],
);
