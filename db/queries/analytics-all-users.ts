import "server-only";
import { estimateCostUsd } from "@/lib/analytics/pricing";
import { addDays, type ZonedRange } from "@/lib/analytics/range";
import type { Database } from "../index";
import type { UsageTuple } from "../schema";
import { allUsersDays, distinctUsersOver, rangePercentiles, type DayExtra, type DayRollupWith } from "./analytics-day-rollups";
import {
  DEFAULT_PERSONA_LABEL,
  HIDDEN_PERSONA_LABEL,
  type ActivityTotals,
  type DailyActivity,
  type DailyLatency,
  type DailyTokens,
  type HeatmapCell,
  type UsageBreakdown,
  type UsageSlice,
} from "./analytics-metrics";

/*
 * The cross-user metrics of the Admin dashboard, read from the daily rollups: the same numbers
 * analytics-metrics.ts computes from the sessions of one user, without scanning every user's
 * conversations on each view. Only aggregates: no transcript text, no persona names.
 */

const sum = <K extends DayExtra>(days: readonly DayRollupWith<K>[], pick: (day: DayRollupWith<K>) => number) => days.reduce((total, day) => total + pick(day), 0);

export async function allUsersTotals(db: Database, range: ZonedRange): Promise<ActivityTotals> {
  const days = await allUsersDays(db, range);
  const [[activeUsers = 0], latency] = await Promise.all([
    distinctUsersOver(db, { to: range.to, timeZone: range.timeZone, spans: [days.length] }),
    rangePercentiles(db, range),
  ]);
  return {
    conversations: sum(days, (d) => d.conversations),
    minutes: sum(days, (d) => d.seconds) / 60,
    turns: sum(days, (d) => d.turns),
    interruptions: sum(days, (d) => d.interruptions),
    errors: sum(days, (d) => d.errors),
    activeUsers,
    tokensIn: sum(days, (d) => d.tokensIn),
    tokensOut: sum(days, (d) => d.tokensOut),
    responseMeanMs: latency.samples > 0 ? sum(days, (d) => d.latencySumMs) / latency.samples : null,
    responseP50Ms: latency.p50,
    responseP95Ms: latency.p95,
    responseP99Ms: latency.p99,
  };
}

export async function allUsersDailyActivity(db: Database, range: ZonedRange): Promise<DailyActivity[]> {
  return (await allUsersDays(db, range)).map((d) => ({
    day: d.day,
    conversations: d.conversations,
    minutes: d.seconds / 60,
    turns: d.turns,
    interruptions: d.interruptions,
    errors: d.errors,
    activeUsers: d.users,
  }));
}

export async function allUsersDailyLatency(db: Database, range: ZonedRange): Promise<DailyLatency[]> {
  return (await allUsersDays(db, range)).map(({ day, p50, p95, p99, samples }) => ({ day, p50, p95, p99, samples }));
}

export async function allUsersDailyTokens(db: Database, range: ZonedRange): Promise<DailyTokens[]> {
  return (await allUsersDays(db, range, ["modelTokens"])).map((d) => ({
    day: d.day,
    tokensIn: d.tokensIn,
    tokensOut: d.tokensOut,
    costUsd: d.modelTokens.reduce((cost, [model, tokensIn, tokensOut]) => cost + estimateCostUsd({ model, tokensIn, tokensOut }), 0),
  }));
}

/** ISO weekday of a calendar day: 1 is Monday, 7 is Sunday. */
const isoWeekday = (day: string) => new Date(`${day}T00:00:00Z`).getUTCDay() || 7;

export async function allUsersHeatmap(db: Database, range: ZonedRange): Promise<HeatmapCell[]> {
  const cells = new Map<number, HeatmapCell>();
  for (const day of await allUsersDays(db, range, ["hours"])) {
    const weekday = isoWeekday(day.day);
    day.hours.forEach((conversations, hour) => {
      if (conversations === 0) return;
      const key = weekday * 24 + hour;
      const cell = cells.get(key) ?? { weekday, hour, conversations: 0 };
      cell.conversations += conversations;
      cells.set(key, cell);
    });
  }
  return [...cells.entries()].sort(([a], [b]) => a - b).map(([, cell]) => cell);
}

type UsageDay = DayRollupWith<"voices" | "models" | "personas">;

function slices(days: readonly UsageDay[], pick: (day: UsageDay) => UsageTuple[], label: (key: string) => string = (key) => key): UsageSlice[] {
  const byLabel = new Map<string, { conversations: number; seconds: number }>();
  for (const day of days) {
    for (const [key, conversations, seconds] of pick(day)) {
      const entry = byLabel.get(key) ?? { conversations: 0, seconds: 0 };
      entry.conversations += conversations;
      entry.seconds += seconds;
      byLabel.set(key, entry);
    }
  }
  return [...byLabel.entries()]
    .map(([key, { conversations, seconds }]) => ({ label: label(key), conversations, minutes: seconds / 60 }))
    .sort((a, b) => b.conversations - a.conversations || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0));
}

export async function allUsersUsage(db: Database, range: ZonedRange): Promise<UsageBreakdown> {
  const days = await allUsersDays(db, range, ["voices", "models", "personas"]);
  return {
    voices: slices(days, (d) => d.voices),
    // An admin sees only whether a persona was used, never its name.
    personas: slices(days, (d) => d.personas, (kind) => (kind === "default" ? DEFAULT_PERSONA_LABEL : HIDDEN_PERSONA_LABEL)),
    models: slices(days, (d) => d.models),
  };
}

export interface ActiveUsers {
  /** Distinct users with a conversation on the range's last day, its last 7 and its last 30 days. */
  dau: number;
  wau: number;
  mau: number;
}

export async function allUsersActiveUsers(db: Database, { to, timeZone }: ZonedRange): Promise<ActiveUsers> {
  await allUsersDays(db, { from: addDays(to, -29), to, timeZone });
  const [dau = 0, wau = 0, mau = 0] = await distinctUsersOver(db, { to, timeZone, spans: [1, 7, 30] });
  return { dau, wau, mau };
}
