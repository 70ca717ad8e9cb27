import type { DataTable } from "./csv";
import { WEEKDAYS } from "./format";

/*
 * The numbers behind each chart as a table: shown under the chart on request and served as
 * CSV, from the same function, so the download always matches what was drawn.
 */

type Cell = string | number | null;
type Row = Record<string, Cell>;

/** Four decimals are plenty for minutes and dollars, and keep CSV free of float noise. */
export const round = (value: number | null) => (value === null ? null : Math.round(value * 10_000) / 10_000);

const table = (columns: [key: string, label: string][], rows: Row[]): DataTable<Row> => ({
  columns: columns.map(([key, label]) => ({ key, label })),
  rows,
});

export interface ActivityRow {
  day: string;
  conversations: number;
  minutes: number;
  errors: number;
  activeUsers: number;
}

export function activityTable(series: ActivityRow[]) {
  return table(
    [
      ["day", "Day"],
      ["conversations", "Conversations"],
      ["minutes", "Minutes"],
    ],
    series.map((d) => ({ day: d.day, conversations: d.conversations, minutes: round(d.minutes) })),
  );
}

export const errorRate = (d: { conversations: number; errors: number }) => (d.conversations > 0 ? d.errors / d.conversations : null);

export function errorRateTable(series: ActivityRow[]) {
  return table(
    [
      ["day", "Day"],
      ["conversations", "Conversations"],
      ["errors", "Ended in error"],
      ["errorRate", "Error rate"],
    ],
    series.map((d) => ({ day: d.day, conversations: d.conversations, errors: d.errors, errorRate: round(errorRate(d)) })),
  );
}

export function usersTable(activity: ActivityRow[], signups: { day: string; signups: number }[]) {
  const signupsByDay = new Map(signups.map((d) => [d.day, d.signups]));
  return table(
    [
      ["day", "Day"],
      ["activeUsers", "Active users"],
      ["signups", "New sign-ups"],
    ],
    activity.map((d) => ({ day: d.day, activeUsers: d.activeUsers, signups: signupsByDay.get(d.day) ?? 0 })),
  );
}

export function latencyTable(series: { day: string; p50: number | null; p95: number | null; p99: number | null; samples: number }[], { p99 }: { p99: boolean }) {
  const columns: [string, string][] = [
    ["day", "Day"],
    ["p50", "p50 (ms)"],
    ["p95", "p95 (ms)"],
    ...(p99 ? ([["p99", "p99 (ms)"]] as [string, string][]) : []),
    ["samples", "Answers"],
  ];
  return table(columns, series.map((d) => ({ day: d.day, p50: d.p50, p95: d.p95, p99: d.p99, samples: d.samples })));
}

export function tokensTable(series: { day: string; tokensIn: number; tokensOut: number; costUsd: number }[]) {
  return table(
    [
      ["day", "Day"],
      ["tokensIn", "Input tokens"],
      ["tokensOut", "Output tokens"],
      ["costUsd", "Estimated cost (USD)"],
    ],
    series.map((d) => ({ day: d.day, tokensIn: d.tokensIn, tokensOut: d.tokensOut, costUsd: round(d.costUsd) })),
  );
}

export function heatmapTable(cells: { weekday: number; hour: number; conversations: number }[]) {
  return table(
    [
      ["weekday", "Weekday"],
      ["hour", "Hour"],
      ["conversations", "Conversations"],
    ],
    cells.map((c) => ({ weekday: WEEKDAYS[c.weekday - 1] ?? String(c.weekday), hour: `${String(c.hour).padStart(2, "0")}:00`, conversations: c.conversations })),
  );
}

export function usageTable(slices: { label: string; conversations: number; minutes: number }[], labelHeader: string) {
  return table(
    [
      ["label", labelHeader],
      ["conversations", "Conversations"],
      ["minutes", "Minutes"],
    ],
    slices.map((s) => ({ label: s.label, conversations: s.conversations, minutes: round(s.minutes) })),
  );
}

export function topUsersTable(users: { name: string; email: string; conversations: number; minutes: number; tokensIn: number; tokensOut: number; costUsd: number }[]) {
  return table(
    [
      ["name", "Name"],
      ["email", "Email"],
      ["conversations", "Conversations"],
      ["minutes", "Minutes"],
      ["tokens", "Tokens"],
      ["costUsd", "Estimated cost (USD)"],
    ],
    users.map((u) => ({ name: u.name, email: u.email, conversations: u.conversations, minutes: round(u.minutes), tokens: u.tokensIn + u.tokensOut, costUsd: round(u.costUsd) })),
  );
}

export function errorsTable(errors: { message: string; conversations: number; lastSeenAt: Date }[]) {
  return table(
    [
      ["message", "Error message"],
      ["conversations", "Conversations"],
      ["lastSeenAt", "Last seen (UTC)"],
    ],
    errors.map((e) => ({ message: e.message, conversations: e.conversations, lastSeenAt: e.lastSeenAt.toISOString() })),
  );
}
