import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { expect, it } from "vitest";
import { AppError } from "@/lib/errors/app-error";
import type { Database } from "../index";
import {
  account,
  adminAuditLog,
  analyticsDayRollups,
  apiCredentials,
  audioChunks,
  memories,
  memoryEntities,
  personas,
  session,
  user,
  userPreferences,
  verification,
  videoFrames,
} from "../schema";
import { createTestUser } from "../test/fixtures";
import { leftovers, rowsOf } from "../test/leftovers";
import { describeEachDriver } from "../test/drivers";
import { storeConversation } from "../test/history-fixtures";
import { ERASED_ACTOR_EMAIL, ERASURE_ATTEMPTS, eraseAccount, erasureAttemptsExhausted, recordFailedErasureAttempt } from "./account-erasure";
import { storeOutboxMessage } from "./email-outbox";
import { recordAdminAction } from "./admin-audit";
import { recomputeSessionAnalytics } from "./session-analytics";


/** Everything of one account a database can hold, written the way the app writes it. */
async function fillAccount(db: Database, { role = "user" }: { role?: "user" | "admin" } = {}) {
  const owner = await createTestUser(db, { role });
  const userId = owner.id;
  await db.insert(session).values({ id: randomUUID(), token: randomUUID(), userId, expiresAt: new Date(Date.now() + 3_600_000), userAgent: "Chrome/124", ipAddress: "203.0.113.9" });
  await db.insert(account).values({ id: randomUUID(), accountId: userId, providerId: "credential", userId, password: "hash" });
  await db.insert(userPreferences).values({ userId, saveAudio: true });
  await db.insert(apiCredentials).values({ userId, ciphertext: "c", iv: "i", authTag: "t", lastFour: "abcd" });
  const [persona] = await db.insert(personas).values({ userId, name: "Coach", systemInstruction: "Be kind." }).returning();
  const conversation = await storeConversation(db, { userId, startedAt: new Date("2026-03-02T10:00:00Z"), lines: ["my secret", "I hear you"] });
  await db.insert(audioChunks).values({ sessionId: conversation.id, sequenceNumber: 0, mimeType: "audio/webm", startOffsetMs: 0, byteSize: 3, data: new Uint8Array([1, 2, 3]) });
  await db.insert(videoFrames).values({ sessionId: conversation.id, offsetMs: 0, mimeType: "image/jpeg", byteSize: 2, data: new Uint8Array([9, 9]) });
  await db.transaction((tx) => recomputeSessionAnalytics(tx, { sessionId: conversation.id, userId }));
  const [memory] = await db.insert(memories).values({ userId, sourceSessionId: conversation.id, content: "Likes tea" }).returning();
  await db.insert(memoryEntities).values({ memoryId: memory!.id, userId, name: "tea", entityType: "thing" });
  await storeOutboxMessage(db, { kind: "reset-password", toEmail: owner.email, subject: "s", body: "b", link: "http://x/reset" });
  await storeOutboxMessage(db, { kind: "verify-email", toEmail: `new-${owner.email}`, userId, subject: "s", body: "b", link: null });
  await db.insert(verification).values({ id: randomUUID(), identifier: `reset-password:${randomUUID()}`, value: userId, expiresAt: new Date(Date.now() + 3_600_000) });
  await db.insert(analyticsDayRollups).values({
    timeZone: "UTC", day: "2026-03-02", revision: 1, conversations: 1, seconds: 60, turns: 2, interruptions: 0, errors: 0, tokensIn: 0, tokensOut: 0,
    latencySumMs: 350, samples: 1, userIds: [userId, "someone-else"], latenciesMs: [350], latencyCounts: [1], hours: Array(24).fill(0), modelTokens: [], voices: [], models: [], personas: [],
  }).onConflictDoUpdate({ target: [analyticsDayRollups.timeZone, analyticsDayRollups.day], set: { userIds: sql`${analyticsDayRollups.userIds} || array[${userId}::text]` } });
  return { ...owner, conversationId: conversation.id, personaId: persona!.id };
}

