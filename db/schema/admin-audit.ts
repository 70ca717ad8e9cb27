import { index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { user } from "./auth";

// Who did what to whom, for every admin action: shown in the user drill-down. Rows outlive the
// acting admin (set null) but go with the account they are about when it is erased (cascade). The one entry that outlives its
// account is the erasure itself: it names no account (null target), only the erased account's
// opaque id and counts in `details`, so an admin's erasure stays accountable.
export const adminAuditLog = pgTable(
  "admin_audit_log",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    actorId: text("actor_id").references(() => user.id, { onDelete: "set null" }),
    actorEmail: text("actor_email").notNull(),
    targetUserId: text("target_user_id").references(() => user.id, { onDelete: "cascade" }),
    action: text("action").notNull(),
    details: jsonb("details").$type<Record<string, unknown>>().notNull().default({}),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("admin_audit_log_target_created_idx").on(t.targetUserId, t.createdAt.desc())],
);
