import "server-only";
import { and, count, eq, isNotNull, or, sql } from "drizzle-orm";
import { AppError } from "@/lib/errors/app-error";
import type { Database } from "../index";
import { account, adminAuditLog, audioChunks, rateLimit, analyticsDayRollups, emailOutbox, liveSessions, personaPictures, user, verification, videoFrames } from "../schema";

export interface ErasureResult {
  userId: string;
  conversations: number;
  /** Objects in the media bucket that belonged to the account: its rows are gone, these go next. */
  objectKeys: string[];
}

/** Stands in for an erased admin's address in the entries they wrote. */
export const ERASED_ACTOR_EMAIL = "(erased account)";

/*
 * Erases an account and everything of it in one transaction: it happens entirely or not at all.
 * Most rows go by foreign key from the `user` row (sign-in sessions, credential accounts,
 * preferences, the Gemini key, personas, memories, conversations with their turns, audio bytes,
 * camera frames and analytics, admin entries about the account, outbox mail). What no foreign key
 * reaches is removed here first: mail to the address, better-auth's pending reset and deletion
 * tokens (their value is the user id), the id in the admin dashboard's per-day distinct-user
 * lists, and the address in entries the account wrote as an admin. What stays are per-day sums
 * with no id in them; those days are recomputed without the account on the next view (deleting
 * its analytics bumps their revisions).
 *
 * `erasedBy` is the admin doing it, if any: their entry is written in the same transaction and
 * names no account (the row it would point at is gone), only the erased id and what went.
 */
export async function eraseAccount(db: Database, { userId, erasedBy }: { userId: string; erasedBy?: { actorId: string } }): Promise<ErasureResult> {
  return db.transaction(async (tx) => {
    const [target] = await tx.select({ email: user.email }).from(user).where(eq(user.id, userId)).for("update").limit(1);
    if (!target) throw new AppError("not_found:user");
    const [{ conversations } = { conversations: 0 }] = await tx.select({ conversations: count() }).from(liveSessions).where(eq(liveSessions.userId, userId));
    let actor: { email: string } | undefined;
    if (erasedBy) {
      [actor] = await tx.select({ email: user.email }).from(user).where(sql`${user.id} = ${erasedBy.actorId} and ${user.role} = 'admin'`).limit(1);
      if (!actor) throw new AppError("not_found:admin");
    }
    await tx.delete(emailOutbox).where(or(eq(emailOutbox.userId, userId), eq(emailOutbox.toEmail, target.email.toLowerCase())));
    await tx.delete(verification).where(eq(verification.value, userId));
    await tx
      .update(analyticsDayRollups)
      .set({ userIds: sql`array_remove(${analyticsDayRollups.userIds}, ${userId}::text)` })
      .where(sql`${userId}::text = any(${analyticsDayRollups.userIds})`);
    await tx.update(adminAuditLog).set({ actorEmail: ERASED_ACTOR_EMAIL }).where(eq(adminAuditLog.actorId, userId));
    await tx.delete(rateLimit).where(eq(rateLimit.key, erasureAttemptsKey(userId)));
    const objectKeys = (
      await Promise.all([
        tx.select({ key: audioChunks.storageUrl }).from(audioChunks).innerJoin(liveSessions, eq(liveSessions.id, audioChunks.sessionId)).where(and(eq(liveSessions.userId, userId), isNotNull(audioChunks.storageUrl))),
        tx.select({ key: videoFrames.storageUrl }).from(videoFrames).innerJoin(liveSessions, eq(liveSessions.id, videoFrames.sessionId)).where(and(eq(liveSessions.userId, userId), isNotNull(videoFrames.storageUrl))),
        tx.select({ key: personaPictures.storageUrl }).from(personaPictures).where(and(eq(personaPictures.userId, userId), isNotNull(personaPictures.storageUrl))),
      ])
    ).flatMap((rows) => rows.map((row) => row.key!));
    await tx.delete(user).where(eq(user.id, userId));
    if (erasedBy && actor) {
      await tx.insert(adminAuditLog).values({
        actorId: erasedBy.actorId,
        actorEmail: actor.email,
        targetUserId: null,
        action: "delete_account",
        details: { erasedUserId: userId, conversations },
      });
    }
    return { userId, conversations, objectKeys };
  });
}

/** The password hash of the user's email-and-password sign-in, if they have one (for re-authentication). */
export async function getCredentialPasswordHash(db: Database, { userId }: { userId: string }): Promise<string | null> {
  const [row] = await db
    .select({ password: account.password })
    .from(account)
    .where(and(eq(account.userId, userId), eq(account.providerId, "credential")))
    .limit(1);
  return row?.password ?? null;
}

/*
 * Wrong passwords at "Delete account": a stolen session must not become an unlimited password
 * oracle. Counted per account in better-auth's rate-limit table (shared by every instance).
 */
export const ERASURE_ATTEMPTS = { max: 5, windowMs: 15 * 60 * 1000 };

const erasureAttemptsKey = (userId: string) => `account-erasure:${userId}`;

/** Whether the account has used up its wrong-password allowance for erasure. */
export async function erasureAttemptsExhausted(db: Database, { userId, now = Date.now() }: { userId: string; now?: number }): Promise<boolean> {
  const [row] = await db.select({ count: rateLimit.count, lastRequest: rateLimit.lastRequest }).from(rateLimit).where(eq(rateLimit.key, erasureAttemptsKey(userId))).limit(1);
  return !!row && row.count >= ERASURE_ATTEMPTS.max && now - row.lastRequest < ERASURE_ATTEMPTS.windowMs;
}

/** Counts one wrong password; a quiet window starts the count again. */
export async function recordFailedErasureAttempt(db: Database, { userId, now = Date.now() }: { userId: string; now?: number }): Promise<void> {
  const key = erasureAttemptsKey(userId);
  await db
    .insert(rateLimit)
    .values({ id: key, key, count: 1, lastRequest: now })
    .onConflictDoUpdate({
      target: rateLimit.key,
      set: {
        count: sql`case when ${rateLimit.lastRequest} < ${now - ERASURE_ATTEMPTS.windowMs} then 1 else ${rateLimit.count} + 1 end`,
        lastRequest: now,
      },
    });
}
