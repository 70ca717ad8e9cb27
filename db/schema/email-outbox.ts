import { index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { user } from "./auth";

/*
 * The development outbox: where mail goes when no SMTP server is configured (the embedded
 * default), so a reset or verification link is never silently dropped. Developers and tests read
 * it; with SMTP configured nothing is written here. Mail to an account goes with the account.
 */
export const emailOutbox = pgTable(
  "email_outbox",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: text("user_id").references(() => user.id, { onDelete: "cascade" }),
    toEmail: text("to_email").notNull(),
    kind: text("kind").notNull(),
    subject: text("subject").notNull(),
    body: text("body").notNull(),
    link: text("link"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("email_outbox_to_created_idx").on(t.toEmail, t.createdAt.desc()), index("email_outbox_user_idx").on(t.userId)],
);
