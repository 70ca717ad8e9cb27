import "server-only";
import { sql } from "drizzle-orm";
import { estimateCostUsd } from "@/lib/analytics/pricing";
import { listDays, type ZonedRange } from "@/lib/analytics/range";
import type { Database } from "../index";
import { latencyPercentiles, localDay, rows, sessionsIn, type AnalyticsScope } from "./analytics-sql";

/*
 * The metrics of one scope read from its sessions: a user's Insights, and an admin's drill-down
 * into one user. Across every user the Admin dashboard reads the same metrics from the daily
 * rollups instead (analytics-all-users.ts).
 */

export interface ActivityTotals {
  conversations: number;
  minutes: number;
  turns: number;
  interruptions: number;
  /** Conversations that ended in an error. */
  errors: number;
  activeUsers: number;
  tokensIn: number;
  tokensOut: number;
  /** Over every model turn of the range (not a mean of session means); null with no samples. */
  responseMeanMs: number | null;
  responseP50Ms: number | null;
  responseP95Ms: number | null;
  responseP99Ms: number | null;
}

/** Nearest-rank response-time percentiles over `samples` answers; null with none. */
export interface Percentiles {
  p50: number | null;
  p95: number | null;
  p99: number | null;
  samples: number;
}

export async function totalsInScope(db: Database, scope: AnalyticsScope, range: ZonedRange): Promise<ActivityTotals> {
  const [[sums], [latency]] = await Promise.all([
    rows<{ conversations: number; seconds: number; turns: number; interruptions: number; errors: number; users: number; tin: number; tout: number; lsum: number; lcount: number }>(
      db,
      sql`select count(*)::int as "conversations",
        coalesce(sum(sa.duration_seconds), 0)::float8 as "seconds",
        coalesce(sum(sa.user_message_count::bigint + sa.model_message_count), 0)::float8 as "turns",
        coalesce(sum(sa.interruption_count), 0)::float8 as "interruptions",
        (count(*) filter (where sa.status = 'ERROR'))::int as "errors",
        count(distinct sa.user_id)::int as "users",
        coalesce(sum(sa.tokens_in), 0)::float8 as "tin",
        coalesce(sum(sa.tokens_out), 0)::float8 as "tout",
        coalesce(sum(sa.latency_sum_ms), 0)::float8 as "lsum",
        coalesce(sum(cardinality(sa.latencies_ms)), 0)::float8 as "lcount"
      from session_analytics sa where ${sessionsIn(scope, range)}`,
    ),
    rows<Percentiles>(
      db,
      sql`select ${latencyPercentiles} from session_analytics sa cross join lateral unnest(sa.latencies_ms) as l(ms) where ${sessionsIn(scope, range)}`,
    ),
  ]);
  const s = sums!;
  return {
    conversations: s.conversations,
    minutes: s.seconds / 60,
    turns: s.turns,
    interruptions: s.interruptions,
    errors: s.errors,
    activeUsers: s.users,
    tokensIn: s.tin,
    tokensOut: s.tout,
    responseMeanMs: s.lcount > 0 ? s.lsum / s.lcount : null,
    responseP50Ms: latency?.p50 ?? null,
    responseP95Ms: latency?.p95 ?? null,
    responseP99Ms: latency?.p99 ?? null,
  };
}

export interface DailyActivity {
  day: string;
  conversations: number;
  minutes: number;
  turns: number;
  interruptions: number;
  errors: number;
  activeUsers: number;
}

export async function dailyActivityInScope(db: Database, scope: AnalyticsScope, range: ZonedRange): Promise<DailyActivity[]> {
  const found = await rows<{ day: string; conversations: number; seconds: number; turns: number; interruptions: number; errors: number; users: number }>(
    db,
    sql`with s as (
        select ${localDay(sql`sa.started_at`, range.timeZone)} as day, sa.*
        from session_analytics sa where ${sessionsIn(scope, range)}
      )
      select day, count(*)::int as "conversations",
        sum(duration_seconds)::float8 as "seconds",
        sum(user_message_count::bigint + model_message_count)::float8 as "turns",
        sum(interruption_count)::float8 as "interruptions",
        (count(*) filter (where status = 'ERROR'))::int as "errors",
        count(distinct user_id)::int as "users"
      from s group by day`,
  );
  const byDay = new Map(found.map((row) => [row.day, row]));
  return listDays(range).map((day) => {
    const row = byDay.get(day);
    return {
      day,
      conversations: row?.conversations ?? 0,
      minutes: (row?.seconds ?? 0) / 60,
      turns: row?.turns ?? 0,
      interruptions: row?.interruptions ?? 0,
      errors: row?.errors ?? 0,
      activeUsers: row?.users ?? 0,
    };
  });
}

export interface DailyLatency extends Percentiles {
  day: string;
}

