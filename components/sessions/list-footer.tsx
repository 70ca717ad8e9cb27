"use client";

import type { UseInfiniteQueryResult } from "@tanstack/react-query";
import { Loader2 } from "lucide-react";
import { Button } from "@/components/ui/button";
import { useLoadMore } from "./use-load-more";

/** The end of an infinite list: loads the next page as it scrolls into view, with a button as a fallback. */
export function ListFooter({ query, noun }: { query: Pick<UseInfiniteQueryResult, "hasNextPage" | "isFetchingNextPage" | "fetchNextPage" | "isError">; noun: string }) {
  const { hasNextPage, isFetchingNextPage, fetchNextPage, isError } = query;
  const sentinel = useLoadMore<HTMLDivElement>(() => {
    if (!isFetchingNextPage) void fetchNextPage();
  }, Boolean(hasNextPage) && !isError);

  if (!hasNextPage) return null;
  return (
    <div ref={sentinel} className="flex justify-center py-2" data-testid="history-more">
      {isFetchingNextPage ? (
        <span className="inline-flex items-center gap-2 text-sm text-fg-muted" role="status">
          <Loader2 aria-hidden className="size-4 animate-spin" /> Loading more {noun}…
        </span>
      ) : (
        <Button variant="secondary" size="sm" onClick={() => void fetchNextPage()} data-testid="history-load-more">
          {isError ? "Try again" : `Load more ${noun}`}
        </Button>
      )}
    </div>
  );
}
