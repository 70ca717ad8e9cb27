import { z } from "zod";
import { isValidTimeZone } from "@/lib/analytics/time-zone";
import { isoDay } from "@/lib/validation/calendar";
import { searchQuery } from "./search-query";

export { MAX_QUERY_LENGTH } from "./search-query";

/*
 * What the Sessions page narrows by, as it sits in the URL (`?q=…&status=error&from=…&to=…&tz=…`).
 * The page and the client read it through the lenient schema: anything malformed is dropped, so a
 * hand-edited URL still opens. The list and search route handlers read the same fields strictly
 * (route-input.ts) and answer 400 naming the field.
 */

export const HISTORY_STATUSES = ["ended", "error"] as const;
export type HistoryStatus = (typeof HISTORY_STATUSES)[number];

export const HISTORY_PAGE_SIZE = 20;

/** The filters as a request states them: each field valid, or the request is refused. */
export const historyFilterFields = {
  q: searchQuery.optional().transform((value) => value || undefined),
  status: z.enum(HISTORY_STATUSES, { error: "Status is ended or error." }).optional(),
  from: isoDay.optional(),
  to: isoDay.optional(),
  /** A persona's id, or "default" for the companion without one. */
  persona: z.union([z.literal("default"), z.uuid()], { error: "Persona is a persona id or default." }).optional(),
  /** The browser's time zone, so a date range means the user's days, not the server's. */
  tz: z.string().refine(isValidTimeZone, "Not a time zone this server knows.").optional(),
};

const lenient = <T extends z.ZodType>(schema: T) => schema.optional().catch(undefined);

export const historyFiltersSchema = z.object({
  q: lenient(historyFilterFields.q),
  status: lenient(historyFilterFields.status),
  from: lenient(historyFilterFields.from),
  to: lenient(historyFilterFields.to),
  persona: lenient(historyFilterFields.persona),
  tz: lenient(historyFilterFields.tz),
});

export type HistoryFilters = z.infer<typeof historyFiltersSchema>;

export type SearchParams = Record<string, string | string[] | undefined> | URLSearchParams;

export function parseHistoryFilters(params: SearchParams): HistoryFilters {
  const get = (key: string) => {
    const value = params instanceof URLSearchParams ? params.get(key) : params[key];
    return (Array.isArray(value) ? value[0] : value) ?? undefined;
  };
  return historyFiltersSchema.parse({ q: get("q"), status: get("status"), from: get("from"), to: get("to"), persona: get("persona"), tz: get("tz") });
}

/** The filters as URL search params, empty ones left out (`tz` only when a date needs it). */
export function historyFiltersToParams(filters: HistoryFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.q) params.set("q", filters.q);
  if (filters.status) params.set("status", filters.status);
  if (filters.from) params.set("from", filters.from);
  if (filters.to) params.set("to", filters.to);
  if (filters.persona) params.set("persona", filters.persona);
  if ((filters.from || filters.to) && filters.tz) params.set("tz", filters.tz);
  return params;
}

export const hasNarrowingFilters = (filters: HistoryFilters) => Boolean(filters.status || filters.from || filters.to || filters.persona);
