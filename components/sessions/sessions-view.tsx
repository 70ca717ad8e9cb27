"use client";

import { useState } from "react";
import type { ActionResult } from "@/lib/actions/safe-action";
import { historyFiltersToParams, type HistoryFilters } from "@/lib/history/filters";
import type { DeleteSessionsInput, RenameSessionInput } from "@/lib/history/actions-input";
import type { Page, SearchHit, SessionListItem } from "@/lib/history/types";
import { HistoryFiltersBar, type PersonaOption } from "./history-filters";
import { NoConversations } from "./empty-states";
import { SearchResults } from "./search-results";
import { SessionList } from "./session-list";

export interface HistoryActions {
  renameSession: (input: RenameSessionInput) => Promise<ActionResult<{ id: string; title: string | null }>>;
  deleteSessions: (input: DeleteSessionsInput) => Promise<ActionResult<{ deleted: string[] }>>;
}

type Initial = { filters: HistoryFilters; hasAny: boolean } & ({ kind: "list"; page: Page<SessionListItem> } | { kind: "search"; page: Page<SearchHit> });

/** The Sessions page: filters and search in the URL, the list or the search results below. */
export function SessionsView({ initial, actions, personas = [] }: { initial: Initial; actions: HistoryActions; personas?: PersonaOption[] }) {
  const [filters, setFilters] = useState<HistoryFilters>(initial.filters);
  const initialKey = historyFiltersToParams(initial.filters).toString();
  const key = historyFiltersToParams(filters).toString();

  function update(next: HistoryFilters) {
    setFilters(next);
    // The URL says what is shown (shareable, survives reload) without a server round trip per keystroke.
    const params = historyFiltersToParams(next).toString();
    window.history.replaceState(null, "", params ? `?${params}` : window.location.pathname);
  }

  if (!initial.hasAny) return <NoConversations />;

  return (
    <div className="flex flex-col gap-4">
      <HistoryFiltersBar filters={filters} onChange={update} personas={personas} />
      {filters.q ? (
        <SearchResults filters={filters} initialPage={initial.kind === "search" && key === initialKey ? initial.page : undefined} />
      ) : (
        <SessionList
          filters={filters}
          initialPage={initial.kind === "list" && key === initialKey ? initial.page : undefined}
          actions={actions}
          onClearFilters={() => update({ q: filters.q })}
        />
      )}
    </div>
  );
}
