import Link from "next/link";
import { formatCompact, formatCount, formatMinutes, formatMs, formatPercent, formatUsd } from "@/lib/analytics/format";
import type { AdminDashboardData } from "@/lib/analytics/dashboard-data";
import { errorRate, errorRateTable, errorsTable, topUsersTable, usersTable } from "@/lib/analytics/tables";
import { TimeSeriesChart } from "./charts/time-series-chart";
import { ChartCard } from "./chart-card";
import { csvHref, type CsvSource } from "./csv-link";
import { StatTile } from "./stat-tile";

type Totals = Awaited<AdminDashboardData["totals"]>;

export async function AdminTotalStats({ data }: { data: AdminDashboardData }) {
  const [t, tokens] = await Promise.all([data.totals, data.tokens]);
  const cost = tokens.reduce((sum, d) => sum + d.costUsd, 0);
  const rate = t.conversations > 0 ? t.errors / t.conversations : null;
  return (
    <>
      <StatTile testId="conversations" label="Conversations" value={formatCount(t.conversations)} hint={`${formatCount(t.turns)} turns`} />
      <StatTile testId="minutes" label="Minutes" value={formatMinutes(t.minutes)} hint={t.conversations > 0 ? `${formatMinutes(t.minutes / t.conversations)} min each` : "no conversations"} />
      <StatTile testId="error-rate" label="Error rate" value={formatPercent(rate)} hint={`${formatCount(t.errors)} ended in an error`} tone={rate !== null && rate >= 0.05 ? "danger" : "neutral"} />
      <StatTile testId="response-p95" label="p95 response" value={formatMs(t.responseP95Ms)} hint={`p50 ${formatMs(t.responseP50Ms)} · p99 ${formatMs(t.responseP99Ms)}`} />
      <StatTile testId="tokens" label="Tokens" value={formatCompact(t.tokensIn + t.tokensOut)} hint={`${formatCompact(t.tokensIn)} in · ${formatCompact(t.tokensOut)} out`} />
      <StatTile testId="cost" label="Est. cost" value={formatUsd(cost)} hint="estimate from list prices" />
    </>
  );
}

export async function ActiveUserStats({ data }: { data: AdminDashboardData }) {
  const [active, signups] = await Promise.all([data.activeUsers, data.signups]);
  const newUsers = signups.reduce((sum, d) => sum + d.signups, 0);
  return (
    <>
      <StatTile testId="dau" label="Daily active" value={formatCount(active.dau)} hint="last day of the range" />
      <StatTile testId="wau" label="Weekly active" value={formatCount(active.wau)} hint="its last 7 days" />
      <StatTile testId="mau" label="Monthly active" value={formatCount(active.mau)} hint={`of ${formatCount(active.totalUsers)} accounts, 30 days`} />
      <StatTile testId="signups" label="New sign-ups" value={formatCount(newUsers)} hint="in this range" />
    </>
  );
}

export async function UsersTile({ data, csv }: { data: AdminDashboardData; csv: CsvSource }) {
  const [activity, signups] = await Promise.all([data.activity, data.signups]);
  const table = usersTable(activity, signups);
  return (
    <ChartCard title="People" description="Active users and new sign-ups per day" testId="users" table={table} csvHref={csvHref(csv, "users")} empty={table.rows.every((r) => r.activeUsers === 0 && r.signups === 0)} emptyHint="Nobody talked or signed up between these dates.">
      <TimeSeriesChart
        ariaLabel="Active users (line) and new sign-ups (bars) per day"
        data={table.rows}
        series={[
          { key: "signups", label: "New sign-ups", kind: "bar", color: 2, unit: "count" },
          { key: "activeUsers", label: "Active users", kind: "line", color: 1, unit: "count" },
        ]}
      />
    </ChartCard>
  );
}

