"use client";

import { Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { axisAllowsDecimals, axisTickFormatter, formatCompact, formatCount, formatDay, formatLongDay, formatMinutes, formatMs, formatPercent, formatUsd, type SeriesUnit } from "@/lib/analytics/format";

export interface Series {
  key: string;
  label: string;
  kind: "bar" | "line";
  /** 1–5: the --color-chart-N token, readable in light and dark. */
  color: 1 | 2 | 3 | 4 | 5;
  unit: SeriesUnit;
  axis?: "left" | "right";
  stack?: string;
}

const formatters: Record<SeriesUnit, (value: number) => string> = {
  count: formatCount,
  minutes: (v) => `${formatMinutes(v)} min`,
  ms: (v) => formatMs(v),
  usd: formatUsd,
  tokens: formatCompact,
  percent: (v) => formatPercent(v),
};

const axisTick = { fill: "var(--color-fg-muted)", fontSize: 11 };

/** Days along the bottom, one or two value axes; bars and lines share the tooltip. */
export function TimeSeriesChart({ data, series, ariaLabel, height = 220 }: { data: Record<string, string | number | null>[]; series: Series[]; ariaLabel: string; height?: number }) {
  const left = series.find((s) => (s.axis ?? "left") === "left");
  const right = series.find((s) => s.axis === "right");
  const byKey = new Map(series.map((s) => [s.key, s]));
  return (
    <div role="img" aria-label={ariaLabel} style={{ height }} className="w-full">
      <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 600, height }}>
        <ComposedChart data={data} margin={{ top: 4, right: right ? 4 : 8, bottom: 0, left: 0 }} accessibilityLayer>
          <CartesianGrid vertical={false} stroke="var(--color-border)" />
          <XAxis dataKey="day" tickFormatter={formatDay} tick={axisTick} tickLine={false} axisLine={{ stroke: "var(--color-border)" }} minTickGap={16} />
          <YAxis yAxisId="left" tick={axisTick} tickLine={false} axisLine={false} width={48} tickFormatter={left ? axisTickFormatter(left.unit) : undefined} allowDecimals={left ? axisAllowsDecimals(left.unit) : false} />
          {right ? <YAxis yAxisId="right" orientation="right" tick={axisTick} tickLine={false} axisLine={false} width={52} tickFormatter={axisTickFormatter(right.unit)} allowDecimals={axisAllowsDecimals(right.unit)} /> : null}
          <Tooltip
            cursor={{ fill: "var(--color-surface-muted)", stroke: "var(--color-border)" }}
            contentStyle={{ background: "var(--color-surface)", border: "1px solid var(--color-border)", borderRadius: 10, color: "var(--color-fg)", fontSize: 12, boxShadow: "0 4px 16px rgb(0 0 0 / 0.12)" }}
            labelStyle={{ color: "var(--color-fg)", fontWeight: 600, marginBottom: 4 }}
            itemStyle={{ padding: 0 }}
            labelFormatter={(label) => formatLongDay(String(label))}
            formatter={(value, name, item) => {
              const s = byKey.get(String(item.dataKey));
              if (value === null || value === undefined || !s) return ["—", name];
              return [formatters[s.unit](Number(value)), name];
            }}
          />
          <Legend iconType="circle" iconSize={8} wrapperStyle={{ fontSize: 12, color: "var(--color-fg-muted)", paddingTop: 4 }} />
          {series.map((s) =>
            s.kind === "bar" ? (
              <Bar key={s.key} dataKey={s.key} name={s.label} yAxisId={s.axis ?? "left"} fill={`var(--color-chart-${s.color})`} radius={s.stack ? 0 : [3, 3, 0, 0]} maxBarSize={28} stackId={s.stack} isAnimationActive={false} />
            ) : (
              <Line key={s.key} dataKey={s.key} name={s.label} yAxisId={s.axis ?? "left"} stroke={`var(--color-chart-${s.color})`} strokeWidth={2} dot={data.length <= 31 ? { r: 2.5 } : false} connectNulls={false} type="linear" isAnimationActive={false} />
            ),
          )}
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}
