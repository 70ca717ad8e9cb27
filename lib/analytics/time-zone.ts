/*
 * The viewer's IANA time zone, as the browser reports it (a cookie set by a small client
 * component). Anything Intl does not know is replaced by UTC, so a forged cookie can never
 * reach SQL as anything but a real zone name.
 */

export const TIME_ZONE_COOKIE = "livemind_tz";
export const DEFAULT_TIME_ZONE = "UTC";

export function isValidTimeZone(value: unknown): value is string {
  if (typeof value !== "string" || value.length === 0 || value.length > 64 || !/^[A-Za-z0-9_+\-/]+$/.test(value)) return false;
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
