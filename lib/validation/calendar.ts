import { z } from "zod";

/*
 * The one check of a calendar date or instant written as text. A string can look right and
 * still not exist (2024-02-31, 9999-99-99T99:99:99Z) or exist for JavaScript but not for
 * Postgres (year 0000: Postgres counts 1 BC, 1 AD), and either of those reaching SQL is a 500.
 */

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const INSTANT = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2}):(\d{2})\.\d{6}Z$/;

/** A `YYYY-MM-DD` day that is on the calendar, years 0001–9999. */
export function isCalendarDay(value: string): boolean {
  const match = DAY.exec(value);
  if (!match || match[1] === "0000") return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** A UTC instant as the database writes sort keys: `YYYY-MM-DDTHH:MM:SS.ffffffZ`, on the calendar. */
export function isExactInstant(value: string): boolean {
  const match = INSTANT.exec(value);
  if (!match) return false;
  const [, day, hours, minutes, seconds] = match;
  return isCalendarDay(day!) && Number(hours) < 24 && Number(minutes) < 60 && Number(seconds) < 60;
}

export const isoDay = z.string().regex(DAY, "Use a YYYY-MM-DD date.").refine(isCalendarDay, "Not a calendar date.");
