import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { ZonedRange } from "@/lib/analytics/range";
import type { Database } from "../index";
import type { ModelTokensTuple, UsageTuple } from "../schema";
import type { Percentiles } from "./analytics-metrics";
import { rows } from "./analytics-sql";

/*
 * The per-zone daily rollups behind every cross-user tile (see db/schema/analytics-rollups.ts).
 * A day whose stamp no longer matches the revisions of the UTC days around it, or that was never
 * computed for this zone, is recomputed from session_analytics in one statement, so the stamp and
 * the numbers come from the same snapshot. One user's numbers are small enough to read from their
 * sessions directly and never come here.
 */

export interface DayRollup {
  day: string;
  conversations: number;
  seconds: number;
  turns: number;
  interruptions: number;
  errors: number;
  /** Distinct users of the day. */
  users: number;
  tokensIn: number;
  tokensOut: number;
  latencySumMs: number;
  /** The day's answers and their percentiles; a range's come from the stored histograms (rangePercentiles). */
  samples: number;
  p50: number | null;
  p95: number | null;
  p99: number | null;
  /** Conversations per local hour, 0–23. */
  hours: number[];
  modelTokens: ModelTokensTuple[];
  voices: UsageTuple[];
  models: UsageTuple[];
  personas: UsageTuple[];
}

/* The larger columns are read only by the tiles that show them. */
const EXTRA_COLUMNS = {
  hours: `hours`,
  modelTokens: `model_tokens as "modelTokens"`,
  voices: `voices`,
  models: `models`,
  personas: `personas`,
} as const;
export type DayExtra = keyof typeof EXTRA_COLUMNS;
export type DayRollupWith<K extends DayExtra> = Omit<DayRollup, DayExtra> & Pick<DayRollup, K>;

/** Columns of analytics_day_rollups as a DayRollup; bigints leave as float8 so every driver gives numbers. */
const BASE_COLUMNS = `to_char(day, 'YYYY-MM-DD') as "day", conversations, seconds::float8 as "seconds", turns::float8 as "turns",
  interruptions::float8 as "interruptions", errors, cardinality(user_ids)::int as "users", tokens_in::float8 as "tokensIn",
  tokens_out::float8 as "tokensOut", latency_sum_ms::float8 as "latencySumMs", samples, p50, p95, p99`;
const columns = (extras: readonly DayExtra[]) => sql.raw([BASE_COLUMNS, ...extras.map((extra) => EXTRA_COLUMNS[extra])].join(", "));
const ALL_COLUMNS = columns(Object.keys(EXTRA_COLUMNS) as DayExtra[]);

const revisionAround = (day: SQL) =>
  sql`(select coalesce(sum(r.revision), 0) from analytics_revisions r where r.utc_day between ${day} - 1 and ${day} + 1)`;

const hourCounts = sql.raw(`array[${Array.from({ length: 24 }, (_, h) => `count(*) filter (where hour = ${h})`).join(", ")}]::int[]`);

