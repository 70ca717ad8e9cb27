import "server-only";
import { z } from "zod";
import { AppError } from "@/lib/errors/app-error";
import { parseHistoryFilters, type HistoryFilters } from "./filters";

const cursor = z.string().max(400).optional();

/** Filters and cursor of a history request. Filters are lenient (see filters.ts); a cursor must be sane. */
export function historyRequest(request: Request): { filters: HistoryFilters; cursor: string | undefined } {
  const params = new URL(request.url).searchParams;
  const parsed = cursor.safeParse(params.get("cursor") ?? undefined);
  if (!parsed.success) throw new AppError("bad_request:input", "That page position is not valid.");
  return { filters: parseHistoryFilters(params), cursor: parsed.data };
}
