import { Suspense } from "react";
import { loadInsights, type AnalyticsViewer } from "@/lib/analytics/dashboard-data";
import type { DateRange } from "@/lib/analytics/range";
import { ChartSkeleton } from "./chart-card";
import type { CsvSource } from "./csv-link";
import { ActivityTile, HeatmapTile, LatencyTile, TOTAL_STATS, TokensTile, TotalStat, UsageTile } from "./insights-tiles";
import { StatGrid, StatTileSkeleton } from "./stat-tile";

/**
 * One user's Insights for a range: the user's own page, or an admin's view of any user (the
 * drill-down), where the admin queries apply: admins only, no persona names.
 */
export function UserInsights({ viewer, userId, range, timeZone }: { viewer: AnalyticsViewer; userId: string; range: DateRange; timeZone: string }) {
  const zoned = { from: range.from, to: range.to, timeZone };
  const data = loadInsights({ viewer, userId, range: zoned });
  const own = viewer.id === userId;
  const csv: CsvSource = own ? { endpoint: "/api/insights/csv", range: zoned } : { endpoint: "/api/admin/analytics/csv", range: zoned, userId };
  return (
    <div className="flex flex-col gap-4" data-testid="user-insights">
      <StatGrid>
        {TOTAL_STATS.map((stat) => (
          <Suspense key={stat.key} fallback={<StatTileSkeleton label={stat.label} />}>
            <TotalStat totals={data.totals} stat={stat} />
          </Suspense>
        ))}
      </StatGrid>
      <Suspense fallback={<ChartSkeleton title="Conversations and minutes" />}>
        <ActivityTile data={data.activity} csv={csv} />
      </Suspense>
      <div className="grid gap-4 md:grid-cols-2">
        <Suspense fallback={<ChartSkeleton title="Response time" />}>
          <LatencyTile data={data.latency} csv={csv} />
        </Suspense>
        <Suspense fallback={<ChartSkeleton title="Tokens and cost" />}>
          <TokensTile data={data.tokens} csv={csv} />
        </Suspense>
      </div>
      <Suspense fallback={<ChartSkeleton title="When you talk" />}>
        <HeatmapTile data={data.heatmap} csv={csv} title={own ? "When you talk" : "When they talk"} />
      </Suspense>
      <div className="grid gap-4 md:grid-cols-2">
        <Suspense fallback={<ChartSkeleton title="Voices" />}>
          <UsageTile data={data.usage} csv={csv} kind="voices" />
        </Suspense>
        <Suspense fallback={<ChartSkeleton title="Personas" />}>
          <UsageTile data={data.usage} csv={csv} kind="personas" />
        </Suspense>
      </div>
    </div>
  );
}