async function refresh(db: Database, days: string[], timeZone: string): Promise<DayRollup[]> {
  const list = sql.join(days.map((day) => sql`${day}`), sql`, `);
  return rows<DayRollup>(
    db,
    sql`with days as (select unnest(array[${list}]::date[]) as d),
      s as materialized (
        select days.d, sa.user_id, sa.status, sa.duration_seconds, sa.user_message_count::bigint + sa.model_message_count as turns,
          sa.interruption_count, sa.tokens_in, sa.tokens_out, sa.latency_sum_ms, sa.latencies_ms, sa.model, sa.voice,
          case when sa.persona_id is null and ls.persona_name is null then 'default' else 'custom' end as persona,
          extract(hour from sa.started_at at time zone ${timeZone})::int as hour
        from days
        join session_analytics sa on sa.started_at >= (days.d::timestamp at time zone ${timeZone}) and sa.started_at < ((days.d + 1)::timestamp at time zone ${timeZone})
        -- A deleted persona's conversations keep its name here, so they still count as custom.
        left join live_sessions ls on ls.id = sa.session_id
      ),
      base as (
        select d, count(*)::int as n, sum(duration_seconds) as seconds, sum(turns) as turns, sum(interruption_count) as interruptions,
          (count(*) filter (where status = 'ERROR'))::int as errors, sum(tokens_in) as tin, sum(tokens_out) as tout,
          sum(latency_sum_ms) as lsum, array_agg(distinct user_id) as users, ${hourCounts} as hours
        from s group by d
      ),
      hist as (select s.d, l.ms, count(*)::int as n from s cross join lateral unnest(s.latencies_ms) as l(ms) group by 1, 2),
      ranked as (select d, ms, n, sum(n) over (partition by d order by ms) as seen, sum(n) over (partition by d) as total from hist),
      lat as (
        -- Nearest rank as percentileFromHistogram computes it: ceil(p · total) in double precision.
        select d, array_agg(ms order by ms) as vals, array_agg(n order by ms) as cnts, max(total)::int as samples,
          min(ms) filter (where seen >= ceil(0.5::float8 * total)) as p50,
          min(ms) filter (where seen >= ceil(0.95::float8 * total)) as p95,
          min(ms) filter (where seen >= ceil(0.99::float8 * total)) as p99
        from ranked group by d
      ),
      u as (
        select d, case when grouping(model) = 0 then 'model' when grouping(voice) = 0 then 'voice' else 'persona' end as kind,
          coalesce(model, voice, persona) as label, count(*)::int as n, sum(duration_seconds)::float8 as seconds,
          sum(tokens_in)::float8 as tin, sum(tokens_out)::float8 as tout
        from s group by grouping sets ((d, model), (d, voice), (d, persona))
      ),
      usage as (
        select d,
          jsonb_agg(jsonb_build_array(label, tin, tout)) filter (where kind = 'model') as model_tokens,
          jsonb_agg(jsonb_build_array(label, n, seconds)) filter (where kind = 'model') as models,
          jsonb_agg(jsonb_build_array(label, n, seconds)) filter (where kind = 'voice') as voices,
          jsonb_agg(jsonb_build_array(label, n, seconds)) filter (where kind = 'persona') as personas
        from u group by d
      )
      insert into analytics_day_rollups (time_zone, day, revision, conversations, seconds, turns, interruptions, errors, tokens_in, tokens_out,
        latency_sum_ms, samples, p50, p95, p99, user_ids, latencies_ms, latency_counts, hours, model_tokens, voices, models, personas, computed_at)
      select ${timeZone}, days.d, ${revisionAround(sql`days.d`)}, coalesce(base.n, 0), coalesce(base.seconds, 0), coalesce(base.turns, 0),
        coalesce(base.interruptions, 0), coalesce(base.errors, 0), coalesce(base.tin, 0), coalesce(base.tout, 0), coalesce(base.lsum, 0),
        coalesce(lat.samples, 0), lat.p50, lat.p95, lat.p99, coalesce(base.users, '{}'), coalesce(lat.vals, '{}'), coalesce(lat.cnts, '{}'), coalesce(base.hours, array_fill(0, array[24])),
        coalesce(usage.model_tokens, '[]'), coalesce(usage.voices, '[]'), coalesce(usage.models, '[]'), coalesce(usage.personas, '[]'), now()
      from days left join base on base.d = days.d left join lat on lat.d = days.d left join usage on usage.d = days.d
      on conflict (time_zone, day) do update set
        revision = excluded.revision, conversations = excluded.conversations, seconds = excluded.seconds, turns = excluded.turns,
        interruptions = excluded.interruptions, errors = excluded.errors, tokens_in = excluded.tokens_in, tokens_out = excluded.tokens_out,
        latency_sum_ms = excluded.latency_sum_ms, samples = excluded.samples, p50 = excluded.p50, p95 = excluded.p95, p99 = excluded.p99, user_ids = excluded.user_ids, latencies_ms = excluded.latencies_ms,
        latency_counts = excluded.latency_counts, hours = excluded.hours, model_tokens = excluded.model_tokens, voices = excluded.voices,
        models = excluded.models, personas = excluded.personas, computed_at = excluded.computed_at
      returning ${ALL_COLUMNS}`,
  );
}

/**
 * Days computed more than ROLLUP_KEEP_DAYS ago are dropped whenever others are computed, so the
 * cache holds what admins looked at lately rather than every zone and day ever viewed; a dropped
 * day is computed again if someone asks for it.
 */
export const ROLLUP_KEEP_DAYS = 30;