export async function dailyLatencyInScope(db: Database, scope: AnalyticsScope, range: ZonedRange): Promise<DailyLatency[]> {
  const found = await rows<DailyLatency>(
    db,
    sql`with s as (
        select ${localDay(sql`sa.started_at`, range.timeZone)} as day, sa.latencies_ms
        from session_analytics sa where ${sessionsIn(scope, range)}
      )
      select s.day, ${latencyPercentiles} from s cross join lateral unnest(s.latencies_ms) as l(ms) group by s.day`,
  );
  const byDay = new Map(found.map((row) => [row.day, row]));
  return listDays(range).map((day) => byDay.get(day) ?? { day, p50: null, p95: null, p99: null, samples: 0 });
}

export interface DailyTokens {
  day: string;
  tokensIn: number;
  tokensOut: number;
  /** Estimated from the price table (lib/analytics/pricing.ts). */
  costUsd: number;
}

export async function dailyTokensInScope(db: Database, scope: AnalyticsScope, range: ZonedRange): Promise<DailyTokens[]> {
  const found = await rows<{ day: string; model: string; tin: number; tout: number }>(
    db,
    sql`with s as (
        select ${localDay(sql`sa.started_at`, range.timeZone)} as day, sa.model, sa.tokens_in, sa.tokens_out
        from session_analytics sa where ${sessionsIn(scope, range)}
      )
      select day, model, sum(tokens_in)::float8 as "tin", sum(tokens_out)::float8 as "tout" from s group by day, model`,
  );
  const byDay = new Map<string, DailyTokens>(listDays(range).map((day) => [day, { day, tokensIn: 0, tokensOut: 0, costUsd: 0 }]));
  for (const row of found) {
    const entry = byDay.get(row.day);
    if (!entry) continue;
    entry.tokensIn += row.tin;
    entry.tokensOut += row.tout;
    entry.costUsd += estimateCostUsd({ model: row.model, tokensIn: row.tin, tokensOut: row.tout });
  }
  return [...byDay.values()];
}

export interface HeatmapCell {
  /** ISO weekday: 1 is Monday, 7 is Sunday. */
  weekday: number;
  hour: number;
  conversations: number;
}

export async function heatmapInScope(db: Database, scope: AnalyticsScope, range: ZonedRange): Promise<HeatmapCell[]> {
  return rows<HeatmapCell>(
    db,
    sql`with s as (
        select sa.started_at at time zone ${range.timeZone} as local from session_analytics sa where ${sessionsIn(scope, range)}
      )
      select extract(isodow from local)::int as "weekday", extract(hour from local)::int as "hour", count(*)::int as "conversations"
      from s group by 1, 2 order by 1, 2`,
  );
}

export interface UsageSlice {
  label: string;
  conversations: number;
  minutes: number;
}

export interface UsageBreakdown {
  voices: UsageSlice[];
  personas: UsageSlice[];
  models: UsageSlice[];
}

export const DEFAULT_PERSONA_LABEL = "Default companion";
export const HIDDEN_PERSONA_LABEL = "Custom persona";

export async function usageInScope(db: Database, scope: AnalyticsScope, range: ZonedRange): Promise<UsageBreakdown> {
  // Persona names are the owner's words; an admin sees only whether one was used.
  const personaLabel = scope.ownView
    ? sql`coalesce(ls.persona_name, p.name, case when sa.persona_id is null then ${DEFAULT_PERSONA_LABEL} else 'Deleted persona' end)`
    : sql`case when sa.persona_id is null and ls.persona_name is null then ${DEFAULT_PERSONA_LABEL} else ${HIDDEN_PERSONA_LABEL} end`;
  const found = await rows<{ kind: "voice" | "persona" | "model"; label: string; conversations: number; seconds: number }>(
    db,
    sql`with s as (
        select sa.voice, sa.model, ${personaLabel} as persona, sa.duration_seconds
        from session_analytics sa left join personas p on p.id = sa.persona_id
        -- The name snapshot: a deleted persona's conversations are still a persona's (and, for the owner, still named).
        left join live_sessions ls on ls.id = sa.session_id and ls.user_id = sa.user_id
        where ${sessionsIn(scope, range)}
      )
      select case when grouping(voice) = 0 then 'voice' when grouping(persona) = 0 then 'persona' else 'model' end as "kind",
        coalesce(voice, persona, model) as "label", count(*)::int as "conversations", sum(duration_seconds)::float8 as "seconds"
      from s group by grouping sets ((voice), (persona), (model))
      order by 3 desc, 2`,
  );
  const slices = (kind: "voice" | "persona" | "model") =>
    found.filter((row) => row.kind === kind).map((row) => ({ label: row.label, conversations: row.conversations, minutes: row.seconds / 60 }));
  return { voices: slices("voice"), personas: slices("persona"), models: slices("model") };
}
