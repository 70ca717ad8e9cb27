import { z } from "zod";

/*
 * What the Sessions page narrows by, as it sits in the URL (`?q=…&status=error&from=…&to=…&tz=…`).
 * The page, the list and search route handlers and the client all read it through this one
 * schema; anything malformed is dropped rather than refused, so a hand-edited URL still opens.
 */

export const HISTORY_STATUSES = ["ended", "error"] as const;
export type HistoryStatus = (typeof HISTORY_STATUSES)[number];

export const HISTORY_PAGE_SIZE = 20;
export const MAX_QUERY_LENGTH = 200;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)));

function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

const lenient = <T extends z.ZodType>(schema: T) => schema.optional().catch(undefined);

export const historyFiltersSchema = z.object({
  q: lenient(z.string().trim().max(MAX_QUERY_LENGTH)).transform((value) => value || undefined),
  status: lenient(z.enum(HISTORY_STATUSES)),
  from: lenient(isoDate),
  to: lenient(isoDate),
  /** The browser's time zone, so a date range means the user's days, not the server's. */
  tz: lenient(z.string().max(64).refine(isTimeZone)),
});

export type HistoryFilters = z.infer<typeof historyFiltersSchema>;

type SearchParams = Record<string, string | string[] | undefined> | URLSearchParams;

export function parseHistoryFilters(params: SearchParams): HistoryFilters {
  const get = (key: string) => {
    const value = params instanceof URLSearchParams ? params.get(key) : params[key];
    return (Array.isArray(value) ? value[0] : value) ?? undefined;
  };
  return historyFiltersSchema.parse({ q: get("q"), status: get("status"), from: get("from"), to: get("to"), tz: get("tz") });
}

/** The filters as URL search params, empty ones left out (`tz` only when a date needs it). */
export function historyFiltersToParams(filters: HistoryFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.q) params.set("q", filters.q);
  if (filters.status) params.set("status", filters.status);
  if (filters.from) params.set("from", filters.from);
  if (filters.to) params.set("to", filters.to);
  if ((filters.from || filters.to) && filters.tz) params.set("tz", filters.tz);
  return params;
}

export const hasNarrowingFilters = (filters: HistoryFilters) => Boolean(filters.status || filters.from || filters.to);
