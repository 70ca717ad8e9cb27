import { historyFiltersToParams, type HistoryFilters } from "@/lib/history/filters";
import type { Page, SearchHit, SessionListItem } from "@/lib/history/types";

/* The browser's side of the history route handlers. */

async function getPage<T>(path: string, filters: HistoryFilters, cursor: string | null): Promise<Page<T>> {
  const params = historyFiltersToParams(filters);
  if (cursor) params.set("cursor", cursor);
  const response = await fetch(`${path}?${params}`, { headers: { accept: "application/json" } });
  const body = (await response.json().catch(() => null)) as (Page<T> & { message?: string }) | null;
  if (!response.ok || !body) throw new Error(body?.message ?? "The list could not be loaded. Please try again.");
  return body;
}

export const fetchSessionsPage = (filters: HistoryFilters, cursor: string | null) => getPage<SessionListItem>("/api/sessions", filters, cursor);
export const fetchSearchPage = (filters: HistoryFilters, cursor: string | null) => getPage<SearchHit>("/api/sessions/search", filters, cursor);

export const historyKey = (kind: "list" | "search", filters: HistoryFilters) => ["history", kind, historyFiltersToParams(filters).toString()] as const;

export const exportPath = (sessionId: string, format: "md" | "json") => {
  const params = new URLSearchParams({ format });
  const tz = Intl.DateTimeFormat().resolvedOptions().timeZone;
  if (tz) params.set("tz", tz);
  return `/api/sessions/${sessionId}/export?${params}`;
};

export const EXPORT_ALL_PATH = "/api/sessions/export";

export const replayPath = (sessionId: string, turn?: number) => (turn === undefined ? `/sessions/${sessionId}` : `/sessions/${sessionId}?turn=${turn}`);
