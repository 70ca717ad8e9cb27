"use client";

import { useInfiniteQuery, useQueryClient } from "@tanstack/react-query";
import { Trash2 } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import type { HistoryFilters } from "@/lib/history/filters";
import type { Page, SessionListItem } from "@/lib/history/types";
import { displayTitle } from "@/lib/history/title";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { NoResults } from "./empty-states";
import { fetchSessionsPage, historyKey } from "./history-api";
import { ListFooter } from "./list-footer";
import { SessionRow } from "./session-row";
import type { HistoryActions } from "./sessions-view";

interface Props {
  filters: HistoryFilters;
  initialPage: Page<SessionListItem> | undefined;
  actions: HistoryActions;
  onClearFilters: () => void;
}

/** The conversations, newest first, loading more as the end comes into view; several can be selected and deleted. */
export function SessionList({ filters, initialPage, actions, onClearFilters }: Props) {
  const queryClient = useQueryClient();
  const router = useRouter();
  const query = useInfiniteQuery({
    queryKey: historyKey("list", filters),
    queryFn: ({ pageParam }) => fetchSessionsPage(filters, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    initialData: initialPage ? { pages: [initialPage], pageParams: [null] } : undefined,
  });
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [confirming, setConfirming] = useState<SessionListItem[] | null>(null);
  const [deleting, startDelete] = useTransition();

  const items = query.data?.pages.flatMap((page) => page.items) ?? [];
  const selectedItems = items.filter((item) => selected.has(item.id));

  const toggle = (id: string, on: boolean) =>
    setSelected((current) => {
      const next = new Set(current);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  async function refresh() {
    await queryClient.invalidateQueries({ queryKey: ["history"] });
    // The server-rendered first page (and the empty state) follow too.
    router.refresh();
  }

  function confirmDelete(form: FormData) {
    const doomed = confirming ?? [];
    startDelete(async () => {
      const result = await actions.deleteSessions({ sessionIds: doomed.map((item) => item.id), forgetMemories: form.get("forgetMemories") === "on" });
      if (!result.ok) {
        toast.error(result.error.message);
        return;
      }
      setConfirming(null);
      setSelected((current) => new Set([...current].filter((id) => !result.data.deleted.includes(id))));
      toast.success(doomed.length === 1 ? "Conversation deleted" : `${doomed.length} conversations deleted`);
      await refresh();
    });
  }

  if (query.isError && items.length === 0) {
    return <NoResults title="The list could not be loaded" hint={query.error.message} action={<Button variant="secondary" onClick={() => query.refetch()}>Try again</Button>} />;
  }
  if (query.isSuccess && items.length === 0) {
    return (
      <NoResults
        title="No conversations match"
        hint="Nothing in your history fits these filters. Widen the dates or pick another status."
        action={<Button variant="secondary" onClick={onClearFilters} data-testid="history-no-results-clear">Clear filters</Button>}
      />
    );
  }

  const allSelected = items.length > 0 && selectedItems.length === items.length;
  const one = confirming?.length === 1 ? confirming[0] : undefined;

  return (
    <>
      <Card>
        <div className="flex min-h-12 flex-wrap items-center gap-3 rounded-t-2xl border-b border-border bg-surface-muted/50 px-4 py-2 sm:px-5" data-testid="history-toolbar">
          <label className="flex items-center gap-2.5 text-sm text-fg-muted">
            <input
              type="checkbox"
              checked={allSelected}
              ref={(box) => {
                if (box) box.indeterminate = selectedItems.length > 0 && !allSelected;
              }}
              onChange={(event) => setSelected(event.target.checked ? new Set(items.map((item) => item.id)) : new Set())}
              className="size-4 accent-accent"
              data-testid="history-select-all"
            />
            {selectedItems.length > 0 ? <span data-testid="history-selected-count">{selectedItems.length} selected</span> : <span>Select</span>}
          </label>
          {selectedItems.length > 0 ? (
            <div className="ml-auto flex items-center gap-2">
              <Button variant="ghost" size="sm" onClick={() => setSelected(new Set())}>
                Clear
              </Button>
              <Button variant="danger" size="sm" onClick={() => setConfirming(selectedItems)} data-testid="history-bulk-delete">
                <Trash2 aria-hidden className="size-4" />
                Delete {selectedItems.length}
              </Button>
            </div>
          ) : null}
        </div>
        <ul className="divide-y divide-border" data-testid="history-list">
          {items.map((item) => (
            <SessionRow
              key={item.id}
              item={item}
              selected={selected.has(item.id)}
              onSelect={(on) => toggle(item.id, on)}
              onDelete={() => setConfirming([item])}
              rename={actions.renameSession}
              onRenamed={refresh}
            />
          ))}
        </ul>
      </Card>
      <ListFooter query={query} noun="conversations" />
      <ConfirmDialog
        open={confirming !== null}
        title={one ? `Delete “${displayTitle(one)}”?` : `Delete ${confirming?.length ?? 0} conversations?`}
        description={`${one ? "Its" : "Their"} transcript, analytics and any recorded audio and camera frames are deleted for good. This cannot be undone.`}
        confirmLabel={one ? "Delete conversation" : `Delete ${confirming?.length ?? 0}`}
        pending={deleting}
        onConfirm={confirmDelete}
        onClose={() => setConfirming(null)}
        testId="confirm-dialog"
      >
        <label className="flex items-center gap-2 text-sm text-fg">
          <input type="checkbox" name="forgetMemories" defaultChecked className="size-4 accent-accent" data-testid="confirm-forget-memories" />
          Also forget what your companion learned from {one ? "it" : "them"}
        </label>
      </ConfirmDialog>
    </>
  );
}
