import "server-only";
import { and, count, eq, isNull, sql } from "drizzle-orm";
import { AppError } from "@/lib/errors/app-error";
import type { Database } from "../index";
import { apiKeys, apiRequests, user } from "../schema";
import { recordAdminAction } from "./admin-audit";
import { assertAdmin } from "./users";

/*
 * What an admin may know about a user's API keys: how many there are and how much they are used.
 * Never a key, a prefix or a name (a name can say what a program is for).
 */

export interface ApiKeyCounts {
  active: number;
  revoked: number;
  requestsLast30Days: number;
}

export async function getApiKeyCountsForAdmin(db: Database, { actorId, userId, now = new Date() }: { actorId: string; userId: string; now?: Date }): Promise<ApiKeyCounts> {
  await assertAdmin(db, { actorId });
  const since = new Date(now.getTime() - 30 * 86_400_000).toISOString();
  const [keys] = await db
    .select({
      active: sql<number>`count(*) filter (where ${apiKeys.revokedAt} is null and (${apiKeys.expiresAt} is null or ${apiKeys.expiresAt} > ${now.toISOString()}::timestamptz))`.mapWith(Number),
      revoked: sql<number>`count(*) filter (where ${apiKeys.revokedAt} is not null)`.mapWith(Number),
    })
    .from(apiKeys)
    .where(eq(apiKeys.userId, userId));
  const [requests] = await db
    .select({ n: count() })
    .from(apiRequests)
    .where(and(eq(apiRequests.userId, userId), sql`${apiRequests.createdAt} >= ${since}::timestamptz`));
  return { active: keys?.active ?? 0, revoked: keys?.revoked ?? 0, requestsLast30Days: requests?.n ?? 0 };
}

/** Revokes every live key of a user, in one transaction with its audit entry. */
export async function revokeApiKeysAsAdmin(db: Database, { actorId, userId, now = new Date() }: { actorId: string; userId: string; now?: Date }): Promise<{ keysRevoked: number }> {
  await assertAdmin(db, { actorId });
  const [target] = await db.select({ id: user.id }).from(user).where(eq(user.id, userId)).limit(1);
  if (!target) throw new AppError("not_found:user");
  return db.transaction(async (tx) => {
    const revoked = await tx
      .update(apiKeys)
      .set({ revokedAt: now })
      .where(and(eq(apiKeys.userId, userId), isNull(apiKeys.revokedAt)))
      .returning({ id: apiKeys.id });
    await recordAdminAction(tx as unknown as Database, { actorId, targetUserId: userId, action: "revoke_api_keys", details: { keysRevoked: revoked.length } });
    return { keysRevoked: revoked.length };
  });
}
