import { POSTGRES_TIME_ZONES } from "./postgres-time-zones";

/*
 * The viewer's IANA time zone, as the browser reports it (a cookie set by a small client
 * component) or a URL carries it. Days are counted by Postgres (`at time zone`) and formatted by
 * Intl, so a zone must be known to both: a name only Node knows (US/Pacific-New) would reach
 * SQL and fail there. Anything else is replaced by UTC or refused.
 */

export const TIME_ZONE_COOKIE = "livemind_tz";
export const DEFAULT_TIME_ZONE = "UTC";

export function isValidTimeZone(value: unknown): value is string {
  if (typeof value !== "string" || !POSTGRES_TIME_ZONES.has(value)) return false;
  try {
    new Intl.DateTimeFormat("en", { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

export function resolveTimeZone(value: string | null | undefined): string {
  return isValidTimeZone(value) ? value : DEFAULT_TIME_ZONE;
}
