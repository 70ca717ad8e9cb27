import "server-only";
import { getDb } from "@/db";
import * as own from "@/db/queries/analytics";
import * as admin from "@/db/queries/analytics-admin";
import { getAdminApiUsage } from "@/db/queries/api-usage-admin";
import type { DataTable } from "./csv";
import type { ZonedRange } from "./range";
import { activityTable, errorRateTable, errorsTable, heatmapTable, latencyTable, tokensTable, topUsersTable, usageTable, usersTable } from "./tables";

/*
 * What the Insights and Admin pages load, as promises started together so each tile can await
 * its own inside a Suspense boundary. A viewer looking at their own numbers uses the
 * user-scoped queries; anyone else goes through the admin queries, which refuse non-admins.
 */

export interface AnalyticsViewer {
  id: string;
}

export const INSIGHTS_CHARTS = ["activity", "latency", "tokens", "heatmap", "voices", "personas"] as const;
export const ADMIN_CHARTS = [...INSIGHTS_CHARTS, "models", "users", "error-rate", "top-users", "errors"] as const;
export type InsightsChart = (typeof INSIGHTS_CHARTS)[number];
export type AdminChart = (typeof ADMIN_CHARTS)[number];

/** `userId` null: every user (admin dashboard). */
function metrics(viewer: AnalyticsViewer, userId: string | null, range: ZonedRange) {
  const db = getDb();
  if (userId === viewer.id) {
    const params = { userId, ...range };
    return {
      totals: () => db.then((d) => own.getInsightsTotals(d, params)),
      activity: () => db.then((d) => own.getInsightsDailyActivity(d, params)),
      latency: () => db.then((d) => own.getInsightsDailyLatency(d, params)),
      tokens: () => db.then((d) => own.getInsightsDailyTokens(d, params)),
      heatmap: () => db.then((d) => own.getInsightsHeatmap(d, params)),
      usage: () => db.then((d) => own.getInsightsUsage(d, params)),
    };
  }
  const params = { actorId: viewer.id, userId, ...range };
  return {
    totals: () => db.then((d) => admin.getAdminTotals(d, params)),
    activity: () => db.then((d) => admin.getAdminDailyActivity(d, params)),
    latency: () => db.then((d) => admin.getAdminDailyLatency(d, params)),
    tokens: () => db.then((d) => admin.getAdminDailyTokens(d, params)),
    heatmap: () => db.then((d) => admin.getAdminHeatmap(d, params)),
    usage: () => db.then((d) => admin.getAdminUsage(d, params)),
  };
}

function startAll(m: ReturnType<typeof metrics>) {
  return { totals: m.totals(), activity: m.activity(), latency: m.latency(), tokens: m.tokens(), heatmap: m.heatmap(), usage: m.usage() };
}

/** One user's Insights: their own, or (for an admin) anyone's. */
export function loadInsights({ viewer, userId, range }: { viewer: AnalyticsViewer; userId: string; range: ZonedRange }) {
  return startAll(metrics(viewer, userId, range));
}
export type InsightsData = ReturnType<typeof loadInsights>;

/** The Admin dashboard across all users. The queries themselves check that the viewer is an admin. */
export function loadAdminDashboard({ viewer, range }: { viewer: AnalyticsViewer; range: ZonedRange }) {
  const params = { actorId: viewer.id, ...range };
  const db = getDb();
  return {
    ...startAll(metrics(viewer, null, range)),
    activeUsers: db.then((d) => admin.getAdminActiveUsers(d, params)),
    signups: db.then((d) => admin.getAdminDailySignups(d, params)),
    topUsers: db.then((d) => admin.getAdminTopUsers(d, params)),
    topErrors: db.then((d) => admin.getAdminTopErrors(d, params)),
    activeNow: db.then((d) => admin.getActiveSessionsNow(d, { actorId: viewer.id })),
    apiUsage: db.then((d) => getAdminApiUsage(d, params)),
  };
}
export type AdminDashboardData = ReturnType<typeof loadAdminDashboard>;

/** The table behind one chart, for its CSV; `userId` null is every user (admins only). */
export async function loadChartTable(chart: AdminChart, { viewer, userId, range }: { viewer: AnalyticsViewer; userId: string | null; range: ZonedRange }): Promise<DataTable> {
  const m = metrics(viewer, userId, range);
  const everyone = userId === null;
  const params = { actorId: viewer.id, ...range };
  switch (chart) {
    case "activity":
      return activityTable(await m.activity());
    case "latency":
      return latencyTable(await m.latency(), { p99: everyone });
    case "tokens":
      return tokensTable(await m.tokens());
    case "heatmap":
      return heatmapTable(await m.heatmap());
    case "voices":
      return usageTable((await m.usage()).voices, "Voice");
    case "personas":
      return usageTable((await m.usage()).personas, "Persona");
    case "models":
      return usageTable((await m.usage()).models, "Model");
    case "error-rate":
      return errorRateTable(await m.activity());
    case "users": {
      const [activity, signups] = await Promise.all([m.activity(), getDb().then((d) => admin.getAdminDailySignups(d, params))]);
      return usersTable(activity, signups);
    }
    case "top-users":
      return topUsersTable(await admin.getAdminTopUsers(await getDb(), params));
    case "errors":
      return errorsTable(await admin.getAdminTopErrors(await getDb(), params));
  }
}
