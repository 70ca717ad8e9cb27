/* How analytics numbers read on screen. Tables and CSV carry the unformatted values. */

const integer = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat("en-US", { maximumFractionDigits: 1 });
const compact = new Intl.NumberFormat("en-US", { notation: "compact", maximumFractionDigits: 1 });
const percent = new Intl.NumberFormat("en-US", { style: "percent", maximumFractionDigits: 1 });

export const formatCount = (value: number) => integer.format(value);
export const formatMinutes = (value: number) => oneDecimal.format(value);
export const formatCompact = (value: number) => (Math.abs(value) < 10_000 ? integer.format(value) : compact.format(value));
export const formatMs = (value: number | null) => (value === null ? "—" : `${integer.format(value)} ms`);
export const formatPercent = (value: number | null) => (value === null ? "—" : percent.format(value));

export function formatUsd(value: number): string {
  // Small deployments spend fractions of a cent; two decimals would read as zero.
  const digits = value !== 0 && Math.abs(value) < 1 ? 4 : 2;
  return new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", minimumFractionDigits: 2, maximumFractionDigits: digits }).format(value);
}

const dayFormat = new Intl.DateTimeFormat("en-US", { month: "short", day: "numeric", timeZone: "UTC" });
const longDayFormat = new Intl.DateTimeFormat("en-US", { weekday: "short", month: "short", day: "numeric", year: "numeric", timeZone: "UTC" });

/** A `YYYY-MM-DD` day as "Mar 10" (the day is already in the viewer's zone). */
export const formatDay = (day: string) => dayFormat.format(new Date(`${day}T00:00:00Z`));
export const formatLongDay = (day: string) => longDayFormat.format(new Date(`${day}T00:00:00Z`));

const rangeDayFormat = new Intl.DateTimeFormat("en-US", { month: "short", day: "numeric", year: "numeric", timeZone: "UTC" });

export function formatRange({ from, to }: { from: string; to: string }): string {
  const day = (value: string) => rangeDayFormat.format(new Date(`${value}T00:00:00Z`));
  return from === to ? day(from) : `${day(from)} – ${day(to)}`;
}

export const WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"] as const;

export type SeriesUnit = "count" | "minutes" | "ms" | "usd" | "tokens" | "percent";

const axisNumber = new Intl.NumberFormat("en-US", { maximumFractionDigits: 2 });
const axisFraction = new Intl.NumberFormat("en-US", { maximumSignificantDigits: 3 });

/** A tick's number with as many digits as a "nice" tick has: 0.25 minutes is not "0". */
function axisValue(value: number): string {
  const size = Math.abs(value);
  if (size >= 10_000) return compact.format(value);
  return size > 0 && size < 1 ? axisFraction.format(value) : axisNumber.format(value);
}

/** Short labels for a chart's value axis; two different ticks never read alike. */
export function axisTickFormatter(unit: SeriesUnit): (value: number) => string {
  if (unit === "usd") return (v: number) => (v === 0 ? "$0" : `$${axisValue(v)}`);
  if (unit === "ms") return (v: number) => (v >= 1000 ? `${axisNumber.format(v / 1000)}s` : axisValue(v));
  if (unit === "percent") return (v: number) => `${Number((v * 100).toPrecision(3))}%`;
  return axisValue;
}

/** Counts come in whole units; every other series may need a fraction on its axis. */
export const axisAllowsDecimals = (unit: SeriesUnit) => unit !== "count";
