"use client";

import { keepPreviousData, useInfiniteQuery } from "@tanstack/react-query";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import type { HistoryFilters } from "@/lib/history/filters";
import { searchHitsLabel } from "@/lib/history/hit-count";
import { splitSnippet } from "@/lib/history/snippet";
import { displayTitle } from "@/lib/history/title";
import type { Page, SearchHit } from "@/lib/history/types";
import { NoResults } from "./empty-states";
import { formatOffset, formatSessionDate } from "./format";
import { fetchSearchPage, historyKey, replayPath } from "./history-api";
import { ListFooter } from "./list-footer";
import { useHydrated } from "./use-hydrated";

/** The matched words, marked; the rest as plain text (never HTML). */
function Snippet({ snippet }: { snippet: string }) {
  return (
    <>
      {splitSnippet(snippet).map((part, index) =>
        part.match ? (
          <mark key={index} className="rounded-sm bg-accent-soft px-0.5 font-semibold text-accent" data-testid="history-hit-match">
            {part.text}
          </mark>
        ) : (
          <span key={index}>{part.text}</span>
        ),
      )}
    </>
  );
}

/** Who said the line, or "Summary" for a conversation whose title or summary matched. */
function hitLabel(hit: SearchHit): string {
  if (hit.match === "summary") return "Summary";
  const offset = formatOffset(hit.startOffsetMs);
  return `${hit.sender === "user" ? "You" : (hit.personaName ?? "Companion")}${offset ? ` · ${offset}` : ""}`;
}

function Hit({ hit, hydrated }: { hit: SearchHit; hydrated: boolean }) {
  return (
    <li>
      <Link
        href={replayPath(hit.sessionId, hit.sequenceNumber ?? undefined)}
        className="block px-4 py-3.5 transition-colors hover:bg-surface-muted/60 focus-visible:bg-surface-muted/60 sm:px-5"
        data-testid="history-hit"
        data-match={hit.match}
        data-session-id={hit.sessionId}
        data-turn={hit.sequenceNumber ?? undefined}
      >
        <p className="flex flex-wrap items-baseline gap-x-2 text-sm">
          <span className="min-w-0 truncate font-medium text-fg">{displayTitle({ title: hit.sessionTitle, firstLine: hit.firstLine })}</span>
          <span className="text-fg-muted" suppressHydrationWarning>
            {formatSessionDate(hit.startedAt, { timeZone: hydrated ? undefined : "UTC" })}
          </span>
        </p>
        <p className="mt-1.5 text-[15px] leading-relaxed text-pretty text-fg">
          <span className="mr-2 text-xs font-semibold tracking-wide text-fg-muted uppercase">{hitLabel(hit)}</span>
          <Snippet snippet={hit.snippet} />
        </p>
      </Link>
    </li>
  );
}

/** Lines of the user's transcripts (and conversations by title or summary) that match the search, best first; each opens the replay (at that line). */
export function SearchResults({ filters, initialPage }: { filters: HistoryFilters; initialPage: Page<SearchHit> | undefined }) {
  const hydrated = useHydrated();
  const query = useInfiniteQuery({
    queryKey: historyKey("search", filters),
    queryFn: ({ pageParam }) => fetchSearchPage(filters, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    initialData: initialPage ? { pages: [initialPage], pageParams: [null] } : undefined,
    // While the next words are searched, the last results stay (dimmed) instead of blinking away.
    placeholderData: keepPreviousData,
  });
  const hits = query.data?.pages.flatMap((page) => page.items) ?? [];

  if (query.isPending) {
    return (
      <Card aria-busy className="px-5 py-8 text-center text-sm text-fg-muted" data-testid="history-searching">
        Searching…
      </Card>
    );
  }
  if (query.isError && hits.length === 0) {
    return <NoResults title="The search could not run" hint={query.error.message} action={<Button variant="secondary" onClick={() => query.refetch()}>Try again</Button>} />;
  }
  if (hits.length === 0) {
    return (
      <NoResults
        title={`Nothing said matches “${filters.q}”`}
        hint='Try fewer or other words. Use "quotes" for an exact phrase, -word to leave a word out, and or for either word.'
      />
    );
  }
  return (
    <>
      <Card className={query.isPlaceholderData ? "opacity-60 transition-opacity" : undefined} aria-busy={query.isPlaceholderData || undefined}>
        <p className="border-b border-border px-4 py-2.5 text-sm text-fg-muted sm:px-5" data-testid="history-hits-summary" aria-live="polite">
          {searchHitsLabel(hits, query.hasNextPage)}
        </p>
        <ul className="divide-y divide-border" data-testid="history-hits">
          {hits.map((hit) => (
            <Hit key={hit.id} hit={hit} hydrated={hydrated} />
          ))}
        </ul>
      </Card>
      <ListFooter query={query} noun="matches" />
    </>
  );
}
