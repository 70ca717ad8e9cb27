"use client";

import { AudioLines, Check, Pencil, Trash2, X } from "lucide-react";
import Link from "next/link";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import { formatDuration } from "@/lib/format/duration";
import { displayTitle, TITLE_MAX_LENGTH } from "@/lib/history/title";
import type { SessionListItem } from "@/lib/history/types";
import { ExportMenu } from "./export-menu";
import { formatSessionDate, formatTurns } from "./format";
import { replayPath } from "./history-api";
import type { HistoryActions } from "./sessions-view";
import { useHydrated } from "./use-hydrated";

interface Props {
  item: SessionListItem;
  selected: boolean;
  onSelect: (selected: boolean) => void;
  onDelete: () => void;
  rename: HistoryActions["renameSession"];
  onRenamed: () => Promise<void>;
}

export function StatusBadge({ status }: { status: SessionListItem["status"] }) {
  if (status === "ERROR") return <Badge tone="danger">Error</Badge>;
  if (status === "ACTIVE" || status === "CONNECTING") return <Badge tone="accent">Live</Badge>;
  return <Badge>Ended</Badge>;
}

const iconButton = "grid size-9 shrink-0 place-items-center rounded-lg text-fg-muted transition-colors hover:bg-surface-muted hover:text-fg";

export function SessionRow({ item, selected, onSelect, onDelete, rename, onRenamed }: Props) {
  const hydrated = useHydrated();
  const title = displayTitle(item);
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(title);
  const [shownTitle, setShownTitle] = useState<string | null>(null);
  const [saving, startSaving] = useTransition();

  function save() {
    const next = draft.trim();
    if (next === title) {
      setEditing(false);
      return;
    }
    startSaving(async () => {
      const result = await rename({ sessionId: item.id, title: next });
      if (!result.ok) {
        toast.error(result.error.fieldErrors?.title?.[0] ?? result.error.message);
        return;
      }
      setShownTitle(displayTitle({ title: result.data.title, firstLine: item.firstLine }));
      setEditing(false);
      toast.success("Renamed");
      await onRenamed();
      setShownTitle(null);
    });
  }

  const meta = [
    formatSessionDate(item.startedAt, { timeZone: hydrated ? undefined : "UTC" }),
    item.durationSeconds === null ? null : formatDuration(item.durationSeconds),
    formatTurns(item.turnCount),
    item.personaName ? `${item.personaName} · ${item.voice}` : item.voice,
  ].filter((part): part is string => Boolean(part));

  return (
    <li className={cn("flex items-start gap-3 px-4 py-3.5 sm:px-5", selected && "bg-accent-soft/40")} data-testid="history-row" data-session-id={item.id} data-status={item.status}>
      <input
        type="checkbox"
        checked={selected}
        onChange={(event) => onSelect(event.target.checked)}
        aria-label={`Select “${title}”`}
        className="mt-1 size-4 shrink-0 accent-accent"
        data-testid="history-row-select"
      />
      <div className="min-w-0 flex-1">
        {editing ? (
          <form
            className="flex items-center gap-1.5"
            onSubmit={(event) => {
              event.preventDefault();
              save();
            }}
          >
            <input
              autoFocus
              value={draft}
              maxLength={TITLE_MAX_LENGTH}
              onChange={(event) => setDraft(event.target.value)}
              onKeyDown={(event) => {
                if (event.key === "Escape") setEditing(false);
              }}
              aria-label="Conversation title"
              placeholder={displayTitle({ title: null, firstLine: item.firstLine })}
              disabled={saving}
              className="h-9 min-w-0 flex-1 rounded-lg border border-accent bg-surface px-2.5 text-[15px] font-medium text-fg ring-2 ring-ring/30 focus:outline-none"
              data-testid="history-rename-input"
            />
            <button type="submit" aria-label="Save the title" className={iconButton} disabled={saving} data-testid="history-rename-save">
              <Check aria-hidden className="size-4" />
            </button>
            <button type="button" aria-label="Cancel renaming" className={iconButton} disabled={saving} onClick={() => setEditing(false)}>
              <X aria-hidden className="size-4" />
            </button>
          </form>
        ) : (
          <Link href={replayPath(item.id)} className="line-clamp-2 font-medium break-words text-fg hover:text-accent hover:underline sm:line-clamp-1" data-testid="history-row-title">
            {shownTitle ?? title}
          </Link>
        )}
        {item.summary ? (
          <p className="mt-0.5 line-clamp-2 text-sm text-fg-muted" data-testid="history-row-summary">
            {item.summary}
          </p>
        ) : null}
        <div className="mt-1 flex flex-wrap items-center gap-x-2 gap-y-1 text-sm text-fg-muted">
          <StatusBadge status={item.status} />
          {item.hasAudio ? (
            <span className="inline-flex items-center gap-1 text-xs font-medium text-accent" title="Audio was recorded" data-testid="history-row-audio">
              <AudioLines aria-hidden className="size-3.5" />
              Audio
            </span>
          ) : null}
          {/* Each fact stays on one line; wrapping happens between them. */}
          <span suppressHydrationWarning>{meta.map((part) => part.replaceAll(" ", "\u00a0")).join(" · ")}</span>
        </div>
      </div>
      {editing ? null : (
        <div className="-mr-1.5 flex shrink-0 items-center">
          <button
            type="button"
            aria-label={`Rename “${title}”`}
            className={iconButton}
            onClick={() => {
              setDraft(title);
              setEditing(true);
            }}
            data-testid="history-rename"
          >
            <Pencil aria-hidden className="size-4" />
          </button>
          <ExportMenu sessionId={item.id} title={title} />
          <button type="button" aria-label={`Delete “${title}”`} className={cn(iconButton, "hover:bg-danger-soft hover:text-danger")} onClick={onDelete} data-testid="history-delete">
            <Trash2 aria-hidden className="size-4" />
          </button>
        </div>
      )}
    </li>
  );
}
