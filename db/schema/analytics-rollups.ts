import { bigint, date, integer, jsonb, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";

/*
 * The cross-user dashboards without reading every conversation on each view, kept exact.
 *
 * `analytics_revisions` counts writes per UTC day of a session's start: a trigger on
 * session_analytics bumps it on every insert, update and delete (ends, late turns, backfill,
 * account erasure). `analytics_day_rollups` holds, per viewer time zone and local day, everything
 * the Admin tiles show for that day, stamped with the sum of the revisions of the UTC days around
 * it as they were when it was computed. Revisions only grow, so a changed sum means the day
 * changed: the row is recomputed on the next view. Per zone because a local day is not a union of
 * UTC days; users of a day are kept as ids because distinct users do not add up across days.
 */
export const analyticsRevisions = pgTable("analytics_revisions", {
  utcDay: date("utc_day").primaryKey(),
  revision: bigint("revision", { mode: "number" }).notNull().default(0),
});

/** [label, conversations, seconds] per voice, model or persona kind. */
export type UsageTuple = [label: string, conversations: number, seconds: number];
/** [model, tokens in, tokens out]: cost is estimated per model. */
export type ModelTokensTuple = [model: string, tokensIn: number, tokensOut: number];

export const analyticsDayRollups = pgTable(
  "analytics_day_rollups",
  {
    timeZone: text("time_zone").notNull(),
    day: date("day").notNull(),
    revision: bigint("revision", { mode: "number" }).notNull(),
    conversations: integer("conversations").notNull(),
    seconds: bigint("seconds", { mode: "number" }).notNull(),
    turns: bigint("turns", { mode: "number" }).notNull(),
    interruptions: bigint("interruptions", { mode: "number" }).notNull(),
    errors: integer("errors").notNull(),
    tokensIn: bigint("tokens_in", { mode: "number" }).notNull(),
    tokensOut: bigint("tokens_out", { mode: "number" }).notNull(),
    latencySumMs: bigint("latency_sum_ms", { mode: "number" }).notNull(),
    /** The day's answers and their nearest-rank percentiles, for the response-time chart. */
    samples: integer("samples").notNull(),
    p50: integer("p50"),
    p95: integer("p95"),
    p99: integer("p99"),
    /** Distinct users who started a conversation that day. */
    userIds: text("user_ids").array().notNull(),
    /** Distinct response times of the day, ascending, and how many answers had each: merged for a range's percentiles. */
    latenciesMs: integer("latencies_ms").array().notNull(),
    latencyCounts: integer("latency_counts").array().notNull(),
    /** Conversations started in each local hour 0–23. */
    hours: integer("hours").array().notNull(),
    modelTokens: jsonb("model_tokens").$type<ModelTokensTuple[]>().notNull(),
    voices: jsonb("voices").$type<UsageTuple[]>().notNull(),
    models: jsonb("models").$type<UsageTuple[]>().notNull(),
    /** Whether a persona was used ("default" or "custom"), never its name. */
    personas: jsonb("personas").$type<UsageTuple[]>().notNull(),
    computedAt: timestamp("computed_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.timeZone, t.day] })],
);
