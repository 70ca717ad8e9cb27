import { sql } from "drizzle-orm";
import { index, integer, jsonb, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { user } from "./auth";

export const jobStatus = pgEnum("job_status", ["pending", "running", "done", "failed"]);

/*
 * Background work (DESIGN §9): one row per unit of work, so a crash, a redeploy or an outage
 * delays it and never drops it. `dedupe_key` makes enqueueing idempotent; a `running` row whose
 * lease ran out is claimable again (its worker died).
 */
export const jobs = pgTable(
  "jobs",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    kind: text("kind").notNull(),
    // The user the work is for (null for deployment-wide work); their rows go when they do.
    userId: text("user_id").references(() => user.id, { onDelete: "cascade" }),
    // Ids only, never content: a job row is visible to admins as metadata.
    payload: jsonb("payload").$type<Record<string, string>>().notNull().default({}),
    dedupeKey: text("dedupe_key").notNull(),
    status: jobStatus("status").notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    maxAttempts: integer("max_attempts").notNull().default(10),
    nextRunAt: timestamp("next_run_at", { withTimezone: true }).notNull().defaultNow(),
    leaseUntil: timestamp("lease_until", { withTimezone: true }),
    lastError: text("last_error"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("jobs_dedupe_key_idx").on(t.dedupeKey),
    index("jobs_due_idx").on(t.nextRunAt).where(sql`${t.status} in ('pending', 'running')`),
    index("jobs_user_due_idx").on(t.userId, t.nextRunAt).where(sql`${t.status} in ('pending', 'running')`),
  ],
);