describeEachDriver("account erasure", ({ db }) => {
  it("erases every row and media byte of the account at once, and nothing of anyone else", async () => {
    const doomed = await fillAccount(db());
    const bystander = await fillAccount(db());
    expect(await leftovers(db(), doomed)).not.toEqual([]);

    const result = await eraseAccount(db(), { userId: doomed.id });
    expect(result).toEqual({ userId: doomed.id, conversations: 1, objectKeys: [] });

    expect(await leftovers(db(), doomed)).toEqual([]);
    const [mediaBytes] = await rowsOf<{ n: string | number }>(db(), sql`select coalesce(sum(octet_length(data)), 0) as n from audio_chunks where session_id = ${doomed.conversationId}`);
    expect(Number(mediaBytes?.n)).toBe(0);
    // The bystander keeps everything, and the shared per-day list keeps their id.
    expect((await leftovers(db(), bystander)).sort()).toEqual(
      expect.arrayContaining(["user.id", "session.user_id", "live_sessions.user_id", "audio_chunks.session_id", "email_outbox.to_email", "analytics_day_rollups.user_ids"]),
    );
    const [day] = await db().select({ userIds: analyticsDayRollups.userIds }).from(analyticsDayRollups).where(eq(analyticsDayRollups.day, "2026-03-02"));
    expect(day?.userIds).toContain(bystander.id);
    expect(day?.userIds).not.toContain(doomed.id);
  });

  it("by an admin: audited in the same transaction with no account named, and the admin's own entries lose their address when they go", async () => {
    const admin = await fillAccount(db(), { role: "admin" });
    const doomed = await fillAccount(db());
    await recordAdminAction(db(), { actorId: admin.id, targetUserId: doomed.id, action: "ban", details: { reason: "spam" } });

    await eraseAccount(db(), { userId: doomed.id, erasedBy: { actorId: admin.id } });
    expect(await leftovers(db(), doomed)).toEqual(["admin_audit_log.details"]);
    const entries = await db().select().from(adminAuditLog).where(eq(adminAuditLog.actorId, admin.id));
    expect(entries).toEqual([expect.objectContaining({ action: "delete_account", targetUserId: null, actorEmail: admin.email, details: { erasedUserId: doomed.id, conversations: 1 } })]);

    // When that admin's account goes in turn, the entry stays but no longer says who they were.
    await eraseAccount(db(), { userId: admin.id });
    expect(await leftovers(db(), admin)).toEqual([]);
    const [kept] = await db().select().from(adminAuditLog).where(eq(adminAuditLog.id, entries[0]!.id));
    expect(kept).toMatchObject({ actorId: null, actorEmail: ERASED_ACTOR_EMAIL, action: "delete_account" });
  });

  it("refuses an unknown account, and a non-admin erasing someone else, changing nothing", async () => {
    await expect(eraseAccount(db(), { userId: randomUUID() })).rejects.toMatchObject({ code: "not_found:user" });
    const member = await createTestUser(db());
    const victim = await fillAccount(db());
    const error = await eraseAccount(db(), { userId: victim.id, erasedBy: { actorId: member.id } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("not_found:admin");
    expect(await db().select({ id: user.id }).from(user).where(eq(user.id, victim.id))).toHaveLength(1);
  });

  it("counts wrong passwords per account: five in 15 minutes lock erasure, a quiet window opens it again, erasure forgets the count", async () => {
    const owner = await createTestUser(db());
    const other = await createTestUser(db());
    const start = Date.now();
    for (let i = 0; i < ERASURE_ATTEMPTS.max; i++) {
      expect(await erasureAttemptsExhausted(db(), { userId: owner.id, now: start + i })).toBe(false);
      await recordFailedErasureAttempt(db(), { userId: owner.id, now: start + i });
    }
    expect(await erasureAttemptsExhausted(db(), { userId: owner.id, now: start + 10 })).toBe(true);
    expect(await erasureAttemptsExhausted(db(), { userId: other.id, now: start + 10 })).toBe(false);
    const later = start + ERASURE_ATTEMPTS.windowMs + 10;
    expect(await erasureAttemptsExhausted(db(), { userId: owner.id, now: later })).toBe(false);
    await recordFailedErasureAttempt(db(), { userId: owner.id, now: later });
    expect(await erasureAttemptsExhausted(db(), { userId: owner.id, now: later + 1 })).toBe(false);

    await eraseAccount(db(), { userId: owner.id });
    const [left] = await rowsOf<{ n: string | number }>(db(), sql`select count(*) as n from rate_limit where key like ${"%" + owner.id + "%"}`);
    expect(Number(left?.n)).toBe(0);
  });
});
