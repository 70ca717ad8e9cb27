"use client";

import { MessageSquareText, Timer } from "lucide-react";
import { memo } from "react";
import { formatLatency } from "@/components/live/format";
import { Card } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { heardLabel } from "./format";
import { formatOffset } from "./timeline";
import type { ReplayTurnView } from "./types";

interface Props {
  ref: React.Ref<HTMLOListElement>;
  turns: ReplayTurnView[];
  active: number;
  /** Lines can be played from (the conversation was recorded). */
  seekable: boolean;
  onSelect: (index: number) => void;
  className?: string;
}

export function ReplayTranscript({ ref, turns, active, seekable, onSelect, className }: Props) {
  return (
    <Card className={cn("min-w-0 overflow-hidden", className)}>
      <div className="flex items-center justify-between gap-3 border-b border-border px-5 py-3.5 sm:px-6">
        <h2 className="text-base font-semibold">Transcript</h2>
        <p className="hidden text-xs text-fg-muted sm:block">
          {seekable ? "Click a line to play from it · Space plays or pauses · ↑ ↓ move between lines" : "↑ ↓ move between lines"}
        </p>
      </div>
      {turns.length === 0 ? (
        <div className="flex flex-col items-center gap-3 px-6 py-14 text-center" data-testid="replay-empty">
          <span className="grid size-12 place-items-center rounded-2xl bg-accent-soft text-accent">
            <MessageSquareText aria-hidden className="size-6" />
          </span>
          <div>
            <p className="font-medium">Nothing was said in this conversation</p>
            <p className="mt-1 text-sm text-fg-muted">It ended before either of you spoke.</p>
          </div>
        </div>
      ) : (
        <ol ref={ref} className="flex flex-col gap-0.5 p-2 sm:p-3" aria-label="Transcript lines" data-testid="replay-transcript">
          {turns.map((turn, index) => (
            <TurnLine key={turn.id} turn={turn} index={index} active={index === active} seekable={seekable} onSelect={onSelect} />
          ))}
        </ol>
      )}
    </Card>
  );
}

const TurnLine = memo(function TurnLine({
  turn,
  index,
  active,
  seekable,
  onSelect,
}: {
  turn: ReplayTurnView;
  index: number;
  active: boolean;
  seekable: boolean;
  onSelect: (index: number) => void;
}) {
  const user = turn.sender === "user";
  const heard = turn.interrupted ? heardLabel(turn.heardMs) : null;
  const offset = turn.startOffsetMs === null ? null : formatOffset(turn.startOffsetMs);
  return (
    // The margins keep a revealed line clear of the phone's sticky header and player bar.
    <li data-index={index} className="scroll-mt-36 scroll-mb-44 lg:scroll-mt-8 lg:scroll-mb-8">
      <button
        type="button"
        onClick={() => onSelect(index)}
        aria-current={active ? "true" : undefined}
        title={seekable && offset ? `Play from ${offset}` : undefined}
        data-testid="replay-turn"
        data-active={String(active)}
        data-sender={turn.sender}
        data-sequence={turn.sequenceNumber}
        data-offset-ms={turn.startOffsetMs ?? undefined}
        data-interrupted={String(turn.interrupted)}
        className={cn(
          "grid w-full grid-cols-[3rem_minmax(0,1fr)] gap-x-3 rounded-xl px-3 py-2.5 text-left transition-colors sm:grid-cols-[3.5rem_minmax(0,1fr)]",
          active ? "bg-accent-soft" : "hover:bg-surface-muted",
        )}
      >
        <span className={cn("pt-px font-mono text-xs tabular-nums", active ? "font-semibold text-accent" : "text-fg-muted")}>{offset ?? "—"}</span>
        <span className="flex min-w-0 flex-col gap-1">
          <span className="flex flex-wrap items-center gap-x-2 gap-y-1 text-xs">
            <span className={cn("inline-flex items-center gap-1.5 font-semibold", user ? "text-fg" : "text-accent")}>
              <span aria-hidden className={cn("size-1.5 rounded-full", user ? "bg-fg-muted" : "bg-accent")} />
              {user ? "You" : "Companion"}
            </span>
            {turn.interrupted ? (
              <span className="rounded-full bg-surface-muted px-1.5 py-px font-medium text-fg-muted ring-1 ring-border" data-testid="replay-interrupted">
                Interrupted{heard ? ` · ${heard}` : ""}
              </span>
            ) : null}
            {!user && turn.latencyMs !== null ? (
              <span className="inline-flex items-center gap-1 text-fg-muted" title="From the end of your words to the first sound of the reply" data-testid="replay-latency">
                <Timer aria-hidden className="size-3" />
                {formatLatency(turn.latencyMs)}
              </span>
            ) : null}
          </span>
          <span className="text-[15px] leading-relaxed break-words whitespace-pre-wrap text-fg">{turn.text}</span>
        </span>
      </button>
    </li>
  );
});
