import { z } from "zod";
import { isoDay } from "@/lib/validation/calendar";

/*
 * A date range is a run of whole days in the viewer's time zone, both ends included, as
 * `YYYY-MM-DD` strings. Presets end today; a custom range comes from the URL.
 */

export const RANGE_PRESETS = ["7d", "30d", "90d"] as const;
export type RangePreset = (typeof RANGE_PRESETS)[number] | "custom";

export const MAX_RANGE_DAYS = 366;

export interface DateRange {
  preset: RangePreset;
  /** First day, inclusive. */
  from: string;
  /** Last day, inclusive. */
  to: string;
}

/** A range and the zone its days are counted in: what every analytics query takes. */
export interface ZonedRange {
  from: string;
  to: string;
  timeZone: string;
}

export const rangeShape = {
  range: z.enum([...RANGE_PRESETS, "custom"]).default("30d"),
  from: isoDay.optional(),
  to: isoDay.optional(),
};

/** A custom range needs both ends, in order, at most MAX_RANGE_DAYS apart. */
export function checkCustomRange(value: { range: string; from?: string; to?: string }, ctx: z.RefinementCtx): void {
  if (value.range !== "custom") return;
  if (!value.from || !value.to) {
    ctx.addIssue({ code: "custom", path: ["from"], message: "A custom range needs a from and a to date." });
    return;
  }
  const days = dayDiff(value.from, value.to) + 1;
  if (days < 1) ctx.addIssue({ code: "custom", path: ["to"], message: "The range ends before it starts." });
  if (days > MAX_RANGE_DAYS) ctx.addIssue({ code: "custom", path: ["to"], message: `A range can span at most ${MAX_RANGE_DAYS} days.` });
}

export const rangeParams = z.object(rangeShape).superRefine(checkCustomRange);
export type RangeParams = z.infer<typeof rangeParams>;

function toUtcDate(day: string): Date {
  return new Date(`${day}T00:00:00Z`);
}

export function addDays(day: string, days: number): string {
  const date = toUtcDate(day);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** Whole days from `a` to `b` (negative when b is earlier). */
export function dayDiff(a: string, b: string): number {
  return Math.round((toUtcDate(b).getTime() - toUtcDate(a).getTime()) / 86_400_000);
}

/** The calendar day it is at `now` in the zone. */
export function todayIn(timeZone: string, now = new Date()): string {
  const parts = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).formatToParts(now);
  const get = (type: string) => parts.find((part) => part.type === type)?.value ?? "";
  return `${get("year")}-${get("month")}-${get("day")}`;
}

export function resolveRange(params: RangeParams, { timeZone, now = new Date() }: { timeZone: string; now?: Date }): DateRange {
  if (params.range === "custom" && params.from && params.to) return { preset: "custom", from: params.from, to: params.to };
  const preset = params.range === "custom" ? "30d" : params.range;
  const to = todayIn(timeZone, now);
  return { preset, from: addDays(to, -(Number.parseInt(preset, 10) - 1)), to };
}

/** Reads the URL's range; invalid input falls back to the default rather than failing the page. */
export function rangeFromSearchParams(search: Record<string, string | string[] | undefined>, options: { timeZone: string; now?: Date }): DateRange {
  const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);
  const parsed = rangeParams.safeParse({ range: first(search.range), from: first(search.from), to: first(search.to) });
  return resolveRange(parsed.success ? parsed.data : { range: "30d" }, options);
}

/** Every day of the range, in order: charts show quiet days as zero, not as gaps. */
export function listDays({ from, to }: { from: string; to: string }): string[] {
  const days: string[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) days.push(day);
  return days;
}

/** The URL parameters that reproduce a range. */
export function rangeSearch(range: DateRange): Record<string, string> {
  return range.preset === "custom" ? { range: "custom", from: range.from, to: range.to } : { range: range.preset };
}
