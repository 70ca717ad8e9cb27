import * as adminQueries from "@/db/queries/analytics-admin";
import * as ownQueries from "@/db/queries/analytics";
import { createTestUser } from "@/db/test/fixtures";
import { newSeedTag } from "@/db/seed/seed";
import type { Database } from "@/db/index";
import { liveSessions, sessionAnalytics } from "@/db/schema";
import { addDays, todayIn, type ZonedRange } from "@/lib/analytics/range";
import { performance } from "node:perf_hooks";
import { seededPostgres } from "./bench-database";
import type { BenchFigure } from "./figure";
import { heaviestUser } from "./history-queries";
import { timeQuery } from "./timing";

/*
 * The Admin dashboard and a user's Insights on a seeded 1,000 users / 100,000 conversations /
 * 2,000,000 turns on the real PostgreSQL server, for the last 30 days in Europe/Berlin: each
 * query, and the whole page (every query started together, as the page's Suspense tiles do):
 * once for a zone never viewed, then with the rollups in place, then with a conversation ending
 * before every view, so today's rollups are recomputed each time.
 */

const SEED = { users: 1_000, sessions: 100_000, turnsPerSession: 20, days: 90, password: "bench-password" };
const TIME_ZONE = "Europe/Berlin";

function adminPage(db: Database, params: { actorId: string } & ZonedRange) {
  return {
    totals: () => adminQueries.getAdminTotals(db, params),
    activity: () => adminQueries.getAdminDailyActivity(db, params),
    latency: () => adminQueries.getAdminDailyLatency(db, params),
    tokens: () => adminQueries.getAdminDailyTokens(db, params),
    heatmap: () => adminQueries.getAdminHeatmap(db, params),
    usage: () => adminQueries.getAdminUsage(db, params),
    "active users": () => adminQueries.getAdminActiveUsers(db, params),
    "sign-ups": () => adminQueries.getAdminDailySignups(db, params),
    "top users": () => adminQueries.getAdminTopUsers(db, params),
    "top errors": () => adminQueries.getAdminTopErrors(db, params),
    "active now": () => adminQueries.getActiveSessionsNow(db, { actorId: params.actorId }),
  };
}

function insightsPage(db: Database, params: { userId: string } & ZonedRange) {
  return {
    totals: () => ownQueries.getInsightsTotals(db, params),
    activity: () => ownQueries.getInsightsDailyActivity(db, params),
    latency: () => ownQueries.getInsightsDailyLatency(db, params),
    tokens: () => ownQueries.getInsightsDailyTokens(db, params),
    heatmap: () => ownQueries.getInsightsHeatmap(db, params),
    usage: () => ownQueries.getInsightsUsage(db, params),
  };
}

const wholePage = (queries: Record<string, () => Promise<unknown>>) => () => Promise.all(Object.values(queries).map((query) => query()));

async function measurePage(label: string, queries: Record<string, () => Promise<unknown>>, target: string): Promise<BenchFigure[]> {
  const figures: BenchFigure[] = [];
  for (const [name, query] of Object.entries(queries)) figures.push(...(await timeQuery(`${label}: ${name}`, query, { rounds: 20 })));
  figures.push(...(await timeQuery(`${label}: whole page`, wholePage(queries), { rounds: 30, target })));
  return figures;
}

/** A conversation that has just ended, as on a busy day: today's rollups are stale on the next view. */
async function endConversationNow(db: Database, userId: string): Promise<void> {
  const [session] = await db.insert(liveSessions).values({ userId, model: "gemini-2.5-flash-native-audio", voice: "Puck", status: "ENDED", startedAt: new Date() }).returning();
  await db.insert(sessionAnalytics).values({ sessionId: session!.id, userId, startedAt: session!.startedAt, status: "ENDED", durationSeconds: 60, model: session!.model, voice: session!.voice, latenciesMs: [640], latencySumMs: 640 });
}

export async function run(): Promise<BenchFigure[]> {
  const bench = await seededPostgres({ ...SEED, tag: newSeedTag() });
  if ("skipped" in bench) {
    console.warn(`Analytics benchmark skipped: ${bench.skipped}`);
    return [];
  }
  try {
    const db = bench.handle.db;
    const admin = await createTestUser(db, { role: "admin" });
    const to = todayIn(TIME_ZONE);
    const range: ZonedRange = { from: addDays(to, -29), to, timeZone: TIME_ZONE };
    const { userId, sessions } = await heaviestUser(db);
    // A zone nobody has viewed yet: the page computes its days' rollups once, then serves them.
    const firstView = async (zoned: ZonedRange) => {
      const started = performance.now();
      await wholePage(adminPage(db, { actorId: admin.id, ...zoned }))();
      return Math.round((performance.now() - started) * 100) / 100;
    };
    const firstMonth = await firstView({ ...range, timeZone: "America/Chicago" });
    const firstQuarter = await firstView({ from: addDays(to, -89), to, timeZone: "Asia/Kolkata" });
    const page = adminPage(db, { actorId: admin.id, ...range });
    return [
      { name: "PostgreSQL: seeding 100k conversations / 2M turns", value: Math.round(bench.seed.millis / 100) / 10, unit: "s" },
      { name: "Admin: whole page, first view of a zone, 30 days (once)", value: firstMonth, unit: "ms" },
      { name: "Admin: whole page, first view of a zone, 90 days (once)", value: firstQuarter, unit: "ms" },
      ...(await measurePage("Admin", page, "≤ 300 ms")),
      ...(await timeQuery("Admin: whole page, a conversation ended before each view", wholePage(page), { rounds: 30, target: "≤ 300 ms", before: () => endConversationNow(db, userId) })),
      { name: "Insights: conversations of the user measured (all time)", value: sessions, unit: "" },
      ...(await measurePage("Insights", insightsPage(db, { userId, ...range }), "≤ 100 ms")),
    ];
  } finally {
    await bench.dispose();
  }
}
