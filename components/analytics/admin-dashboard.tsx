import { Suspense } from "react";
import { toActiveSessionsView } from "@/lib/analytics/active-sessions";
import { loadAdminDashboard, type AdminDashboardData, type AnalyticsViewer } from "@/lib/analytics/dashboard-data";
import type { DateRange } from "@/lib/analytics/range";
import { ActiveSessions } from "./active-sessions";
import { ApiUsageTile } from "./api-usage-tile";
import { ActiveUserStats, AdminTotalStats, ErrorRateTile, TopErrorsTile, TopUsersTile, UsersTile } from "./admin-tiles";
import { ChartSkeleton } from "./chart-card";
import type { CsvSource } from "./csv-link";
import { ActivityTile, HeatmapTile, LatencyTile, TokensTile, UsageTile } from "./insights-tiles";
import { StatGrid, StatTileSkeleton } from "./stat-tile";

async function ActiveNow({ data }: { data: AdminDashboardData["activeNow"] }) {
  return <ActiveSessions initial={toActiveSessionsView(await data)} />;
}

const skeletons = (labels: string[]) => labels.map((label) => <StatTileSkeleton key={label} label={label} />);

/** Everything across all users for a range: aggregates and metadata only, never what anyone said. */
export function AdminDashboard({ viewer, range, timeZone }: { viewer: AnalyticsViewer; range: DateRange; timeZone: string }) {
  const zoned = { from: range.from, to: range.to, timeZone };
  const data = loadAdminDashboard({ viewer, range: zoned });
  const csv: CsvSource = { endpoint: "/api/admin/analytics/csv", range: zoned };
  return (
    <div className="flex flex-col gap-4" data-testid="admin-dashboard">
      <Suspense fallback={<ChartSkeleton title="Active now" className="h-24" />}>
        <ActiveNow data={data.activeNow} />
      </Suspense>
      <StatGrid className="lg:grid-cols-4">
        <Suspense fallback={skeletons(["Daily active", "Weekly active", "Monthly active", "New sign-ups"])}>
          <ActiveUserStats data={data} />
        </Suspense>
      </StatGrid>
      <StatGrid>
        <Suspense fallback={skeletons(["Conversations", "Minutes", "Error rate", "p95 response", "Tokens", "Est. cost"])}>
          <AdminTotalStats data={data} />
        </Suspense>
      </StatGrid>
      <Suspense fallback={<ChartSkeleton title="Conversations and minutes" />}>
        <ActivityTile data={data.activity} csv={csv} />
      </Suspense>
      <div className="grid gap-4 md:grid-cols-2">
        <Suspense fallback={<ChartSkeleton title="People" />}>
          <UsersTile data={data} csv={csv} />
        </Suspense>
        <Suspense fallback={<ChartSkeleton title="Response time" />}>
          <LatencyTile data={data.latency} csv={csv} p99 />
        </Suspense>
        <Suspense fallback={<ChartSkeleton title="Error rate" />}>
          <ErrorRateTile data={data} csv={csv} />
        </Suspense>
        <Suspense fallback={<ChartSkeleton title="Most frequent errors" />}>
          <TopErrorsTile data={data} csv={csv} />
        </Suspense>
      </div>
      <Suspense fallback={<ChartSkeleton title="Tokens and cost" />}>
        <TokensTile data={data.tokens} csv={csv} />
      </Suspense>
      <Suspense fallback={<ChartSkeleton title="Top users" />}>
        <TopUsersTile data={data} csv={csv} />
      </Suspense>
      <div className="grid gap-4 md:grid-cols-3">
        <Suspense fallback={<ChartSkeleton title="Models" />}>
          <UsageTile data={data.usage} csv={csv} kind="models" />
        </Suspense>
        <Suspense fallback={<ChartSkeleton title="Voices" />}>
          <UsageTile data={data.usage} csv={csv} kind="voices" />
        </Suspense>
        <Suspense fallback={<ChartSkeleton title="Personas" />}>
          <UsageTile data={data.usage} csv={csv} kind="personas" />
        </Suspense>
      </div>
      <Suspense fallback={<ChartSkeleton title="When people talk" />}>
        <HeatmapTile data={data.heatmap} csv={csv} title="When people talk" />
      </Suspense>
      <Suspense fallback={<ChartSkeleton title="API requests" />}>
        <ApiUsageTile data={data} />
      </Suspense>
    </div>
  );
}