async function pruneRollups(db: Database): Promise<void> {
  await db.execute(sql`delete from analytics_day_rollups where computed_at < now() - make_interval(days => ${ROLLUP_KEEP_DAYS})`);
}

/*
 * The tiles of one page ask for the same days at once: the first asks the database to recompute
 * them and the others wait for that answer instead of recomputing the same days side by side.
 */
const inFlight = new WeakMap<Database, Map<string, Promise<DayRollup[]>>>();

function refreshOnce(db: Database, days: string[], timeZone: string): Promise<DayRollup[]> {
  const pending = inFlight.get(db) ?? new Map<string, Promise<DayRollup[]>>();
  inFlight.set(db, pending);
  const key = `${timeZone}|${days.join(",")}`;
  const existing = pending.get(key);
  if (existing) return existing;
  const started = refresh(db, days, timeZone)
    .then(async (fresh) => {
      await pruneRollups(db);
      return fresh;
    })
    .finally(() => pending.delete(key));
  pending.set(key, started);
  return started;
}

/**
 * Every day of the range across all users, each recomputed first if it changed since it was
 * stored, with the base figures and the `extras` asked for.
 */
export async function allUsersDays<K extends DayExtra = never>(db: Database, { from, to, timeZone }: ZonedRange, extras: readonly K[] = []): Promise<DayRollupWith<K>[]> {
  const cached = await rows<DayRollupWith<K> & { wanted: string; fresh: boolean | null }>(
    db,
    sql`with days as (select g.d::date as d from generate_series(${from}::date, ${to}::date, interval '1 day') as g(d))
      select to_char(days.d, 'YYYY-MM-DD') as "wanted", c.*
      from days left join lateral (
        select ${columns(extras)}, revision = ${revisionAround(sql`days.d`)} as "fresh"
        from analytics_day_rollups where time_zone = ${timeZone} and day = days.d
      ) c on true
      order by days.d`,
  );
  const stale = cached.filter((row) => !row.fresh).map((row) => row.wanted);
  const recomputed = new Map<string, DayRollupWith<K>>(stale.length > 0 ? (await refreshOnce(db, stale, timeZone)).map((day) => [day.day, day]) : []);
  return cached.map(({ wanted, fresh: _fresh, ...day }) => recomputed.get(wanted) ?? (day as unknown as DayRollupWith<K>));
}

/** The range's response times as one exact histogram, reduced to its percentiles in the database. */
export async function rangePercentiles(db: Database, { from, to, timeZone }: ZonedRange): Promise<Percentiles> {
  const [found] = await rows<Percentiles>(
    db,
    sql`with h as (
        select x.ms, sum(x.n) as n from analytics_day_rollups r cross join lateral unnest(r.latencies_ms, r.latency_counts) as x(ms, n)
        where r.time_zone = ${timeZone} and r.day between ${from}::date and ${to}::date group by x.ms
      ),
      ranked as (select ms, sum(n) over (order by ms) as seen, sum(n) over () as total from h)
      select coalesce(max(total), 0)::float8 as "samples",
        min(ms) filter (where seen >= ceil(0.5::float8 * total)) as "p50",
        min(ms) filter (where seen >= ceil(0.95::float8 * total)) as "p95",
        min(ms) filter (where seen >= ceil(0.99::float8 * total)) as "p99"
      from ranked`,
  );
  return found ?? { samples: 0, p50: null, p95: null, p99: null };
}

/**
 * Distinct users over spans of days ending on `to` (`spans` counts days back from it), from days
 * allUsersDays has just brought up to date.
 */
export async function distinctUsersOver(db: Database, { to, timeZone, spans }: { to: string; timeZone: string; spans: number[] }): Promise<number[]> {
  const longest = Math.max(...spans);
  const columns = sql.join(
    spans.map((span, i) => sql`(count(distinct id) filter (where r.day > ${to}::date - ${span}::int))::int as ${sql.identifier(`s${i}`)}`),
    sql`, `,
  );
  const [found] = await rows<Record<string, number>>(
    db,
    sql`select ${columns} from analytics_day_rollups r cross join lateral unnest(r.user_ids) as id
      where r.time_zone = ${timeZone} and r.day > ${to}::date - ${longest}::int and r.day <= ${to}::date`,
  );
  return spans.map((_, i) => found?.[`s${i}`] ?? 0);
}
