import { sql } from "drizzle-orm";
import { boolean, doublePrecision, index, integer, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { user } from "./auth";

/** What an alert rule watches; each is one aggregate over every user (lib/alerts/metrics.ts). */
export const alertMetric = pgEnum("alert_metric", [
  "heard_latency_p95",
  "error_rate",
  "gemini_key_failures",
  "daily_cost",
  "concurrent_conversations",
  "job_failures",
]);

/*
 * Deployment-wide alert rules (admins): fire when the metric over the last `window_minutes` is
 * above `threshold` with at least `min_samples` samples behind it. `evaluated_at` throttles the
 * evaluations that admin page views trigger (claimed by one UPDATE, so two views never both run it).
 */
export const alertRules = pgTable("alert_rules", {
  id: uuid("id").primaryKey().defaultRandom(),
  name: text("name").notNull(),
  metric: alertMetric("metric").notNull(),
  threshold: doublePrecision("threshold").notNull(),
  windowMinutes: integer("window_minutes").notNull(),
  minSamples: integer("min_samples").notNull().default(1),
  enabled: boolean("enabled").notNull().default(true),
  createdBy: text("created_by").references(() => user.id, { onDelete: "set null" }),
  evaluatedAt: timestamp("evaluated_at", { withTimezone: true }),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/**
 * One firing of a rule, open until it resolves. The partial unique index allows one open event
 * per rule, so evaluating twice (cron and a page view at once) fires once.
 */
export const alertEvents = pgTable(
  "alert_events",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    ruleId: uuid("rule_id")
      .notNull()
      .references(() => alertRules.id, { onDelete: "cascade" }),
    firedAt: timestamp("fired_at", { withTimezone: true }).notNull().defaultNow(),
    resolvedAt: timestamp("resolved_at", { withTimezone: true }),
    value: doublePrecision("value").notNull(),
    sampleCount: integer("sample_count").notNull(),
    resolvedValue: doublePrecision("resolved_value"),
  },
  (t) => [
    uniqueIndex("alert_events_one_open_idx").on(t.ruleId).where(sql`${t.resolvedAt} is null`),
    index("alert_events_fired_idx").on(t.firedAt.desc()),
  ],
);
