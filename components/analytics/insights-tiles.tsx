import { formatCount, formatMinutes, formatMs, formatUsd } from "@/lib/analytics/format";
import type { InsightsData } from "@/lib/analytics/dashboard-data";
import { PRICES_AS_OF } from "@/lib/analytics/pricing";
import { activityTable, heatmapTable, latencyTable, tokensTable, usageTable } from "@/lib/analytics/tables";
import { BreakdownBars } from "./charts/breakdown-bars";
import { HeatmapGrid } from "./charts/heatmap-grid";
import { TimeSeriesChart } from "./charts/time-series-chart";
import { ChartCard } from "./chart-card";
import { csvHref, type CsvSource } from "./csv-link";
import { StatTile } from "./stat-tile";

/* Async server components, each awaiting its own query inside the Suspense boundary around it. */

type Totals = Awaited<InsightsData["totals"]>;

export const TOTAL_STATS: { key: string; label: string; value: (t: Totals) => string; hint?: (t: Totals) => string }[] = [
  { key: "conversations", label: "Conversations", value: (t) => formatCount(t.conversations), hint: (t) => (t.errors > 0 ? `${formatCount(t.errors)} ended in an error` : "none ended in an error") },
  { key: "minutes", label: "Minutes talked", value: (t) => formatMinutes(t.minutes), hint: (t) => (t.conversations > 0 ? `${formatMinutes(t.minutes / t.conversations)} min on average` : "no conversations") },
  { key: "turns", label: "Turns", value: (t) => formatCount(t.turns), hint: () => "yours and the companion's" },
  { key: "response-mean", label: "Mean response", value: (t) => formatMs(t.responseMeanMs === null ? null : Math.round(t.responseMeanMs)), hint: () => "end of speech → first audio" },
  { key: "response-p95", label: "p95 response", value: (t) => formatMs(t.responseP95Ms), hint: (t) => (t.responseP50Ms === null ? "no answers in this range" : `p50 ${formatMs(t.responseP50Ms)}`) },
  { key: "interruptions", label: "Interruptions", value: (t) => formatCount(t.interruptions), hint: () => "answers cut short by you" },
];

export async function TotalStat({ totals, stat }: { totals: Promise<Totals>; stat: (typeof TOTAL_STATS)[number] }) {
  const t = await totals;
  return <StatTile testId={stat.key} label={stat.label} value={stat.value(t)} hint={stat.hint?.(t)} />;
}

export async function ActivityTile({ data, csv }: { data: InsightsData["activity"]; csv: CsvSource }) {
  const series = await data;
  const table = activityTable(series);
  return (
    <ChartCard title="Conversations and minutes" description="Per day" testId="activity" table={table} csvHref={csvHref(csv, "activity")} empty={series.every((d) => d.conversations === 0)}>
      <TimeSeriesChart
        ariaLabel="Conversations (bars) and minutes talked (line) per day"
        data={table.rows}
        series={[
          { key: "conversations", label: "Conversations", kind: "bar", color: 1, unit: "count" },
          { key: "minutes", label: "Minutes", kind: "line", color: 3, unit: "minutes", axis: "right" },
        ]}
      />
    </ChartCard>
  );
}

export async function LatencyTile({ data, csv, p99 = false }: { data: InsightsData["latency"]; csv: CsvSource; p99?: boolean }) {
  const series = await data;
  const table = latencyTable(series, { p99 });
  return (
    <ChartCard
      title="Response time"
      description={p99 ? "p50, p95 and p99 per day, nearest rank over every answer" : "p50 and p95 per day, nearest rank over every answer"}
      testId="latency"
      table={table}
      csvHref={csvHref(csv, "latency")}
      empty={series.every((d) => d.samples === 0)}
    >
      <TimeSeriesChart
        ariaLabel="Response time percentiles per day, in milliseconds"
        data={table.rows}
        series={[
          { key: "p50", label: "p50", kind: "line", color: 2, unit: "ms" },
          { key: "p95", label: "p95", kind: "line", color: 1, unit: "ms" },
          ...(p99 ? [{ key: "p99", label: "p99", kind: "line" as const, color: 4 as const, unit: "ms" as const }] : []),
        ]}
      />
    </ChartCard>
  );
}

export async function TokensTile({ data, csv }: { data: InsightsData["tokens"]; csv: CsvSource }) {
  const series = await data;
  const table = tokensTable(series);
  const total = series.reduce((sum, d) => sum + d.costUsd, 0);
  return (
    <ChartCard
      title="Tokens and cost"
      description={`${formatUsd(total)} estimated in this range · list prices of ${PRICES_AS_OF}, audio in and out`}
      testId="tokens"
      table={table}
      csvHref={csvHref(csv, "tokens")}
      empty={series.every((d) => d.tokensIn + d.tokensOut === 0)}
      emptyHint="No token usage reported between these dates."
      estimate
    >
      <TimeSeriesChart
        ariaLabel="Input and output tokens (stacked bars) and estimated cost in US dollars (line) per day"
        data={table.rows}
        series={[
          { key: "tokensIn", label: "Input tokens", kind: "bar", color: 1, unit: "tokens", stack: "tokens" },
          { key: "tokensOut", label: "Output tokens", kind: "bar", color: 2, unit: "tokens", stack: "tokens" },
          { key: "costUsd", label: "Est. cost", kind: "line", color: 3, unit: "usd", axis: "right" },
        ]}
      />
    </ChartCard>
  );
}

export async function HeatmapTile({ data, csv, title = "When you talk" }: { data: InsightsData["heatmap"]; csv: CsvSource; title?: string }) {
  const cells = await data;
  return (
    <ChartCard title={title} description="Conversations started, by weekday and hour" testId="heatmap" table={heatmapTable(cells)} csvHref={csvHref(csv, "heatmap")} empty={cells.length === 0}>
      <HeatmapGrid cells={cells} ariaLabel="Conversations by weekday and hour of day" />
    </ChartCard>
  );
}

type UsageKind = "voices" | "personas" | "models";
const USAGE: Record<UsageKind, { title: string; header: string }> = {
  voices: { title: "Voices", header: "Voice" },
  personas: { title: "Personas", header: "Persona" },
  models: { title: "Models", header: "Model" },
};

export async function UsageTile({ data, csv, kind }: { data: InsightsData["usage"]; csv: CsvSource; kind: UsageKind }) {
  const slices = (await data)[kind];
  const { title, header } = USAGE[kind];
  return (
    <ChartCard title={title} description="Conversations and minutes" testId={kind} table={usageTable(slices, header)} csvHref={csvHref(csv, kind)} empty={slices.length === 0}>
      <BreakdownBars slices={slices} ariaLabel={`Conversations per ${header.toLowerCase()}`} testId={kind} />
    </ChartCard>
  );
}
