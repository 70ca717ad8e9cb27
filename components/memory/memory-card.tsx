"use client";

import { Pencil, Pin, PinOff, Trash2 } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { LocalDateTime } from "@/components/ui/local-date-time";
import { MEMORY_CONTENT_MAX } from "@/lib/memory/actions-input";
import { type MemoryActions, type MemoryView, sourceHref } from "./types";

const importanceLabel = (value: number) => (value >= 0.75 ? "High" : value >= 0.4 ? "Medium" : "Low");

/** One memory: what it says, where it came from, and the user's controls over it. */
export function MemoryCard({ memory, history, actions }: { memory: MemoryView; history: MemoryView[]; actions: MemoryActions }) {
  const router = useRouter();
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(memory.content);
  const [confirming, setConfirming] = useState(false);
  const [pending, startTransition] = useTransition();
  const source = sourceHref(memory);

  const run = (call: () => Promise<{ ok: boolean; error?: { message: string } }>, done: string) =>
    startTransition(async () => {
      const result = await call();
      if (!result.ok) {
        toast.error(result.error?.message ?? "That did not work.");
        return;
      }
      toast.success(done);
      setEditing(false);
      setConfirming(false);
      router.refresh();
    });

  return (
    <li className="flex flex-col gap-2 px-5 py-4 sm:px-6" data-testid="memory-item" data-memory-id={memory.id}>
      {editing ? (
        <form
          className="flex flex-col gap-2"
          onSubmit={(event) => {
            event.preventDefault();
            run(() => actions.edit({ memoryId: memory.id, content: draft }), "Memory updated");
          }}
        >
          <label className="sr-only" htmlFor={`edit-${memory.id}`}>
            Memory
          </label>
          <textarea
            id={`edit-${memory.id}`}
            value={draft}
            maxLength={MEMORY_CONTENT_MAX}
            onChange={(event) => setDraft(event.target.value)}
            rows={2}
            data-testid="memory-edit-input"
            className="w-full rounded-lg border border-border bg-surface px-3 py-2 text-sm text-fg focus-visible:border-accent focus-visible:ring-2 focus-visible:ring-ring/40 focus-visible:outline-none"
          />
          <div className="flex gap-2">
            <Button type="submit" size="sm" pending={pending} disabled={!draft.trim()} data-testid="memory-edit-save">
              Save
            </Button>
            <Button type="button" size="sm" variant="ghost" onClick={() => setEditing(false)}>
              Cancel
            </Button>
          </div>
        </form>
      ) : (
        <div className="flex items-start justify-between gap-3">
          <p className="min-w-0 text-fg" data-testid="memory-content">
            {memory.pinned ? <Pin aria-label="Pinned" className="mr-1.5 inline size-3.5 text-accent" /> : null}
            {memory.content}
          </p>
          <div className="flex shrink-0 gap-1">
            <Button size="sm" variant="ghost" aria-label="Edit memory" onClick={() => setEditing(true)} data-testid="memory-edit">
              <Pencil aria-hidden className="size-4" />
            </Button>
            <Button
              size="sm"
              variant="ghost"
              aria-label={memory.pinned ? "Unpin memory" : "Pin memory"}
              pending={pending && !editing && !confirming}
              onClick={() => run(() => actions.edit({ memoryId: memory.id, pinned: !memory.pinned }), memory.pinned ? "Unpinned" : "Pinned: always remembered")}
              data-testid="memory-pin"
            >
              {memory.pinned ? <PinOff aria-hidden className="size-4" /> : <Pin aria-hidden className="size-4" />}
            </Button>
            <Button size="sm" variant="ghost" aria-label="Delete memory" onClick={() => setConfirming(true)} data-testid="memory-delete">
              <Trash2 aria-hidden className="size-4" />
            </Button>
          </div>
        </div>
      )}
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-fg-muted">
        <span>
          Learned <LocalDateTime iso={memory.validFrom} />
        </span>
        <span>
          Confirmed <LocalDateTime iso={memory.lastConfirmedAt} />
        </span>
        <Badge tone={memory.importance >= 0.75 ? "accent" : "neutral"}>{importanceLabel(memory.importance)} importance</Badge>
        <span data-testid="memory-use-count">Used {memory.useCount === 1 ? "once" : `${memory.useCount} times`}</span>
        {memory.entities.map((entity) => (
          <Badge key={`${entity.type}:${entity.name}`} title={entity.type}>
            {entity.name}
          </Badge>
        ))}
        {source ? (
          <Link href={source} className="font-medium text-accent hover:underline" data-testid="memory-source">
            From {memory.sourceTitle ? `“${memory.sourceTitle}”` : "a conversation"}
          </Link>
        ) : (
          <span>Added by you</span>
        )}
      </div>
      {history.length ? (
        <details className="text-xs text-fg-muted" data-testid="memory-history">
          <summary className="cursor-pointer select-none">Earlier versions ({history.length})</summary>
          <ul className="mt-1.5 flex flex-col gap-1 border-l border-border pl-3">
            {history.map((old) => (
              <li key={old.id}>
                <span className="line-through decoration-fg-muted/60">{old.content}</span> — held <LocalDateTime iso={old.validFrom} /> to{" "}
                {old.validTo ? <LocalDateTime iso={old.validTo} /> : "now"}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      <ConfirmDialog
        open={confirming}
        onClose={() => setConfirming(false)}
        title="Delete this memory?"
        description="Your companion will no longer know it, and its earlier versions go too."
        confirmLabel="Delete"
        pending={pending}
        onConfirm={() => run(() => actions.remove({ memoryId: memory.id }), "Memory deleted")}
      />
    </li>
  );
}
