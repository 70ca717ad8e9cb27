"use client";

import { Search, X } from "lucide-react";
import { useEffect, useId, useState } from "react";
import { cn } from "@/components/ui/cn";
import { MAX_QUERY_LENGTH, type HistoryFilters, type HistoryStatus } from "@/lib/history/filters";

const SEARCH_DEBOUNCE_MS = 300;

const control =
  "h-10 rounded-lg border border-border bg-surface px-3 text-sm text-fg transition-colors focus-visible:border-accent focus-visible:ring-2 focus-visible:ring-ring/40 focus-visible:outline-none";

const browserTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

export interface PersonaOption {
  id: string;
  name: string;
}

/** Search box, status, persona and date range. Typing waits for a pause before searching. */
export function HistoryFiltersBar({ filters, onChange, personas = [] }: { filters: HistoryFilters; onChange: (next: HistoryFilters) => void; personas?: PersonaOption[] }) {
  const [text, setText] = useState(filters.q ?? "");
  const statusId = useId();
  const personaId = useId();
  const fromId = useId();
  const toId = useId();

  useEffect(() => {
    const q = text.trim() || undefined;
    if (q === filters.q) return;
    const timer = setTimeout(() => onChange({ ...filters, q }), SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text, filters, onChange]);

  const setDate = (key: "from" | "to", value: string) => onChange({ ...filters, [key]: value || undefined, tz: browserTimeZone() });
  const narrowed = Boolean(filters.status || filters.from || filters.to || filters.persona);

  return (
    <div className="flex flex-col gap-3" data-testid="history-filters">
      <form role="search" onSubmit={(event) => event.preventDefault()} className="relative">
        <Search aria-hidden className="pointer-events-none absolute top-1/2 left-3.5 size-4 -translate-y-1/2 text-fg-muted" />
        <input
          type="search"
          aria-label="Search your conversations"
          placeholder="Search everything that was said"
          title='Words, "an exact phrase", -word to leave one out, or to match either'
          value={text}
          maxLength={MAX_QUERY_LENGTH}
          onChange={(event) => setText(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === "Enter") onChange({ ...filters, q: text.trim() || undefined });
          }}
          data-testid="history-search"
          className={cn(control, "h-11 w-full pr-10 pl-10 text-[15px] placeholder:text-fg-muted/70 [&::-webkit-search-cancel-button]:hidden")}
        />
        {text ? (
          <button
            type="button"
            aria-label="Clear the search"
            onClick={() => {
              setText("");
              onChange({ ...filters, q: undefined });
            }}
            className="absolute top-1/2 right-2 grid size-7 -translate-y-1/2 place-items-center rounded-md text-fg-muted hover:bg-surface-muted hover:text-fg"
            data-testid="history-search-clear"
          >
            <X aria-hidden className="size-4" />
          </button>
        ) : null}
      </form>
      <div className="flex flex-wrap items-end gap-x-3 gap-y-2">
        <div className="flex min-w-0 basis-full flex-col gap-1 sm:basis-auto">
          <label htmlFor={statusId} className="text-xs font-medium text-fg-muted">
            Status
          </label>
          <select
            id={statusId}
            value={filters.status ?? ""}
            onChange={(event) => onChange({ ...filters, status: (event.target.value || undefined) as HistoryStatus | undefined })}
            className={cn(control, "w-full sm:w-auto sm:min-w-36")}
            data-testid="history-status"
          >
            <option value="">Any status</option>
            <option value="ended">Ended</option>
            <option value="error">Error</option>
          </select>
        </div>
        {personas.length > 0 ? (
          <div className="flex min-w-0 basis-full flex-col gap-1 sm:basis-auto">
            <label htmlFor={personaId} className="text-xs font-medium text-fg-muted">
              Persona
            </label>
            <select
              id={personaId}
              value={filters.persona ?? ""}
              onChange={(event) => onChange({ ...filters, persona: event.target.value || undefined })}
              className={cn(control, "w-full sm:w-auto sm:max-w-52 sm:min-w-36")}
              data-testid="history-persona"
            >
              <option value="">Any persona</option>
              <option value="default">Default companion</option>
              {personas.map((persona) => (
                <option key={persona.id} value={persona.id}>
                  {persona.name}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        <div className="flex flex-1 flex-wrap items-end gap-x-3 gap-y-2 sm:flex-none">
          <div className="flex min-w-0 flex-1 flex-col gap-1 sm:flex-none">
            <label htmlFor={fromId} className="text-xs font-medium text-fg-muted">
              From
            </label>
            <input id={fromId} type="date" value={filters.from ?? ""} max={filters.to} onChange={(event) => setDate("from", event.target.value)} className={control} data-testid="history-from" />
          </div>
          <div className="flex min-w-0 flex-1 flex-col gap-1 sm:flex-none">
            <label htmlFor={toId} className="text-xs font-medium text-fg-muted">
              To
            </label>
            <input id={toId} type="date" value={filters.to ?? ""} min={filters.from} onChange={(event) => setDate("to", event.target.value)} className={control} data-testid="history-to" />
          </div>
        </div>
        {narrowed ? (
          <button
            type="button"
            onClick={() => onChange({ q: filters.q })}
            className="h-10 rounded-lg px-3 text-sm font-medium text-accent hover:bg-accent-soft"
            data-testid="history-clear-filters"
          >
            Clear filters
          </button>
        ) : null}
      </div>
    </div>
  );
}
