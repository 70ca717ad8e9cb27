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
import {
  allUsersActiveUsers,
  allUsersDailyActivity,
  allUsersDailyLatency,
  allUsersDailyTokens,
  allUsersHeatmap,
  allUsersTotals,
  allUsersUsage,
  type ActiveUsers,
} from "./analytics-all-users";
import { dayEnd, dayStart, localDay, rows, sessionsIn, type AnalyticsScope } from "./analytics-sql";
import { STALE_SESSION_MS } from "./live-sessions";
import { assertAdmin } from "./users";

/*
 * Admin analytics: every function first checks that the actor is an admin (anyone else gets
 * not_found:admin), then covers all users, or one user (`userId`) for the drill-down. Only
 * aggregates and metadata: no transcript text, no media, no persona names.
 */

export type AdminAnalyticsParams = { actorId: string; userId?: string | null } & ZonedRange;

type Metric<R> = (db: Database, scope: AnalyticsScope, range: ZonedRange) => Promise<R>;

/** `allUsers` answers for everyone (userId null), from the rollups where it has them; `oneUser` for the drill-down. */
const adminScope =
  <R>(oneUser: Metric<R>, allUsers: (db: Database, range: ZonedRange) => Promise<R> = (db, range) => oneUser(db, { userId: null, ownView: false }, range)) =>
  async (db: Database, { actorId, userId = null, from, to, timeZone }: AdminAnalyticsParams): Promise<R> => {
    await assertAdmin(db, { actorId });
    const range = { from, to, timeZone };
    return userId === null ? allUsers(db, range) : oneUser(db, { userId, ownView: false }, range);
  };

export const getAdminTotals = adminScope(totalsInScope, allUsersTotals);
export const getAdminDailyActivity = adminScope(dailyActivityInScope, allUsersDailyActivity);
export const getAdminDailyLatency = adminScope(dailyLatencyInScope, allUsersDailyLatency);
export const getAdminDailyTokens = adminScope(dailyTokensInScope, allUsersDailyTokens);
export const getAdminHeatmap = adminScope(heatmapInScope, allUsersHeatmap);
export const getAdminUsage = adminScope(usageInScope, allUsersUsage);

export interface ActiveUsersNow extends ActiveUsers {
  totalUsers: number;
}

async function oneUserActiveUsers(db: Database, scope: AnalyticsScope, { to, timeZone }: ZonedRange): Promise<ActiveUsers> {
  const [active] = await rows<ActiveUsers>(
    db,
    sql`select (count(distinct sa.user_id) filter (where sa.started_at >= ${dayStart(to, timeZone)}))::int as "dau",
        (count(distinct sa.user_id) filter (where sa.started_at >= ${dayStart(addDays(to, -6), timeZone)}))::int as "wau",
        count(distinct sa.user_id)::int as "mau"
      from session_analytics sa
      where sa.started_at >= ${dayStart(addDays(to, -29), timeZone)} and sa.started_at < ${dayEnd(to, timeZone)} and sa.user_id = ${scope.userId}`,
  );
  return { dau: active?.dau ?? 0, wau: active?.wau ?? 0, mau: active?.mau ?? 0 };
}

async function withTotalUsers(db: Database, active: Promise<ActiveUsers>): Promise<ActiveUsersNow> {
  const [counts, [accounts]] = await Promise.all([active, db.select({ value: count() }).from(user)]);
  return { ...counts, totalUsers: accounts?.value ?? 0 };
}

/** Daily, weekly and monthly active users as of the range's last day, and how many accounts there are. */
export const getAdminActiveUsers = adminScope<ActiveUsersNow>(
  (db, scope, range) => withTotalUsers(db, oneUserActiveUsers(db, scope, range)),
  (db, range) => withTotalUsers(db, allUsersActiveUsers(db, range)),
);

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
    sql`select coalesce(nullif(sa.error_message, ''), ${NO_ERROR_MESSAGE}) as "message", count(*)::int as "conversations",
        (extract(epoch from max(sa.started_at)) * 1000)::float8 as "last"
      from session_analytics sa
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

const TOP_USERS = 10;

/** The users who talked the most in the range (minutes, then conversations), with their tokens and estimated cost. */
export const getAdminTopUsers = adminScope(async (db, scope, range): Promise<TopUser[]> => {
  const found = await rows<{ user_id: string; name: string; email: string; model: string; n: number; seconds: number; tin: number; tout: number }>(
    db,
    sql`with s as (
        select sa.user_id, sa.model, count(*)::int as n, sum(sa.duration_seconds)::float8 as seconds,
          sum(sa.tokens_in)::float8 as tin, sum(sa.tokens_out)::float8 as tout
        from session_analytics sa where ${sessionsIn(scope, range)} group by sa.user_id, sa.model
      ),
      top as (
        select s.user_id from s join "user" u on u.id = s.user_id
        group by s.user_id, u.email order by sum(s.seconds) desc, sum(s.n) desc, u.email limit ${TOP_USERS}
      )
      select s.*, u.name, u.email from s join top on top.user_id = s.user_id join "user" u on u.id = s.user_id`,
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
    .slice(0, TOP_USERS);
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
