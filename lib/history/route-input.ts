import "server-only";
import { z } from "zod";
import { AppError, fieldErrorsOf } from "@/lib/errors/app-error";
import { readListCursor, readSearchCursor } from "./cursor";
import { historyFilterFields, type HistoryFilters } from "./filters";

const query = z.object({ ...historyFilterFields, cursor: z.string().max(400).optional() });

/**
 * Filters and cursor of a list or search request. Unlike the page, a route refuses what it
 * cannot use with a 400 naming the field: a program calling it should hear about its mistake.
 */
export function historyRequest(request: Request, kind: "list" | "search"): { filters: HistoryFilters; cursor: string | undefined } {
  const params = new URL(request.url).searchParams;
  const parsed = query.safeParse(Object.fromEntries(["q", "status", "from", "to", "persona", "tz", "cursor"].flatMap((key) => (params.has(key) ? [[key, params.get(key)]] : []))));
  if (!parsed.success) throw new AppError("bad_request:input", "Some of the filters are not valid.", { fieldErrors: fieldErrorsOf(parsed.error) });
  const { cursor, ...filters } = parsed.data;
  if (cursor && !(kind === "list" ? readListCursor(cursor) : readSearchCursor(cursor))) {
    throw new AppError("bad_request:input", "That page position is not valid.");
  }
  return { filters, cursor };
}
