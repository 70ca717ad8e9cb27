import "server-only";
import type { ZonedRange } from "@/lib/analytics/range";
import type { Database } from "../index";
import {
  dailyActivityInScope,
  dailyLatencyInScope,
  dailyTokensInScope,
  heatmapInScope,
  totalsInScope,
  usageInScope,
} from "./analytics-metrics";
import type { AnalyticsScope } from "./analytics-sql";

export type { ActivityTotals, DailyActivity, DailyLatency, DailyTokens, HeatmapCell, UsageBreakdown, UsageSlice } from "./analytics-metrics";

/*
 * Insights: the acting user's own numbers. Each function takes `(db, { userId, from, to,
 * timeZone })` and only ever reads that user's conversations.
 */

export type InsightsParams = { userId: string } & ZonedRange;

const ownScope =
  <R>(metric: (db: Database, scope: AnalyticsScope, range: ZonedRange) => Promise<R>) =>
  (db: Database, { userId, from, to, timeZone }: InsightsParams): Promise<R> =>
    metric(db, { userId, ownView: true }, { from, to, timeZone });

export const getInsightsTotals = ownScope(totalsInScope);
export const getInsightsDailyActivity = ownScope(dailyActivityInScope);
export const getInsightsDailyLatency = ownScope(dailyLatencyInScope);
export const getInsightsDailyTokens = ownScope(dailyTokensInScope);
export const getInsightsHeatmap = ownScope(heatmapInScope);
export const getInsightsUsage = ownScope(usageInScope);
