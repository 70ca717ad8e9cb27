import "server-only";
import type { Database } from "@/db";
import { countOpenSessions, getQuotaOverride, usedSecondsSince } from "@/db/queries/quotas";
import { hitRateLimit } from "@/db/queries/rate-limits";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors/app-error";
import { effectiveQuota, monthBounds, monthlyAllowanceExhausted, type EffectiveQuota, type QuotaUsage } from "./limits";
import { monthlyAllowanceMessage, tokenRateLimitMessage } from "./messages";

/*
 * The server side of quotas and the token rate limit: what limits apply to a user, what they
 * used, and the checks the Live service runs before it mints a token on anyone's key.
 */

export const LIVE_TOKEN_SCOPE = "live-token";

export const quotaDefaults = () => ({ concurrentSessions: env.LIVE_CONCURRENT_SESSIONS_LIMIT, monthlyMinutes: env.LIVE_MONTHLY_MINUTES_LIMIT });

export async function quotaFor(db: Database, { userId }: { userId: string }): Promise<EffectiveQuota> {
  return effectiveQuota(await getQuotaOverride(db, { userId }), quotaDefaults());
}

/** Minutes used this month, open conversations and the limits: Settings and the admin page show them. */
export async function getQuotaUsage(db: Database, { userId, now = new Date() }: { userId: string; now?: Date }): Promise<QuotaUsage> {
  const { start, end } = monthBounds(now);
  const [quota, usedSeconds, openSessions] = await Promise.all([
    quotaFor(db, { userId }),
    usedSecondsSince(db, { userId, monthStart: start, now }),
    countOpenSessions(db, { userId }),
  ]);
  return { quota, usedSeconds, openSessions, resetsAt: end.toISOString() };
}

/** Every token minted (Start and each reconnection) counts; over the limit: 429 with Retry-After. */
export async function assertMintAllowed(db: Database, { userId, now }: { userId: string; now?: Date }): Promise<void> {
  const hit = await hitRateLimit(db, {
    userId,
    scope: LIVE_TOKEN_SCOPE,
    max: env.LIVE_TOKEN_RATE_LIMIT_MAX,
    windowSeconds: env.LIVE_TOKEN_RATE_LIMIT_WINDOW_SECONDS,
    now,
  });
  if (!hit.allowed) {
    throw new AppError("rate_limit:token", tokenRateLimitMessage(hit.retryAfterSeconds), { retryAfterSeconds: hit.retryAfterSeconds });
  }
}

/**
 * A running conversation reconnecting: not held to the concurrent limit (it is one of the open
 * ones), but to the month's minutes, so renewals cannot carry a conversation far past them.
 */
export async function assertMonthlyAllowance(db: Database, { userId, now = new Date(), quota }: { userId: string; now?: Date; quota: EffectiveQuota }): Promise<void> {
  const { start, end } = monthBounds(now);
  const used = await usedSecondsSince(db, { userId, monthStart: start, now });
  if (monthlyAllowanceExhausted(used, quota.monthlyMinutes)) {
    throw new AppError("rate_limit:quota", monthlyAllowanceMessage(quota.monthlyMinutes, end), { retryAfterSeconds: (end.getTime() - now.getTime()) / 1000 });
  }
}
