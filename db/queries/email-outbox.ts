import "server-only";
import { and, desc, eq, sql } from "drizzle-orm";
import type { Database } from "../index";
import { emailOutbox, user } from "../schema";

export interface OutboxMessage {
  kind: string;
  toEmail: string;
  subject: string;
  body: string;
  link: string | null;
}

export interface StoredOutboxMessage extends OutboxMessage {
  id: string;
  userId: string | null;
  createdAt: Date;
}

/**
 * Stores a message in the development outbox. It belongs to the account whose address it goes
 * to (looked up in the same statement), so erasing the account erases its mail; a message to an
 * address no account has yet (a new email awaiting verification) is kept by `userId`.
 */
export async function storeOutboxMessage(db: Database, message: OutboxMessage & { userId?: string | null }): Promise<{ id: string }> {
  const toEmail = message.toEmail.toLowerCase();
  const owner = message.userId ?? sql`(select ${user.id} from ${user} where ${user.email} = ${toEmail})`;
  const [row] = await db
    .insert(emailOutbox)
    .values({ kind: message.kind, toEmail, subject: message.subject, body: message.body, link: message.link, userId: owner })
    .returning({ id: emailOutbox.id });
  return row!;
}

/** The newest outbox messages to one address: what a developer (or a test) opens to follow a link. */
export async function listOutboxMessages(db: Database, { toEmail, kind, limit = 20 }: { toEmail: string; kind?: string; limit?: number }): Promise<StoredOutboxMessage[]> {
  return db
    .select()
    .from(emailOutbox)
    .where(and(eq(emailOutbox.toEmail, toEmail.toLowerCase()), kind ? eq(emailOutbox.kind, kind) : undefined))
    .orderBy(desc(emailOutbox.createdAt), desc(emailOutbox.id))
    .limit(limit);
}
