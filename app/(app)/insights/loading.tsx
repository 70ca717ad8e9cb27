import { ChartSkeleton } from "@/components/analytics/chart-card";
import { StatGrid, StatTileSkeleton } from "@/components/analytics/stat-tile";
import { PageHeader } from "@/components/shell/page-header";

export default function InsightsLoading() {
  return (
    <>
      <PageHeader title="Insights" description="How you talk with LiveMind: how often, how long, and how fast it answers." />
      <StatGrid>
        {["Conversations", "Minutes talked", "Turns", "Mean response", "p95 response", "Interruptions"].map((label) => (
          <StatTileSkeleton key={label} label={label} />
        ))}
      </StatGrid>
      <ChartSkeleton title="Conversations and minutes" className="mt-4" />
    </>
  );
}
