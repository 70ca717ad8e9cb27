import { sql } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { EXPECTED, FIXTURE_RANGE, FIXTURE_SESSIONS, FIXTURE_TIME_ZONE, FIXTURE_USERS, seedAnalyticsFixture } from "@/e2e/analytics/fixture";
import { percentileNearestRank } from "@/lib/analytics/session-metrics";
import { sessionAnalytics } from "../schema";
import { describeEachDriver } from "../test/drivers";
import { createTestUser } from "../test/fixtures";
import {
  getInsightsDailyActivity,
  getInsightsDailyLatency,
  getInsightsDailyTokens,
  getInsightsHeatmap,
  getInsightsTotals,
  getInsightsUsage,
} from "./analytics";
import { backfillSessionAnalytics } from "./analytics-backfill";
import { rows } from "./analytics-sql";

const berlin = { ...FIXTURE_RANGE, timeZone: FIXTURE_TIME_ZONE };
const fran = { userId: FIXTURE_USERS.fran.id, ...berlin };

const nonZero = <T extends { day: string }>(series: T[], pick: (row: T) => number[]) =>
  Object.fromEntries(series.filter((row) => pick(row).some((v) => v !== 0)).map((row) => [row.day, pick(row)]));

describeEachDriver("analytics: backfill and Insights", ({ db }) => {
  beforeAll(async () => {
    await seedAnalyticsFixture(db());
  });

  it("backfills one analytics row per ended conversation, once", async () => {
    expect(await backfillSessionAnalytics(db(), { batchSize: 3 })).toEqual({ written: FIXTURE_SESSIONS.length, failed: 0 });
    expect(await backfillSessionAnalytics(db())).toEqual({ written: 0, failed: 0 });
    const [g1] = await db().select().from(sessionAnalytics).where(sql`${sessionAnalytics.sessionId} = '00000000-0000-4000-8000-00000000a001'`);
    expect(g1).toMatchObject({ status: "ENDED", model: "gemini-2.0-flash-live-001", voice: "Kore", durationSeconds: 900, userMessageCount: 20, modelMessageCount: 20, interruptionCount: 3, tokensIn: 4000, tokensOut: 6000 });
    expect(g1!.latenciesMs).toEqual([...FIXTURE_SESSIONS[3]!.latencies].sort((a, b) => a - b));
    expect(g1!.latencySumMs).toBe(26850);
    const [f3] = await db().select().from(sessionAnalytics).where(sql`${sessionAnalytics.sessionId} = '00000000-0000-4000-8000-00000000f003'`);
    expect(f3).toMatchObject({ status: "ERROR", errorCount: 1 });
  });

  it("totals one user's range exactly: counts, minutes, mean and nearest-rank p95", async () => {
    const totals = await getInsightsTotals(db(), fran);
    const { responseMeanMs, ...exact } = EXPECTED.fran.totals;
    expect(totals).toMatchObject({ ...exact, activeUsers: 1 });
    expect(totals.responseMeanMs).toBeCloseTo(responseMeanMs, 9);
  });

  it("buckets days in the viewer's zone: 23:30 UTC is the next day in Berlin", async () => {
    const activity = await getInsightsDailyActivity(db(), fran);
    expect(activity.map((d) => d.day)).toEqual(["2025-03-10", "2025-03-11", "2025-03-12", "2025-03-13", "2025-03-14", "2025-03-15", "2025-03-16"]);
    expect(nonZero(activity, (d) => [d.conversations, d.minutes])).toEqual(EXPECTED.fran.activity);

    const utc = await getInsightsDailyActivity(db(), { ...fran, timeZone: "UTC" });
    expect(nonZero(utc, (d) => [d.conversations, d.minutes])).toEqual({ "2025-03-10": [1, 10], "2025-03-11": [1, 5], "2025-03-12": [1, 2] });
  });

  it("gives p50 and p95 per day, null on days without answers", async () => {
    const latency = await getInsightsDailyLatency(db(), fran);
    const withSamples = Object.fromEntries(latency.filter((d) => d.samples > 0).map((d) => [d.day, { p50: d.p50, p95: d.p95 }]));
    expect(withSamples).toEqual(EXPECTED.fran.latency);
    expect(latency.find((d) => d.day === "2025-03-11")).toEqual({ day: "2025-03-11", p50: null, p95: null, p99: null, samples: 0 });
  });

  it("sums tokens per day and estimates their cost from the price table", async () => {
    const tokens = await getInsightsDailyTokens(db(), fran);
    expect(nonZero(tokens, (d) => [d.tokensIn, d.tokensOut])).toEqual({ "2025-03-10": [1000, 2000], "2025-03-12": [600, 850] });
    expect(tokens.reduce((sum, d) => sum + d.costUsd, 0)).toBeCloseTo(EXPECTED.fran.costUsd, 12);
  });

  it("maps when the user talks in their zone (ISO weekday × hour)", async () => {
    // Mon 10th 10:00, Wed 12th 00:30 and 15:15, Berlin time.
    expect(await getInsightsHeatmap(db(), fran)).toEqual([
      { weekday: 1, hour: 10, conversations: 1 },
      { weekday: 3, hour: 0, conversations: 1 },
      { weekday: 3, hour: 15, conversations: 1 },
    ]);
  });

  it("shows the owner their voices and persona names", async () => {
    const usage = await getInsightsUsage(db(), fran);
    expect(usage.voices.map(({ label, conversations }) => ({ label, conversations }))).toEqual([
      { label: "Zephyr", conversations: 2 },
      { label: "Puck", conversations: 1 },
    ]);
    expect(usage.personas.map(({ label, conversations }) => ({ label, conversations }))).toEqual(EXPECTED.fran.personas);
    expect(usage.models).toEqual([{ label: "gemini-2.5-flash-native-audio-preview-12-2025", conversations: 3, minutes: 17 }]);
  });

  it("never includes another user's conversations", async () => {
    const gus = { userId: FIXTURE_USERS.gus.id, ...berlin };
    expect(await getInsightsTotals(db(), gus)).toMatchObject({ conversations: 3, minutes: 20, responseP95Ms: 2050, tokensIn: 4200 });
    expect((await getInsightsUsage(db(), fran)).voices.map((v) => v.label)).not.toContain("Kore");

    const stranger = await createTestUser(db());
    const empty = { userId: stranger.id, ...berlin };
    expect(await getInsightsTotals(db(), empty)).toEqual({
      conversations: 0, minutes: 0, turns: 0, interruptions: 0, errors: 0, activeUsers: 0, tokensIn: 0, tokensOut: 0,
      responseMeanMs: null, responseP50Ms: null, responseP95Ms: null, responseP99Ms: null,
    });
    expect((await getInsightsDailyActivity(db(), empty)).every((d) => d.conversations === 0)).toBe(true);
    expect(await getInsightsHeatmap(db(), empty)).toEqual([]);
    expect(await getInsightsUsage(db(), empty)).toEqual({ voices: [], personas: [], models: [] });
  });

  it("uses Postgres' percentile_disc, which is the nearest-rank definition of lib/analytics", async () => {
    for (const n of [1, 2, 3, 7, 19, 20, 21, 28, 100, 101]) {
      const values = Array.from({ length: n }, (_, i) => ((i * 7919) % 1009) + 1);
      const [pg] = await rows<{ p50: number; p95: number; p99: number }>(
        db(),
        sql`select percentile_disc(0.5) within group (order by v) as "p50", percentile_disc(0.95) within group (order by v) as "p95",
          percentile_disc(0.99) within group (order by v) as "p99" from unnest(${sql.raw(`array[${values.join(",")}]::int[]`)}) as v`,
      );
      expect(pg, `n=${n}`).toEqual({ p50: percentileNearestRank(values, 50), p95: percentileNearestRank(values, 95), p99: percentileNearestRank(values, 99) });
    }
  });
});