export async function ErrorRateTile({ data, csv }: { data: AdminDashboardData; csv: CsvSource }) {
  const activity = await data.activity;
  const table = errorRateTable(activity);
  const errors = activity.reduce((sum, d) => sum + d.errors, 0);
  return (
    <ChartCard title="Error rate" description="Conversations that ended in an error, per day" testId="error-rate" table={table} csvHref={csvHref(csv, "error-rate")} empty={activity.every((d) => d.conversations === 0)}>
      {errors === 0 ? <p className="mb-2 text-xs text-success">No conversation ended in an error in this range.</p> : null}
      <TimeSeriesChart
        ariaLabel="Conversations ended in error (bars) and error rate (line) per day"
        data={activity.map((d) => ({ day: d.day, errors: d.errors, errorRate: errorRate(d) }))}
        series={[
          { key: "errors", label: "Errors", kind: "bar", color: 4, unit: "count" },
          { key: "errorRate", label: "Error rate", kind: "line", color: 3, unit: "percent", axis: "right" },
        ]}
      />
    </ChartCard>
  );
}

export async function TopErrorsTile({ data, csv }: { data: AdminDashboardData; csv: CsvSource }) {
  const errors = await data.topErrors;
  return (
    <ChartCard title="Most frequent errors" description="Last error message of each failed conversation" testId="errors" table={errorsTable(errors)} csvHref={csvHref(csv, "errors")} empty={errors.length === 0} emptyHint="No conversation ended in an error between these dates.">
      <ol className="flex flex-col divide-y divide-border" data-testid="errors-list">
        {errors.map((error) => (
          <li key={error.message} className="flex items-start justify-between gap-3 py-2 first:pt-0 last:pb-0" data-testid="errors-item">
            <span className="min-w-0 text-sm break-words">{error.message}</span>
            <span className="shrink-0 rounded-full bg-danger-soft px-2 py-0.5 text-xs font-medium text-danger tabular-nums" data-testid="errors-count">
              {formatCount(error.conversations)}
            </span>
          </li>
        ))}
      </ol>
    </ChartCard>
  );
}

export async function TopUsersTile({ data, csv }: { data: AdminDashboardData; csv: CsvSource }) {
  const users = await data.topUsers;
  return (
    <ChartCard title="Top users" description="By minutes talked, with tokens and estimated cost" testId="top-users" table={topUsersTable(users)} csvHref={csvHref(csv, "top-users")} empty={users.length === 0} estimate>
      <div className="-mx-5 overflow-x-auto">
        <table className="w-full text-sm" data-testid="top-users-list">
          <thead className="text-left text-xs tracking-wide whitespace-nowrap text-fg-muted uppercase">
            <tr className="border-b border-border">
              <th scope="col" className="px-5 pb-2 font-medium">User</th>
              <th scope="col" className="px-2 pb-2 text-right font-medium">Conv.</th>
              <th scope="col" className="px-2 pb-2 text-right font-medium">Minutes</th>
              <th scope="col" className="hidden px-2 pb-2 text-right font-medium sm:table-cell">Tokens</th>
              <th scope="col" className="px-5 pb-2 text-right font-medium">Est. cost</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-border">
            {users.map((u) => (
              <tr key={u.userId} data-testid="top-users-row" data-email={u.email}>
                <td className="w-full max-w-0 px-5 py-2">
                  <Link href={`/admin/users/${encodeURIComponent(u.userId)}`} className="block truncate font-medium hover:text-accent">
                    {u.name}
                  </Link>
                  <span className="block truncate text-xs text-fg-muted">{u.email}</span>
                </td>
                <td className="px-2 py-2 text-right tabular-nums" data-testid="top-users-conversations">{formatCount(u.conversations)}</td>
                <td className="px-2 py-2 text-right tabular-nums" data-testid="top-users-minutes">{formatMinutes(u.minutes)}</td>
                <td className="hidden px-2 py-2 text-right tabular-nums sm:table-cell">{formatCompact(u.tokensIn + u.tokensOut)}</td>
                <td className="px-5 py-2 text-right tabular-nums" data-testid="top-users-cost">{formatUsd(u.costUsd)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </ChartCard>
  );
}

export type { Totals as AdminTotals };
