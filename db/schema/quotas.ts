import { integer, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";
import { user } from "./auth";

// What an admin set for one account; a null column means the deployment's default (lib/env.ts).
// The seed design's users.concurrent_sessions_limit and monthly allowance, kept beside
// better-auth's user table rather than in it.
export const userQuotas = pgTable("user_quotas", {
  userId: text("user_id")
    .primaryKey()
    .references(() => user.id, { onDelete: "cascade" }),
  concurrentSessionsLimit: integer("concurrent_sessions_limit"),
  monthlyMinutesLimit: integer("monthly_minutes_limit"),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

// Fixed-window counters per user and purpose (e.g. minting Live tokens), in the database so a
// limit holds across serverless instances: one atomic upsert per hit, old windows pruned as new
// ones open.
export const userRateLimits = pgTable(
  "user_rate_limits",
  {
    userId: text("user_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    scope: text("scope").notNull(),
    windowStart: timestamp("window_start", { withTimezone: true }).notNull(),
    count: integer("count").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.userId, t.scope, t.windowStart] })],
);
