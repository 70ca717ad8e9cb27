import "server-only";
import { and, asc, count, eq, gte, inArray, sql } from "drizzle-orm";
import type { ActiveSessionsNow } from "@/lib/analytics/active-sessions";
import { estimateCostUsd } from "@/lib/analytics/pricing";
import { addDays, listDays, type ZonedRange } from "@/lib/analytics/range";
import type { Database } from "../index";
import { liveSessions, user } from "../schema";
import {
  dailyActivityInScope,
  dailyLatencyInScope,
  dailyTokensInScope,
  heatmapInScope,
  totalsInScope,
  usageInScope,
} from "./analytics-metrics";
import { dayEnd, dayStart, localDay, rows, sessionsIn, type AnalyticsScope } from "./analytics-sql";
import { STALE_SESSION_MS } from "./live-sessions";
import { assertAdmin } from "./users";

/*
 * Admin analytics: every function first checks that the actor is an admin (anyone else gets
 * not_found:admin), then covers all users, or one user (`userId`) for the drill-down. Only
 * aggregates and metadata: no transcript text, no media, no persona names.
 */

export type AdminAnalyticsParams = { actorId: string; userId?: string | null } & ZonedRange;

const adminScope =
  <R>(metric: (db: Database, scope: AnalyticsScope, range: ZonedRange) => Promise<R>) =>
  async (db: Database, { actorId, userId = null, from, to, timeZone }: AdminAnalyticsParams): Promise<R> => {
    await assertAdmin(db, { actorId });
    return metric(db, { userId, ownView: false }, { from, to, timeZone });
  };

export const getAdminTotals = adminScope(totalsInScope);
export const getAdminDailyActivity = adminScope(dailyActivityInScope);
export const getAdminDailyLatency = adminScope(dailyLatencyInScope);
export const getAdminDailyTokens = adminScope(dailyTokensInScope);
export const getAdminHeatmap = adminScope(heatmapInScope);
export const getAdminUsage = adminScope(usageInScope);

export interface ActiveUsers {
  /** Distinct users with a conversation on the range's last day, its last 7 and its last 30 days. */
  dau: number;
  wau: number;
  mau: number;
  totalUsers: number;
}

export const getAdminActiveUsers = adminScope(async (db, scope, range): Promise<ActiveUsers> => {
  const { to, timeZone } = range;
  const owner = scope.userId === null ? sql`` : sql` and sa.user_id = ${scope.userId}`;
  const [[active], [accounts]] = await Promise.all([
    rows<{ dau: number; wau: number; mau: number }>(
      db,
      sql`select (count(distinct sa.user_id) filter (where sa.started_at >= ${dayStart(to, timeZone)}))::int as "dau",
          (count(distinct sa.user_id) filter (where sa.started_at >= ${dayStart(addDays(to, -6), timeZone)}))::int as "wau",
          count(distinct sa.user_id)::int as "mau"
        from session_analytics sa
        where sa.started_at >= ${dayStart(addDays(to, -29), timeZone)} and sa.started_at < ${dayEnd(to, timeZone)}${owner}`,
    ),
    db.select({ value: count() }).from(user),
  ]);
  return { dau: active?.dau ?? 0, wau: active?.wau ?? 0, mau: active?.mau ?? 0, totalUsers: accounts?.value ?? 0 };
});

export interface DailySignups {
  day: string;
  signups: number;
}

export const getAdminDailySignups = adminScope(async (db, _scope, range): Promise<DailySignups[]> => {
  const found = await rows<DailySignups>(
    db,
    sql`with s as (
        select ${localDay(sql`u.created_at`, range.timeZone)} as day from "user" u
        where u.created_at >= ${dayStart(range.from, range.timeZone)} and u.created_at < ${dayEnd(range.to, range.timeZone)}
      )
      select day, count(*)::int as "signups" from s group by day`,
  );
  const byDay = new Map(found.map((row) => [row.day, row.signups]));
  return listDays(range).map((day) => ({ day, signups: byDay.get(day) ?? 0 }));
});

