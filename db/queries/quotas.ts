import "server-only";
import { and, eq, gte, inArray, lt, sql } from "drizzle-orm";
import { AppError } from "@/lib/errors/app-error";
import type { QuotaOverride } from "@/lib/quotas/limits";
import type { Database } from "../index";
import { liveSessions, user, userQuotas } from "../schema";
import { recordAdminAction } from "./admin-audit";
import { assertAdmin } from "./users";

type Tx = Parameters<Parameters<Database["transaction"]>[0]>[0];
type Executor = Database | Tx;

const NO_OVERRIDE: QuotaOverride = { concurrentSessionsLimit: null, monthlyMinutesLimit: null };

/** What an admin set for the user (nulls: the deployment's defaults apply). */
export async function getQuotaOverride(db: Executor, { userId }: { userId: string }): Promise<QuotaOverride> {
  const [row] = await db
    .select({ concurrentSessionsLimit: userQuotas.concurrentSessionsLimit, monthlyMinutesLimit: userQuotas.monthlyMinutesLimit })
    .from(userQuotas)
    .where(eq(userQuotas.userId, userId))
    .limit(1);
  return row ?? NO_OVERRIDE;
}

/**
 * Seconds of the user's conversations started in [monthStart, now]: an ended one by its stored
 * duration, an open one up to now. A conversation counts in the month it started.
 */
export async function usedSecondsSince(db: Executor, { userId, monthStart, now }: { userId: string; monthStart: Date; now: Date }): Promise<number> {
  const [row] = await db
    .select({
      seconds: sql<string>`coalesce(sum(case
        when ${liveSessions.status} in ('CONNECTING', 'ACTIVE') then greatest(0, extract(epoch from (${now.toISOString()}::timestamptz - ${liveSessions.startedAt})))
        else coalesce(${liveSessions.totalDurationSeconds}, 0) end), 0)`,
    })
    .from(liveSessions)
    .where(and(eq(liveSessions.userId, userId), gte(liveSessions.startedAt, monthStart), lt(liveSessions.startedAt, now)));
  return Math.round(Number(row?.seconds ?? 0));
}

export async function countOpenSessions(db: Executor, { userId }: { userId: string }): Promise<number> {
  const [row] = await db
    .select({ open: sql<number>`count(*)::int` })
    .from(liveSessions)
    .where(and(eq(liveSessions.userId, userId), inArray(liveSessions.status, ["CONNECTING", "ACTIVE"])));
  return row?.open ?? 0;
}

/**
 * Serializes the user's Starts: held until the transaction ends, so a count of open sessions
 * taken after it cannot be raced by another Start. NO KEY UPDATE leaves foreign-key checks (turn
 * writes of the same user) unblocked.
 */
export async function lockUserForStart(tx: Tx, { userId }: { userId: string }): Promise<void> {
  const [row] = await tx.select({ id: user.id }).from(user).where(eq(user.id, userId)).for("no key update");
  if (!row) throw new AppError("not_found:user");
}

/** An admin sets (or clears, with nulls) one account's quotas; the change is in the audit log. */
export async function setQuotaOverride(
  db: Database,
  { actorId, userId, values, now = new Date() }: { actorId: string; userId: string; values: QuotaOverride; now?: Date },
): Promise<QuotaOverride> {
  await assertAdmin(db, { actorId });
  return db.transaction(async (tx) => {
    const [target] = await tx.select({ id: user.id }).from(user).where(eq(user.id, userId)).limit(1);
    if (!target) throw new AppError("not_found:user");
    const before = await getQuotaOverride(tx, { userId });
    await recordAdminAction(tx as unknown as Database, { actorId, targetUserId: userId, action: "set_quota", details: { before, after: values } });
    await tx
      .insert(userQuotas)
      .values({ userId, ...values, updatedAt: now })
      .onConflictDoUpdate({ target: userQuotas.userId, set: { ...values, updatedAt: now } });
    return values;
  });
}
