import { z } from "zod";
import { storableText } from "@/lib/validation/columns";

/*
 * Quotas on live conversations: how many may be open at once, and how many minutes a calendar
 * month (UTC) may hold. The deployment sets defaults (LIVE_CONCURRENT_SESSIONS_LIMIT,
 * LIVE_MONTHLY_MINUTES_LIMIT); an admin may override either for one account.
 */

export const CONCURRENT_LIMIT_MAX = 100;
export const MONTHLY_MINUTES_MAX = 1_000_000;

export interface QuotaOverride {
  concurrentSessionsLimit: number | null;
  monthlyMinutesLimit: number | null;
}

export interface QuotaDefaults {
  concurrentSessions: number;
  monthlyMinutes: number;
}

export interface EffectiveQuota {
  concurrentSessions: number;
  monthlyMinutes: number;
  /** Which of the two an admin set for this account (the rest are the deployment's defaults). */
  overridden: { concurrentSessions: boolean; monthlyMinutes: boolean };
}

export function effectiveQuota(override: QuotaOverride | null, defaults: QuotaDefaults): EffectiveQuota {
  const concurrent = override?.concurrentSessionsLimit ?? null;
  const minutes = override?.monthlyMinutesLimit ?? null;
  return {
    concurrentSessions: concurrent ?? defaults.concurrentSessions,
    monthlyMinutes: minutes ?? defaults.monthlyMinutes,
    overridden: { concurrentSessions: concurrent !== null, monthlyMinutes: minutes !== null },
  };
}

/** The calendar month (UTC) that `now` falls in: usage counts conversations started in it. */
export function monthBounds(now: Date): { start: Date; end: Date } {
  const start = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
  const end = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1));
  return { start, end };
}

export interface QuotaUsage {
  quota: EffectiveQuota;
  /** Seconds of conversation started this month (open ones up to now). */
  usedSeconds: number;
  openSessions: number;
  /** When the monthly allowance starts again (ISO). */
  resetsAt: string;
}

/** Whole minutes used, rounded up: a started minute counts, as the allowance is in minutes. */
export const usedMinutes = (usage: Pick<QuotaUsage, "usedSeconds">) => Math.ceil(usage.usedSeconds / 60);

export const monthlyAllowanceExhausted = (usedSeconds: number, monthlyMinutes: number) => usedSeconds >= monthlyMinutes * 60;

// Admin input: an empty field means "the deployment's default".
const optionalLimit = (max: number, min: number) =>
  z.union([z.null(), z.number({ error: "A whole number, or empty for the default." }).int("A whole number, please.").min(min, `At least ${min}.`).max(max, `At most ${max.toLocaleString("en-US")}.`)]);

export const setUserQuotaInput = z.strictObject({
  userId: storableText({ error: "Choose a user." }).trim().min(1, "Choose a user.").max(200, "That is not a user id."),
  concurrentSessionsLimit: optionalLimit(CONCURRENT_LIMIT_MAX, 1),
  monthlyMinutesLimit: optionalLimit(MONTHLY_MINUTES_MAX, 0),
});
export type SetUserQuotaInput = z.infer<typeof setUserQuotaInput>;