export interface ErrorMessageCount {
  message: string;
  conversations: number;
  lastSeenAt: Date;
}

export const NO_ERROR_MESSAGE = "(no message recorded)";

export const getAdminTopErrors = adminScope(async (db, scope, range): Promise<ErrorMessageCount[]> => {
  const found = await rows<{ message: string; conversations: number; last: number }>(
    db,
    sql`select coalesce(nullif(ls.last_error_message, ''), ${NO_ERROR_MESSAGE}) as "message", count(*)::int as "conversations",
        (extract(epoch from max(sa.started_at)) * 1000)::float8 as "last"
      from session_analytics sa join live_sessions ls on ls.id = sa.session_id
      where ${sessionsIn(scope, range)} and sa.status = 'ERROR'
      group by 1 order by 2 desc, 1 limit 10`,
  );
  return found.map((row) => ({ message: row.message, conversations: row.conversations, lastSeenAt: new Date(row.last) }));
});

export interface TopUser {
  userId: string;
  name: string;
  email: string;
  conversations: number;
  minutes: number;
  tokensIn: number;
  tokensOut: number;
  costUsd: number;
}

/** The users who talked the most in the range (minutes, then conversations), with their tokens and estimated cost. */
export const getAdminTopUsers = adminScope(async (db, scope, range): Promise<TopUser[]> => {
  const found = await rows<{ user_id: string; name: string; email: string; model: string; n: number; seconds: number; tin: number; tout: number }>(
    db,
    sql`with s as (
        select sa.user_id, sa.model, count(*)::int as n, sum(sa.duration_seconds)::float8 as seconds,
          sum(sa.tokens_in)::float8 as tin, sum(sa.tokens_out)::float8 as tout
        from session_analytics sa where ${sessionsIn(scope, range)} group by sa.user_id, sa.model
      )
      select s.*, u.name, u.email from s join "user" u on u.id = s.user_id`,
  );
  const byUser = new Map<string, TopUser>();
  for (const row of found) {
    const entry = byUser.get(row.user_id) ?? { userId: row.user_id, name: row.name, email: row.email, conversations: 0, minutes: 0, tokensIn: 0, tokensOut: 0, costUsd: 0 };
    entry.conversations += row.n;
    entry.minutes += row.seconds / 60;
    entry.tokensIn += row.tin;
    entry.tokensOut += row.tout;
    entry.costUsd += estimateCostUsd({ model: row.model, tokensIn: row.tin, tokensOut: row.tout });
    byUser.set(row.user_id, entry);
  }
  return [...byUser.values()]
    .sort((a, b) => b.minutes - a.minutes || b.conversations - a.conversations || a.email.localeCompare(b.email))
    .slice(0, 10);
});

/** Open conversations whose browser reported within the stale window: what is happening right now. */
export async function getActiveSessionsNow(db: Database, { actorId, now = new Date(), limit = 25 }: { actorId: string; now?: Date; limit?: number }): Promise<ActiveSessionsNow> {
  await assertAdmin(db, { actorId });
  const live = and(inArray(liveSessions.status, ["CONNECTING", "ACTIVE"]), gte(liveSessions.lastActivityAt, new Date(now.getTime() - STALE_SESSION_MS)));
  const [sessions, [total]] = await Promise.all([
    db
      .select({
        sessionId: liveSessions.id,
        userId: liveSessions.userId,
        name: user.name,
        email: user.email,
        status: liveSessions.status,
        model: liveSessions.model,
        voice: liveSessions.voice,
        startedAt: liveSessions.startedAt,
        lastActivityAt: liveSessions.lastActivityAt,
      })
      .from(liveSessions)
      .innerJoin(user, eq(user.id, liveSessions.userId))
      .where(live)
      .orderBy(asc(liveSessions.startedAt))
      .limit(limit),
    db.select({ value: count() }).from(liveSessions).where(live),
  ]);
  return { count: total?.value ?? 0, sessions: sessions.map((s) => ({ ...s, status: s.status === "ACTIVE" ? "ACTIVE" : "CONNECTING" })), asOf: now };
}
