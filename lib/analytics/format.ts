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
